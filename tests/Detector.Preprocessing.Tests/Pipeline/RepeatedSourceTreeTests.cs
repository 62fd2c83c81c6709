using Detector.Preprocessing.Pipeline;
using Detector.Preprocessing.Sources;

namespace Detector.Preprocessing.Tests.Pipeline;

public class RepeatedSourceTreeTests
{
    [Fact]
    public async Task Repeat_ThreeTimes_RenamesFilesInFoldersAndReadsTheOriginal()
    {
        var root = Path.Combine(Path.GetTempPath(), "detector-tests", "repeat-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(root, "images"));
        await File.WriteAllTextAsync(Path.Combine(root, "classes.txt"), "a\n");
        await File.WriteAllTextAsync(Path.Combine(root, "images", "x.jpg"), "pixels");

        await using var tree = new RepeatedSourceTree(LocalSourceTree.Open(root), 3);

        Assert.Equal(["classes.txt", "images/x~r000.jpg", "images/x~r001.jpg", "images/x~r002.jpg"], tree.Files.Select(f => f.RelativePath));
        Assert.Equal("pixels"u8.ToArray(), await tree.ReadAllBytesAsync("images/x~r002.jpg", CancellationToken.None));
    }
}
