using Detector.Preprocessing.Pipeline;
using Detector.Preprocessing.Sample;
using Detector.Preprocessing.Storage;

namespace Detector.Preprocessing.Tests.EndToEnd;

public class SampleDatasetTests
{
    [Fact]
    public void Write_TwiceWithSameSeed_SameBytes()
    {
        var a = PrepareHarness.TempFolder("sample-a");
        var b = PrepareHarness.TempFolder("sample-b");

        var files = SampleDataset.Write(a);
        SampleDataset.Write(b);

        Assert.Equal(24 * 2 + 1, files.Count);
        foreach (var file in files)
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, file)), File.ReadAllBytes(Path.Combine(b, file)));
    }

    [Fact]
    public async Task Prepare_Sample_PacksEveryImageWithDefaultFailPolicy()
    {
        var source = PrepareHarness.TempFolder("sample");
        SampleDataset.Write(source);
        var output = StorageUri.Parse(PrepareHarness.TempFolder("sample-out"));

        var result = await PrepareHarness.RunAsync(PrepareHarness.Options(source, output, InvalidPolicy.Fail));

        Assert.Equal(16, result.Manifest!.Splits["train"].Images);
        Assert.Equal(8, result.Manifest.Splits["validation"].Images);
        Assert.Equal(["rectangle", "ellipse", "bar"], result.Manifest.Classes);
        Assert.True(File.Exists(Path.Combine(output.Key, "preview.png")));
        Assert.True(File.Exists(Path.Combine(output.Key, "manifest.json")));
    }
}
