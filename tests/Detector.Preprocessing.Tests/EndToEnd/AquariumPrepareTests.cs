using System.Globalization;
using Detector.Preprocessing.Sources;
using Detector.Preprocessing.Geometry;
using Detector.Preprocessing.Layout;
using Detector.Preprocessing.Pipeline;
using Detector.Preprocessing.RecordIO;
using Detector.Preprocessing.Storage;
using Detector.Testing;
using SixLabors.ImageSharp;

namespace Detector.Preprocessing.Tests.EndToEnd;

/// <summary>The real aquarium dataset through prepare, checked record by record against the label files.</summary>
public class AquariumPrepareTests
{
    private const string ZeroBoxA = "labels/test/IMG_2423_jpeg_jpg.rf.1c0901882e71d5ebd26f036f4e22da65.txt";
    private const string ZeroBoxB = "labels/test/IMG_2570_jpeg_jpg.rf.ed40900b657a5b23d92cb2d296ad2dbc.txt";

    [SkippableFact]
    public async Task Prepare_AquariumToFolderWithSkip_EveryBoxMatchesItsSourceLabel()
    {
        var source = SharedData.Aquarium;
        var output = StorageUri.Parse(PrepareHarness.TempFolder("aquarium"));

        await PrepareAndVerifyAsync(source, output, new FileObjectStore());
    }

    [SkippableFact]
    public async Task Prepare_AquariumToS3WithSkip_EveryBoxMatchesItsSourceLabel()
    {
        var source = SharedData.Aquarium;
        var server = S3rverServer.Shared;
        var bucket = await server.CreateUniqueBucketAsync("aquarium");
        var output = StorageUri.Parse($"s3://{bucket}/prepared");
        using var store = new S3ObjectStore(server.CreateClient(), server.Settings);

        await PrepareAndVerifyAsync(source, output, store);
    }

    [SkippableFact]
    public async Task Prepare_AquariumWithDefaultFailPolicy_FailsNamingFileAndLine()
    {
        var source = SharedData.Aquarium;
        var options = PrepareHarness.Options(source, StorageUri.Parse(PrepareHarness.TempFolder("aquarium-fail")), InvalidPolicy.Fail);

        var error = await Assert.ThrowsAsync<PrepareFailedException>(() => PrepareHarness.RunAsync(options));

        Assert.True(error.Message.Contains(ZeroBoxA + ":17", StringComparison.Ordinal) || error.Message.Contains(ZeroBoxB + ":15", StringComparison.Ordinal), error.Message);
    }

    private static async Task PrepareAndVerifyAsync(string source, StorageUri output, IObjectStore store)
    {
        var options = PrepareHarness.Options(source, output);
        var result = await PrepareHarness.RunAsync(options, store);

        var report = await PrepareHarness.ReadReportAsync(store, output);
        Assert.Contains(report.Findings, f => f.File == ZeroBoxA && f.Line == 17 && f.Code == "NonPositiveSize");
        Assert.Contains(report.Findings, f => f.File == ZeroBoxB && f.Line == 15 && f.Code == "NonPositiveSize");
        Assert.Equal(2, report.InvalidBoxes);
        Assert.Equal(0, report.SkippedImages);

        var plan = PreparePlanner.Plan([.. LocalSourceTree.Open(source).Files.Select(f => f.RelativePath)],
            name => File.Exists(Path.Combine(source, name)) ? File.ReadAllText(Path.Combine(source, name)) : null, options);
        Assert.True(plan.Splits.Computed); // aquarium has only valid and test: the split is computed over all 190 images
        var manifest = await PrepareHarness.ReadManifestAsync(store, output);
        Assert.Equal(["fish", "jellyfish", "penguin", "puffin", "shark", "starfish", "stingray"], manifest.Classes);
        long packedBoxes = 0;
        foreach (var split in SplitNames.All)
        {
            var name = SplitNames.Of(split);
            var records = await PrepareHarness.ReadRecordsAsync(store, output.Join(name + ".rec"));
            Assert.Equal(plan.Splits.Of(split).Count, records.Count); // every aquarium image keeps at least one box
            Assert.Equal(records.Count, manifest.Splits[name].Images);
            foreach (var record in records)
            {
                var image = plan.Splits.Of(split)[(int)record.Header.Id];
                var expected = ExpectedBoxes(source, image);
                Assert.Equal(SsdLabelWidth(expected.Count), record.Label.Length);
                for (var b = 0; b < expected.Count; b++)
                {
                    var at = 2 + 5 * b;
                    Assert.Equal(expected[b].ClassId, (int)record.Label[at]);
                    Assert.Equal(expected[b].XMin, record.Label[at + 1], 1e-3);
                    Assert.Equal(expected[b].YMin, record.Label[at + 2], 1e-3);
                    Assert.Equal(expected[b].XMax, record.Label[at + 3], 1e-3);
                    Assert.Equal(expected[b].YMax, record.Label[at + 4], 1e-3);
                }
                packedBoxes += expected.Count;
                using var jpeg = Image.Load(record.Image.Span);
                Assert.Equal((512, 512), (jpeg.Width, jpeg.Height));
            }
            var idx = IndexFiles.ParseIdx(new StringReader(System.Text.Encoding.UTF8.GetString(await PrepareHarness.ReadAsync(store, output.Join(name + ".idx"))))).ToList();
            Assert.Equal(records.Select(r => r.Header.Id), idx.Select(i => i.Id));
        }
        Assert.Equal(190, manifest.Splits.Values.Sum(s => s.Images));
        Assert.Equal(1493 - 2 - result.Summary.DegenerateBoxes, packedBoxes);
        Assert.Equal(packedBoxes, manifest.Splits.Values.Sum(s => s.Boxes));
        Assert.True(await store.ExistsAsync(output.Join("preview.png"), CancellationToken.None));
    }

    private static int SsdLabelWidth(int boxes) => 2 + 5 * boxes;

    /// <summary>Recomputes the output boxes from the label file independently of the pipeline's label parser.</summary>
    private static List<BoxCorners> ExpectedBoxes(string source, SourceImage image)
    {
        var info = Image.Identify(Path.Combine(source, image.ImagePath));
        var geometry = LetterboxGeometry.For(info.Width, info.Height, 512);
        var boxes = new List<BoxCorners>();
        foreach (var line in File.ReadAllLines(Path.Combine(source, image.LabelPath!)).Where(l => l.Trim().Length > 0))
        {
            var v = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            if (v[3] <= 0 || v[4] <= 0)
                continue; // the two known zero-size boxes
            if (geometry.Transform(BoxConversion.ToCorners(new YoloBox((int)v[0], v[1], v[2], v[3], v[4]))) is { } corners)
                boxes.Add(corners);
        }
        return boxes;
    }
}
