using System.Formats.Tar;
using Detector.Preprocessing.Sources;

namespace Detector.Preprocessing.Tests.Sources;

/// <summary>The safety corpus: each hostile archive is refused with a message naming the archive entry.</summary>
public sealed class ArchiveExtractorTests : IDisposable
{
    private static readonly ExtractionLimits s_limits = new(MaxExtractedBytes: 1 << 20, MaxEntries: 100);
    private readonly string _work = Directory.CreateTempSubdirectory("extract-tests-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task ExtractAsync_ZipWithDotDotEntry_RefusesNamingTheEntryAndWritesNothingOutside()
    {
        var zip = ArchiveBuilder.ZipFiles(("ok.txt", "fine"), ("../evil.txt", "pwned"));

        var error = await RefusedAsync(zip, ArchiveFormat.Zip);

        Assert.Contains("'../evil.txt'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'..'", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_work, "evil.txt")));
    }

    [Theory]
    [InlineData("/etc/evil", "absolute path")]
    [InlineData("C:/Windows/evil.dll", "drive letter")]
    [InlineData("dir\\..\\..\\evil", "backslash")]
    [InlineData("a/../../evil", "'..'")]
    public async Task ExtractAsync_ZipWithHostilePath_RefusesNamingTheEntry(string entry, string reason)
    {
        var error = await RefusedAsync(ArchiveBuilder.ZipFiles((entry, "x")), ArchiveFormat.Zip);

        Assert.Contains($"'{entry}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("archive.bin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_ZipWithUnixSymlinkEntry_Refuses()
    {
        var zip = ArchiveBuilder.Zip(("link", "/etc/passwd"u8.ToArray(), 0xA000 | 0x1FF));

        var error = await RefusedAsync(zip, ArchiveFormat.Zip);

        Assert.Contains("'link'", error.Message, StringComparison.Ordinal);
        Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_TarWithSymlink_RefusesNamingEntryAndTarget()
    {
        var tar = ArchiveBuilder.TarGz(ArchiveBuilder.File("images/a.jpg", "x"), ArchiveBuilder.Link(TarEntryType.SymbolicLink, "images/b.jpg", "/etc/shadow"));

        var error = await RefusedAsync(tar, ArchiveFormat.TarGz);

        Assert.Contains("'images/b.jpg'", error.Message, StringComparison.Ordinal);
        Assert.Contains("symbolic link (to '/etc/shadow')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_TarWithHardLink_RefusesNamingEntry()
    {
        var tar = ArchiveBuilder.TarGz(ArchiveBuilder.Link(TarEntryType.HardLink, "labels/a.txt", "/etc/passwd"));

        var error = await RefusedAsync(tar, ArchiveFormat.TarGz);

        Assert.Contains("'labels/a.txt'", error.Message, StringComparison.Ordinal);
        Assert.Contains("hard link", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_TarWithDevice_Refuses()
    {
        var tar = ArchiveBuilder.TarGz(new PaxTarEntry(TarEntryType.CharacterDevice, "dev/null"));

        var error = await RefusedAsync(tar, ArchiveFormat.TarGz);

        Assert.Contains("'dev/null'", error.Message, StringComparison.Ordinal);
        Assert.Contains("CharacterDevice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_ZipBombPastMaxExtractedBytes_RefusesNamingTheEntry()
    {
        // 4 MiB of zeros compresses to a few KiB; the limit is 1 MiB.
        var zip = ArchiveBuilder.Zip(("small.txt", new byte[10], null), ("bomb.bin", new byte[4 << 20], null));
        Assert.True(zip.Length < 64 * 1024);

        var error = await RefusedAsync(zip, ArchiveFormat.Zip);

        Assert.Contains("'bomb.bin'", error.Message, StringComparison.Ordinal);
        Assert.Contains("limit of 1048576 bytes", error.Message, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(_work, "out", "bomb.bin")).Length <= 1 << 20);
    }

    [Fact]
    public async Task ExtractAsync_TarBombPastMaxExtractedBytes_Refuses()
    {
        var tar = ArchiveBuilder.TarGz(new PaxTarEntry(TarEntryType.RegularFile, "big.bin") { DataStream = new MemoryStream(new byte[2 << 20]) });

        var error = await RefusedAsync(tar, ArchiveFormat.TarGz);

        Assert.Contains("'big.bin'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_TooManyEntriesInTarGz_RefusesNamingTheFirstEntryPastTheLimit()
    {
        var tar = ArchiveBuilder.TarGzFiles([.. Enumerable.Range(0, 5).Select(i => ($"f{i}.txt", "x"))]);

        var error = await RefusedAsync(tar, ArchiveFormat.TarGz, new ExtractionLimits(1 << 20, MaxEntries: 3));

        Assert.Contains("'f3.txt'", error.Message, StringComparison.Ordinal);
        Assert.Contains("limit of 3 entries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_ZipDeclaringTooManyEntries_RefusesFromTheCentralDirectoryBeforeReadingIt()
    {
        var zip = ArchiveBuilder.ZipFiles([.. Enumerable.Range(0, 5).Select(i => ($"f{i}.txt", "x"))]);

        var error = await RefusedAsync(zip, ArchiveFormat.Zip, new ExtractionLimits(1 << 20, MaxEntries: 3));

        Assert.Contains("declares 5 entries", error.Message, StringComparison.Ordinal);
        Assert.Contains("limit of 3 entries", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(Path.Combine(_work, "out")) ? Directory.EnumerateFileSystemEntries(Path.Combine(_work, "out"), "*", SearchOption.AllDirectories) : []);
    }

    [Theory]
    [InlineData("a", "a/b.txt", "needs the folder 'a', which the archive also has as a file")]
    [InlineData("a/b.txt", "a", "is a file where the archive also has a folder of the same name")]
    public async Task ExtractAsync_FileAndFolderOfTheSameName_RefusesNamingTheEntryNotTheScratchPath(string first, string second, string reason)
    {
        var error = await RefusedAsync(ArchiveBuilder.ZipFiles((first, "1"), (second, "2")), ArchiveFormat.Zip);

        Assert.Contains($"refused entry '{second}': it {reason}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_work, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_DuplicateEntry_Refuses()
    {
        var error = await RefusedAsync(ArchiveBuilder.ZipFiles(("a.txt", "1"), ("./a.txt", "2")), ArchiveFormat.Zip);

        Assert.Contains("'./a.txt'", error.Message, StringComparison.Ordinal);
        Assert.Contains("appears twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ArchiveFormat.Zip)]
    [InlineData(ArchiveFormat.TarGz)]
    public async Task ExtractAsync_GoodArchive_WritesEveryFile(ArchiveFormat format)
    {
        (string, string)[] files = [("images/a.jpg", "AAA"), ("labels/a.txt", "0 0.5 0.5 0.1 0.1"), ("classes.txt", "fish")];
        var bytes = format == ArchiveFormat.Zip ? ArchiveBuilder.ZipFiles(files) : ArchiveBuilder.TarGzFiles(files);
        var archive = Path.Combine(_work, "archive.bin");
        await File.WriteAllBytesAsync(archive, bytes);

        var count = await ArchiveExtractor.ExtractAsync(archive, format, Path.Combine(_work, "out"), s_limits, CancellationToken.None);

        Assert.Equal(3, count);
        Assert.Equal("0 0.5 0.5 0.1 0.1", await File.ReadAllTextAsync(Path.Combine(_work, "out", "labels", "a.txt")));
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14 }, ArchiveFormat.Zip)]
    [InlineData(new byte[] { 0x50, 0x4B, 0x05, 0x06 }, ArchiveFormat.Zip)]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08 }, ArchiveFormat.TarGz)]
    [InlineData(new byte[] { 0x3C, 0x68, 0x74, 0x6D }, null)]
    [InlineData(new byte[] { }, null)]
    public void Sniff_Table_RecognisesZipAndGzip(byte[] head, ArchiveFormat? expected)
    {
        Assert.Equal(expected, ArchiveExtractor.Sniff(head));
    }

    private async Task<UnsafeArchiveException> RefusedAsync(byte[] archiveBytes, ArchiveFormat format, ExtractionLimits? limits = null)
    {
        var archive = Path.Combine(_work, "archive.bin");
        await File.WriteAllBytesAsync(archive, archiveBytes);
        return await Assert.ThrowsAsync<UnsafeArchiveException>(
            () => ArchiveExtractor.ExtractAsync(archive, format, Path.Combine(_work, "out"), limits ?? s_limits, CancellationToken.None));
    }
}
