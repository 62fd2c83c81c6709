using Detector.Preprocessing.Sources;

namespace Detector.Preprocessing.Tests.Sources;

public sealed class ArchiveEntryPathsTests
{
    [Theory]
    [InlineData("images/a.jpg", "images/a.jpg")]
    [InlineData("./images//a.jpg", "images/a.jpg")]
    [InlineData("folder/", "folder")]
    [InlineData("a..b/c..", "a..b/c..")]
    [InlineData("..hidden", "..hidden")]
    public void TryNormalize_SafeName_ReturnsCleanRelativePath(string entry, string expected)
    {
        Assert.Equal(expected, ArchiveEntryPaths.TryNormalize(entry, out _));
    }

    [Theory]
    [InlineData("../evil", "'..'")]
    [InlineData("a/../../evil", "'..'")]
    [InlineData("a/..", "'..'")]
    [InlineData("/etc/passwd", "absolute")]
    [InlineData("//server/share", "absolute")]
    [InlineData("C:/evil", "drive letter")]
    [InlineData("c:evil", "drive letter")]
    [InlineData("..\\evil", "backslash")]
    [InlineData("a\\b", "backslash")]
    [InlineData("a\0b", "NUL")]
    [InlineData("./", "empty")]
    [InlineData("", "empty")]
    public void TryNormalize_HostileName_ReturnsNullWithReason(string entry, string reason)
    {
        Assert.Null(ArchiveEntryPaths.TryNormalize(entry, out var why));
        Assert.Contains(reason, why, StringComparison.Ordinal);
    }
}
