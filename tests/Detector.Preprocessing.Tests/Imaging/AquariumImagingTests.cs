using Detector.Preprocessing.Geometry;
using Detector.Preprocessing.Imaging;
using Detector.Preprocessing.Labels;
using Detector.Testing;
using SixLabors.ImageSharp;

namespace Detector.Preprocessing.Tests.Imaging;

public sealed class AquariumImagingTests
{
    private static readonly ImageLimits s_limits = new();

    [SkippableFact]
    public void InspectAndProcess_EveryAquariumImage_GivesA512Jpeg()
    {
        var files = Directory.GetFiles(Path.Combine(SharedData.Aquarium, "images"), "*", SearchOption.AllDirectories);
        Assert.Equal(190, files.Length);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var info = ImageInspector.Inspect(bytes, file, s_limits);
            Assert.Equal("JPEG", info.Format);
            Assert.Null(info.Note);

            var result = Letterboxer.Process(bytes, info, new LetterboxOptions(), s_limits);

            var output = Image.Identify(result.Jpeg, out var format);
            Assert.Equal(("JPEG", 512, 512), (format.Name, output.Width, output.Height));
            Assert.Equal(LetterboxGeometry.For(result.UprightWidth, result.UprightHeight, 512), result.Geometry);
        }
    }

    [SkippableFact]
    public void Parse_EveryAquariumLabelFile_FindsExactlyTheTwoZeroSizeBoxes()
    {
        var classes = File.ReadAllLines(Path.Combine(SharedData.Aquarium, "classes.txt")).Count(l => l.Trim().Length > 0);
        var issues = new List<LabelIssue>();
        var boxes = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(SharedData.Aquarium, "labels"), "*.txt", SearchOption.AllDirectories))
        {
            var parsed = YoloLabelParser.Parse(File.ReadAllText(file), classes);
            issues.AddRange(parsed.Issues);
            boxes += parsed.Boxes.Count;
        }

        Assert.Equal(7, classes);
        Assert.True(boxes > 0);
        Assert.Equal([LabelIssueCodes.NonPositiveSize, LabelIssueCodes.NonPositiveSize], issues.Select(i => i.Code));
    }
}
