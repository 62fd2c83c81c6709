using Detector.Preprocessing.Layout;
using Detector.Preprocessing.Pipeline;
using Detector.Preprocessing.Reporting;
using Detector.Preprocessing.Storage;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Detector.Preprocessing.Tests.Pipeline;

public class ItemProcessorTests
{
    private static readonly PrepareOptions s_options = new() { Source = "test", Output = StorageUri.Parse("/tmp/unused") };
    private static readonly PlannedItem s_item = new(7, TargetSplit.Train, new SourceImage("images/train/a.jpg", "labels/train/a.txt", "train"));

    private static byte[] Jpeg(int width, int height)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(10, 200, 30));
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    [Fact]
    public void Process_BoxBelowOnePixelAfterLetterbox_DroppedAndCountedNotInvalid()
    {
        // 2048 px wide → scale 0.25: a 2-px-wide box becomes half a pixel.
        var outcome = ItemProcessor.Process(s_item, Jpeg(2048, 1024), "0 0.5 0.5 0.25 0.25\n1 0.2 0.5 0.001 0.2\n", 2, s_options);

        var finding = Assert.Single(outcome.Findings);
        Assert.Equal((IssueCodes.DegenerateBox, 2, FindingEffect.DroppedBox, false), (finding.Code, finding.Line, finding.Effect, finding.IsInvalidInput));
        Assert.Single(outcome.Boxes);
        Assert.NotNull(outcome.Payload);
        Assert.Equal(7, outcome.Label!.Length);
    }

    [Fact]
    public void Process_EveryBoxDegenerate_NotPackedAndListed()
    {
        var outcome = ItemProcessor.Process(s_item, Jpeg(2048, 1024), "1 0.2 0.5 0.001 0.2\n", 2, s_options);

        Assert.Null(outcome.Payload);
        Assert.Contains(outcome.Findings, f => f.Code == IssueCodes.NoBoxes && f.Effect == FindingEffect.SkippedItem);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\n\n")]
    public void Process_NoOrEmptyLabel_BackgroundNotPacked(string? label)
    {
        var outcome = ItemProcessor.Process(s_item, Jpeg(64, 48), label, 2, s_options);

        Assert.True(outcome.Background);
        Assert.Null(outcome.Payload);
        Assert.Equal(IssueCodes.Background, Assert.Single(outcome.Findings).Code);
    }

    [Fact]
    public void Process_InvalidLine_DropsBoxKeepsImageAndNamesLine()
    {
        var outcome = ItemProcessor.Process(s_item, Jpeg(64, 48), "0 0.5 0.5 0.5 0.5\n5 0.5 0.5 0.5 0.5\n", 2, s_options);

        var finding = Assert.Single(outcome.Findings);
        Assert.Equal(("labels/train/a.txt", 2, true), (finding.File, finding.Line, finding.IsInvalidInput));
        Assert.NotNull(outcome.Payload);
    }
}
