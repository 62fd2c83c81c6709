using System.Formats.Tar;
using System.IO.Compression;
using Detector.Preprocessing.Reporting;

namespace Detector.Preprocessing.Sources;

/// <summary>The archive formats <see cref="ArchiveExtractor"/> knows.</summary>
public enum ArchiveFormat
{
    /// <summary>.zip</summary>
    Zip,

    /// <summary>.tar.gz / .tgz</summary>
    TarGz,
}

/// <summary>Limits applied while extracting an archive.</summary>
/// <param name="MaxExtractedBytes">Total bytes written, counted as they are written (never trusting sizes in headers).</param>
/// <param name="MaxEntries">Most entries (files and folders).</param>
public sealed record ExtractionLimits(long MaxExtractedBytes, int MaxEntries);

/// <summary>An archive or one of its entries was refused; the message names the archive and the entry.</summary>
public sealed class UnsafeArchiveException(string message) : IOException(message);

/// <summary>
/// Extracts zip and tar.gz archives safely: refuses entries that escape the target folder (.., absolute paths, drive
/// letters, backslashes), links and devices, more than <see cref="ExtractionLimits.MaxEntries"/> entries, and more bytes
/// than <see cref="ExtractionLimits.MaxExtractedBytes"/>. On refusal the partial output is left for the caller to delete.
/// </summary>
public static class ArchiveExtractor
{
    private const int UnixFileTypeMask = 0xF000;
    private const int UnixRegularFile = 0x8000;
    private const int UnixDirectory = 0x4000;
    private const int UnixSymlink = 0xA000;

    /// <summary>Recognises an archive by its first bytes (zip: "PK\x03\x04" or an empty zip's "PK\x05\x06"; gzip: 1f 8b).</summary>
    public static ArchiveFormat? Sniff(ReadOnlySpan<byte> head) => head switch
    {
        [0x50, 0x4B, 0x03, 0x04, ..] or [0x50, 0x4B, 0x05, 0x06, ..] => ArchiveFormat.Zip,
        [0x1F, 0x8B, ..] => ArchiveFormat.TarGz,
        _ => null,
    };

    /// <summary>
    /// Extracts <paramref name="archivePath"/> into <paramref name="targetDirectory"/>; returns the number of files written.
    /// Errors name <paramref name="displayName"/> (the source URL) or, when null, the archive's file name.
    /// </summary>
    public static async Task<int> ExtractAsync(string archivePath, ArchiveFormat format, string targetDirectory, ExtractionLimits limits, CancellationToken ct,
        string? displayName = null)
    {
        Directory.CreateDirectory(targetDirectory);
        var name = displayName ?? Path.GetFileName(archivePath);
        var state = new ExtractionState(name, targetDirectory, limits);
        await using var file = new FileStream(archivePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        try
        {
            if (format == ArchiveFormat.Zip)
                await ExtractZipAsync(file, state, ct);
            else
                await ExtractTarGzAsync(file, state, ct);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            // Broken central directories, bad gzip data, malformed tar headers: all "this is not a readable archive".
            throw new UnsafeArchiveException($"{name}: not a readable {(format == ArchiveFormat.Zip ? "zip" : "tar.gz")} archive: {e.Message}");
        }
        return state.Files;
    }

    /// <summary>The entry count a zip's end-of-central-directory record declares, or null when it is not found (or zip64).</summary>
    internal static long? DeclaredZipEntries(Stream file)
    {
        // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
        var tail = (int)Math.Min(file.Length, 22 + 65535);
        var buffer = new byte[tail];
        file.Seek(-tail, SeekOrigin.End);
        file.ReadExactly(buffer);
        file.Seek(0, SeekOrigin.Begin);
        for (var i = tail - 22; i >= 0; i--)
            if (buffer[i] == 0x50 && buffer[i + 1] == 0x4B && buffer[i + 2] == 0x05 && buffer[i + 3] == 0x06)
            {
                var total = buffer[i + 10] | (buffer[i + 11] << 8);
                return total == 0xFFFF ? null : total;
            }
        return null;
    }

    private static async Task ExtractZipAsync(Stream file, ExtractionState state, CancellationToken ct)
    {
        // ZipArchive reads the whole central directory into objects first: refuse a million entries before that.
        if (DeclaredZipEntries(file) is { } declared && declared > state.MaxEntries)
            throw state.Refuse("(central directory)", $"declares {declared} entries, more than the limit of {state.MaxEntries} entries");
        using var zip = new ZipArchive(file, ZipArchiveMode.Read);
        foreach (var entry in zip.Entries)
        {
            ct.ThrowIfCancellationRequested();
            var path = state.Admit(entry.FullName);
            var unixType = (entry.ExternalAttributes >> 16) & UnixFileTypeMask;
            if (unixType == UnixSymlink)
                throw state.Refuse(entry.FullName, "is a symbolic link");
            if (unixType is not (0 or UnixRegularFile or UnixDirectory))
                throw state.Refuse(entry.FullName, $"is a special file (unix type 0x{unixType:X4})");
            if (entry.FullName.EndsWith('/') || unixType == UnixDirectory)
            {
                state.CreateFolder(entry.FullName, path);
                continue;
            }
            await using var input = entry.Open();
            await state.WriteFileAsync(entry.FullName, path, input, ct);
        }
    }

    private static async Task ExtractTarGzAsync(Stream file, ExtractionState state, CancellationToken ct)
    {
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync(copyData: false, ct) is { } entry)
        {
            // A pax global header describes the archive, not a file.
            if (entry.EntryType == TarEntryType.GlobalExtendedAttributes)
                continue;
            var path = state.Admit(entry.Name);
            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    state.CreateFolder(entry.Name, path);
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    if (entry.DataStream is null)
                        await state.WriteFileAsync(entry.Name, path, Stream.Null, ct);
                    else
                        await state.WriteFileAsync(entry.Name, path, entry.DataStream, ct);
                    break;
                case TarEntryType.SymbolicLink:
                    throw state.Refuse(entry.Name, $"is a symbolic link (to '{entry.LinkName}')");
                case TarEntryType.HardLink:
                    throw state.Refuse(entry.Name, $"is a hard link (to '{entry.LinkName}')");
                default:
                    throw state.Refuse(entry.Name, $"is a {entry.EntryType} entry; only files and folders are extracted");
            }
        }
    }

    /// <summary>Running totals and the checks every entry goes through.</summary>
    private sealed class ExtractionState(string archiveName, string targetDirectory, ExtractionLimits limits)
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private int _entries;
        private long _bytes;

        public int Files { get; private set; }

        public int MaxEntries => limits.MaxEntries;

        /// <summary>Counts the entry and returns where it goes, or throws naming it.</summary>
        public string Admit(string entryName)
        {
            if (++_entries > limits.MaxEntries)
                throw Refuse(entryName, $"is past the limit of {limits.MaxEntries} entries (DETECTOR_SOURCE_MAX_ENTRIES)");
            var relative = ArchiveEntryPaths.TryNormalize(entryName, out var reason)
                ?? throw Refuse(entryName, reason);
            return ArchiveEntryPaths.Resolve(targetDirectory, relative, archiveName, entryName);
        }

        public async Task WriteFileAsync(string entryName, string path, Stream input, CancellationToken ct)
        {
            CreateFolder(entryName, Path.GetDirectoryName(path)!);
            if (!_seen.Add(path))
                throw Refuse(entryName, "appears twice");
            if (Directory.Exists(path))
                throw Refuse(entryName, "is a file where the archive also has a folder of the same name");
            await using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await input.ReadAsync(buffer, ct)) > 0)
            {
                // Count what is really written: sizes in zip and tar headers can lie.
                _bytes += read;
                if (_bytes > limits.MaxExtractedBytes)
                    throw Refuse(entryName, $"takes the extracted size past the limit of {limits.MaxExtractedBytes} bytes (the smallest of --max-extracted-bytes, " +
                        "--max-extraction-ratio times the archive size, and the scratch space left)");
                await output.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            Files++;
        }

        /// <summary>Creates a folder, or refuses the entry naming it (not the scratch path) when a file of that name is in the way.</summary>
        public void CreateFolder(string entryName, string path)
        {
            for (var parent = path; parent.Length > targetDirectory.Length; parent = Path.GetDirectoryName(parent)!)
                if (File.Exists(parent))
                    throw Refuse(entryName, $"needs the folder '{Path.GetRelativePath(targetDirectory, parent).Replace('\\', '/')}', which the archive also has as a file");
            Directory.CreateDirectory(path);
        }

        public UnsafeArchiveException Refuse(string entryName, string reason) =>
            new($"{archiveName}: refused entry '{TerminalText.Escape(entryName)}': it {reason}");
    }
}
