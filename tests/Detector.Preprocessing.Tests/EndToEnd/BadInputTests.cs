using Detector.Preprocessing.Imaging;
using Detector.Preprocessing.Layout;
using Detector.Preprocessing.Pipeline;
using Detector.Preprocessing.Reporting;
using Detector.Preprocessing.Sample;
using Detector.Preprocessing.Storage;
using SixLabors.ImageSharp;

namespace Detector.Preprocessing.Tests.EndToEnd;

/// <summary>A corpus of broken inputs built here: each must give its own clear reason, and nothing may crash.</summary>
public class BadInputTests
{
    private static string BuildCorpus()
    {
        var root = PrepareHarness.TempFolder("bad-corpus");
        var random = new Random(1);
        void Write(string relative, byte[] bytes)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }
        void Text(string relative, string text) => Write(relative, System.Text.Encoding.UTF8.GetBytes(text));
        Text("classes.txt", "rectangle\nellipse\nbar\n");
        const string box = "0 0.5 0.5 0.2 0.2\n";
        for (var i = 0; i < 4; i++)
        {
            Write($"images/train/good-{i}.jpg", SampleDataset.Render(random).Jpeg);
            Text($"labels/train/good-{i}.txt", box);
            Write($"images/val/good-{i}.jpg", SampleDataset.Render(random).Jpeg);
            Text($"labels/val/good-{i}.txt", box);
        }
        var jpeg = SampleDataset.Render(random).Jpeg;
        Write("images/train/truncated.jpg", jpeg[..(jpeg.Length / 2)]);
        Text("labels/train/truncated.txt", box);
        Write("images/train/empty.jpg", []);
        Text("labels/train/empty.txt", box);
        using (var png = new MemoryStream())
        {
            using var image = Image.Load(SampleDataset.Render(random).Jpeg);
            image.SaveAsPng(png);
            Write("images/train/really-a-png.jpg", png.ToArray());
        }
        Text("labels/train/really-a-png.txt", box);
        Write("images/train/bomb.jpg", ClaimSize(SampleDataset.Render(random).Jpeg, 30000, 30000));
        Text("labels/train/bomb.txt", box);
        Write("images/train/garbage-labels.jpg", SampleDataset.Render(random).Jpeg);
        Text("labels/train/garbage-labels.txt", "0 0.5 0.5 0.2 0.2\nhello world\n9 0.5 0.5 0.1 0.1\n0 1.5 0.5 0.1 0.1\n0 0.5 0.5 -0.1 0.1\n");
        Text("labels/train/orphan.txt", box);
        Write("images/train/not-an-image.jpg", "this is text, not pixels"u8.ToArray());
        Text("labels/train/not-an-image.txt", box);
        Write("images/val/copy-of-good-0.jpg", File.ReadAllBytes(Path.Combine(root, "images/train/good-0.jpg")));
        Text("labels/val/copy-of-good-0.txt", box);
        Write("images/val/background.jpg", SampleDataset.Render(random).Jpeg);
        return root;
    }

    /// <summary>Rewrites the SOF0 frame size of a baseline JPEG: a small file whose header claims a huge image.</summary>
    private static byte[] ClaimSize(byte[] jpeg, int width, int height)
    {
        var copy = (byte[])jpeg.Clone();
        for (var i = 2; i + 9 < copy.Length; i++)
            if (copy[i] == 0xFF && copy[i + 1] == 0xC0)
            {
                (copy[i + 5], copy[i + 6], copy[i + 7], copy[i + 8]) = ((byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width);
                return copy;
            }
        throw new InvalidOperationException("no SOF0 marker");
    }

    [Theory]
    [InlineData("images/train/truncated.jpg", null, ImageRejectionCodes.Truncated)]
    [InlineData("images/train/empty.jpg", null, ImageRejectionCodes.Empty)]
    [InlineData("images/train/bomb.jpg", null, ImageRejectionCodes.TooManyPixels)]
    [InlineData("images/train/not-an-image.jpg", null, ImageRejectionCodes.UnknownFormat)]
    [InlineData("images/train/really-a-png.jpg", null, "format-note")]
    [InlineData("labels/train/garbage-labels.txt", 2, "Unparseable")]
    [InlineData("labels/train/garbage-labels.txt", 3, "ClassOutOfRange")]
    [InlineData("labels/train/garbage-labels.txt", 4, "OutOfBounds")]
    [InlineData("labels/train/garbage-labels.txt", 5, "NonPositiveSize")]
    [InlineData("labels/train/orphan.txt", null, IssueCodes.OrphanLabel)]
    [InlineData("images/val/copy-of-good-0.jpg", null, IssueCodes.Duplicate)]
    [InlineData("images/val/background.jpg", null, IssueCodes.Background)]
    public async Task Prepare_BadCorpusWithSkip_ReportsEachProblemWithItsReason(string file, int? line, string code)
    {
        var output = StorageUri.Parse(PrepareHarness.TempFolder("bad-out"));

        var result = await PrepareHarness.RunAsync(PrepareHarness.Options(BuildCorpus(), output));

        var finding = Assert.Single(result.Summary.Findings, f => f.File == file && f.Line == line && f.Code == code);
        Assert.False(string.IsNullOrWhiteSpace(finding.Message));
    }

    [Fact]
    public async Task Prepare_BadCorpusWithSkip_PacksTheGoodImagesOnly()
    {
        var output = StorageUri.Parse(PrepareHarness.TempFolder("bad-out"));

        var result = await PrepareHarness.RunAsync(PrepareHarness.Options(BuildCorpus(), output));

        // train: 4 good + png-named-jpg + garbage-labels (keeps its one good box); validation: 4 good.
        Assert.Equal(6, result.Manifest!.Splits["train"].Images);
        Assert.Equal(4, result.Manifest.Splits["validation"].Images);
        Assert.Equal(5, result.Summary.SkippedImages); // truncated, empty, bomb, not-an-image, duplicate
        Assert.Equal(4, result.Summary.InvalidBoxes);
        Assert.Equal(1, result.Summary.BackgroundImages);
        Assert.Equal(1, result.Manifest.Skipped[IssueCodes.OrphanLabel]);
    }

    [Fact]
    public async Task Prepare_BadCorpusWithFail_StopsAtFirstProblemNamingIt()
    {
        var output = StorageUri.Parse(PrepareHarness.TempFolder("bad-out"));

        var error = await Assert.ThrowsAsync<PrepareFailedException>(() =>
            PrepareHarness.RunAsync(PrepareHarness.Options(BuildCorpus(), output, InvalidPolicy.Fail)));

        Assert.Contains("labels/train/orphan.txt", error.Message);
        Assert.False(File.Exists(Path.Combine(output.Key, "manifest.json")));
    }

    [Fact]
    public async Task Prepare_TooManySkipped_FailsAboveMaxFraction()
    {
        var output = StorageUri.Parse(PrepareHarness.TempFolder("bad-out"));
        var options = PrepareHarness.Options(BuildCorpus(), output) with { MaxSkippedFraction = 0.05 };

        var error = await Assert.ThrowsAsync<PrepareFailedException>(() => PrepareHarness.RunAsync(options));

        Assert.Contains("--max-skipped-fraction", error.Message);
        Assert.False(File.Exists(Path.Combine(output.Key, "manifest.json")));
    }
}
