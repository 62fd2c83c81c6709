using Detector.Operator.Predictions;

namespace Detector.Operator.Tests.Predictions;

public sealed class PredictTargetTests
{
    [Theory]
    [InlineData("vision/fish", "vision", "fish")]
    [InlineData(" vision/fish-2 ", "vision", "fish-2")]
    [InlineData("fish-ep-1a2b3c4d", null, "fish-ep-1a2b3c4d")]
    [InlineData("MyEndpoint--1", null, "MyEndpoint--1")]
    public void Parse_NamespacedOrRaw(string value, string? ns, string name)
    {
        var target = PredictTarget.Parse(value);

        Assert.Equal((ns, name, ns is not null), (target.Namespace, target.Name, target.IsDetectionEndpoint));
    }

    [Theory]
    [InlineData("Vision/fish", "<namespace>/<name>")]
    [InlineData("vision/", "<namespace>/<name>")]
    [InlineData("a/b/c", "<namespace>/<name>")]
    [InlineData("-fish", "not a SageMaker endpoint name")]
    [InlineData("fish_1", "not a SageMaker endpoint name")]
    [InlineData("", "not a SageMaker endpoint name")]
    public void Parse_Bad_NamesTheFlag(string value, string message)
    {
        var error = Assert.Throws<FormatException>(() => PredictTarget.Parse(value));

        Assert.Contains("--endpoint", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Parse_RawNameOver63_IsRefused() => Assert.Throws<FormatException>(() => PredictTarget.Parse(new string('a', 64)));

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0 }, "image/jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    public void ContentType_FromTheFirstBytes(byte[] bytes, string type) => Assert.Equal(type, ImageFormat.ContentType(bytes, "x"));

    [Fact]
    public void ContentType_OtherBytes_NamesTheFile() =>
        Assert.Contains("cat.gif is neither a JPEG nor a PNG", Assert.Throws<FormatException>(() => ImageFormat.ContentType("GIF89a"u8, "cat.gif")).Message);
}
