using System.Formats.Tar;
using System.IO.Compression;

namespace Detector.Preprocessing.Tests.Sources;

/// <summary>Builds small zip and tar.gz archives in memory for the safety corpus and the download tests.</summary>
internal static class ArchiveBuilder
{
    /// <summary>A zip holding the given entries; a null content makes a folder entry; a mode sets unix attributes.</summary>
    public static byte[] Zip(params (string Name, byte[]? Content, int? UnixMode)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content, mode) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                if (mode is { } m)
                    entry.ExternalAttributes = m << 16;
                if (content is not null)
                {
                    using var stream = entry.Open();
                    stream.Write(content);
                }
            }
        }
        return memory.ToArray();
    }

    /// <summary>A zip of files.</summary>
    public static byte[] ZipFiles(params (string Name, string Content)[] files) =>
        Zip([.. files.Select(f => (f.Name, (byte[]?)System.Text.Encoding.UTF8.GetBytes(f.Content), (int?)null))]);

    /// <summary>A tar.gz of the given entries.</summary>
    public static byte[] TarGz(params TarEntry[] entries)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var entry in entries)
                tar.WriteEntry(entry);
        }
        return memory.ToArray();
    }

    /// <summary>A tar.gz of files.</summary>
    public static byte[] TarGzFiles(params (string Name, string Content)[] files) =>
        TarGz([.. files.Select(f => File(f.Name, f.Content))]);

    /// <summary>A regular file tar entry.</summary>
    public static TarEntry File(string name, string content) => new PaxTarEntry(TarEntryType.RegularFile, name)
    {
        DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)),
    };

    /// <summary>A link tar entry (symbolic or hard).</summary>
    public static TarEntry Link(TarEntryType type, string name, string target) => new PaxTarEntry(type, name) { LinkName = target };
}
