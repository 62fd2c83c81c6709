using Detector.Preprocessing.Layout;

namespace Detector.Preprocessing.Tests.Layout;

public class LayoutDetectorTests
{
    [Theory]
    [InlineData(LayoutKind.SplitFolders, "images/train/a.jpg", "labels/train/a.txt", "train")]
    [InlineData(LayoutKind.Flat, "images/a.jpg", "labels/a.txt", null)]
    [InlineData(LayoutKind.Flat, "images/sub/a.png", "labels/sub/a.txt", null)]
    [InlineData(LayoutKind.Roboflow, "valid/images/a.jpeg", "valid/labels/a.txt", "valid")]
    public void Detect_KnownLayout_PairsImageWithLabel(LayoutKind kind, string image, string label, string? split)
    {
        var layout = LayoutDetector.Detect(["classes.txt", image, label]);

        Assert.Equal(kind, layout.Kind);
        Assert.Equal([new SourceImage(image, label, split)], layout.Images);
        Assert.Empty(layout.Findings);
    }

    [Fact]
    public void Detect_ImageWithoutLabel_IsBackgroundWithNullLabel()
    {
        var layout = LayoutDetector.Detect(["images/train/a.jpg", "images/train/b.jpg", "labels/train/a.txt"]);

        Assert.Null(layout.Images.Single(i => i.ImagePath == "images/train/b.jpg").LabelPath);
    }

    [Fact]
    public void Detect_LabelWithoutImage_ReportsOrphanLabel()
    {
        var layout = LayoutDetector.Detect(["images/train/a.jpg", "labels/train/a.txt", "labels/train/ghost.txt"]);

        var finding = Assert.Single(layout.Findings);
        Assert.Equal(("labels/train/ghost.txt", IssueCodes.OrphanLabel), (finding.RelativePath, finding.Code));
    }

    [Theory]
    [InlineData("images/train/notes.doc", IssueCodes.UnsupportedFile)]
    [InlineData("images/train/.DS_Store", IssueCodes.IgnoredFile)]
    [InlineData("labels/train.cache", IssueCodes.UnsupportedFile)]
    [InlineData("labels/train/a.xml", IssueCodes.IgnoredFile)]
    public void Detect_UnusableFile_IsReportedNotDropped(string path, string code)
    {
        var layout = LayoutDetector.Detect(["images/train/a.jpg", "labels/train/a.txt", path]);

        Assert.Contains(layout.Findings, f => f.RelativePath == path && f.Code == code);
    }

    [Fact]
    public void Detect_NoImagesFolder_ThrowsNamingExpectedLayouts()
    {
        var error = Assert.Throws<DatasetLayoutException>(() => LayoutDetector.Detect(["photos/a.jpg", "a.txt"]));

        Assert.Contains("images/<split>/", error.Message);
    }

    [Fact]
    public void Detect_AquariumStyleValidAndTest_KeepsSplitFolders()
    {
        var layout = LayoutDetector.Detect(["images/valid/a.jpg", "labels/valid/a.txt", "images/test/b.jpg", "labels/test/b.txt"]);

        Assert.Equal(LayoutKind.SplitFolders, layout.Kind);
        Assert.Equal(["test", "valid"], layout.Images.Select(i => i.SplitFolder));
    }
}
