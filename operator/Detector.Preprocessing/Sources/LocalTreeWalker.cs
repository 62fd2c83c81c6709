using System.Runtime.InteropServices;
using Detector.Preprocessing.Reporting;

namespace Detector.Preprocessing.Sources;

/// <summary>
/// Lists a local folder without ever leaving it: folders are walked without following links (so no loops), a file link
/// is listed only when it resolves to a regular file inside the tree, and FIFOs, sockets and devices are refused (reading
/// a FIFO named .jpg would wait forever). Everything left out is returned with its reason.
/// </summary>
internal static class LocalTreeWalker
{
    /// <summary>Regular files (relative path, size) in ordinal order, and the refused entries.</summary>
    public static (List<SourceFile> Files, List<SourceRefusal> Refused) Walk(string root)
    {
        var files = new List<SourceFile>();
        var refused = new List<SourceRefusal>();
        var rootWithSeparator = Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar;
        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(root));
        var options = new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false, ReturnSpecialDirectories = false };
        while (pending.Count > 0)
        {
            foreach (var entry in pending.Pop().EnumerateFileSystemInfos("*", options))
            {
                var relative = Path.GetRelativePath(root, entry.FullName).Replace(Path.DirectorySeparatorChar, '/');
                if (entry.LinkTarget is { } target)
                {
                    var resolved = entry.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
                    if (entry is DirectoryInfo)
                        refused.Add(new(relative, $"is a symbolic link to the folder '{TerminalText.Escape(target)}'; linked folders are not followed"));
                    else if (resolved is null || !resolved.StartsWith(rootWithSeparator, StringComparison.Ordinal))
                        refused.Add(new(relative, $"is a symbolic link to '{TerminalText.Escape(target)}', outside the source folder; it is not followed"));
                    else if (FileType(resolved) is { } linkedType and not UnixType.Regular)
                        refused.Add(new(relative, $"is a symbolic link to a {Describe(linkedType)}; only regular files are read"));
                    else
                        files.Add(new(relative, new FileInfo(resolved).Length));
                    continue;
                }
                if (entry is DirectoryInfo directory)
                {
                    pending.Push(directory);
                    continue;
                }
                if (FileType(entry.FullName) is { } type and not UnixType.Regular)
                {
                    refused.Add(new(relative, $"is a {Describe(type)}; only regular files are read"));
                    continue;
                }
                files.Add(new(relative, ((FileInfo)entry).Length));
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        refused.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return (files, refused);
    }

    private enum UnixType
    {
        Regular,
        Fifo,
        CharacterDevice,
        BlockDevice,
        Socket,
        Other,
    }

    private static string Describe(UnixType type) => type switch
    {
        UnixType.Fifo => "FIFO (named pipe)",
        UnixType.CharacterDevice => "character device",
        UnixType.BlockDevice => "block device",
        UnixType.Socket => "socket",
        _ => "special file",
    };

    // .NET reports FIFOs and devices as ordinary files; the runtime's own lstat shim (System.Native, a stable C ABI
    // whose FileStatus starts with int Flags, int Mode) tells them apart. Null off Unix or when the shim is missing.
    private static UnixType? FileType(string path)
    {
        if (OperatingSystem.IsWindows())
            return null;
        try
        {
            Span<byte> status = stackalloc byte[512];
            if (LStat(path, ref MemoryMarshal.GetReference(status)) != 0)
                return null;
            var mode = BitConverter.ToInt32(status[4..8]);
            return (mode & 0xF000) switch
            {
                0x8000 => UnixType.Regular,
                0x1000 => UnixType.Fifo,
                0x2000 => UnixType.CharacterDevice,
                0x6000 => UnixType.BlockDevice,
                0xC000 => UnixType.Socket,
                _ => UnixType.Other,
            };
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", SetLastError = true)]
    private static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, ref byte status);
}
