using Detector.Preprocessing.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Detector.Preprocessing.Tests.Imaging;

public sealed class LetterboxerTests
{
    private static readonly ImageLimits s_limits = new();
    private static readonly Rgb24 s_grey = new(114, 114, 114);

    [Fact]
    public void Process_ExifOrientation6_RotatesThePixelsAndDropsTheTag()
    {
        // Stored 64×32 red|blue; orientation 6 shows it turned 90° clockwise: 32×64, red on top, blue below.
        var jpeg = TestImages.SplitJpeg(64, 32, orientation: 6);
        var info = ImageInspector.Inspect(jpeg, "phone.jpg", s_limits);

        var result = Letterboxer.Process(jpeg, info, new LetterboxOptions(Size: 64, JpegQuality: 100), s_limits);

        Assert.Equal((32, 64), (result.UprightWidth, result.UprightHeight));
        Assert.Equal((32, 64, 16, 0), (result.Geometry.ResizedWidth, result.Geometry.ResizedHeight, result.Geometry.OffsetX, result.Geometry.OffsetY));
        using var output = Image.Load<Rgb24>(result.Jpeg);
        Assert.InRange(TestImages.Distance(output[32, 8], TestImages.Red), 0, 40);
        Assert.InRange(TestImages.Distance(output[32, 56], TestImages.Blue), 0, 40);
        Assert.Null(output.Metadata.ExifProfile);
        Assert.Equal(-1, result.Jpeg.AsSpan().IndexOf("Exif\0\0"u8));
    }

    [Theory]
    // source w × h on a 128 canvas: the image occupies rows/columns [offset, offset + resized)
    [InlineData(256, 128, 128, 64, 0, 32)]
    [InlineData(128, 256, 64, 128, 32, 0)]
    [InlineData(200, 200, 128, 128, 0, 0)]
    public void Process_SolidImage_FillsTheGeometryAreaAndPadsTheRest(int width, int height,
        int resizedWidth, int resizedHeight, int offsetX, int offsetY)
    {
        var jpeg = TestImages.SolidJpeg(width, height, TestImages.Red);
        var info = ImageInspector.Inspect(jpeg, "solid.jpg", s_limits);

        var result = Letterboxer.Process(jpeg, info, new LetterboxOptions(Size: 128, JpegQuality: 100), s_limits);

        Assert.Equal((resizedWidth, resizedHeight, offsetX, offsetY),
            (result.Geometry.ResizedWidth, result.Geometry.ResizedHeight, result.Geometry.OffsetX, result.Geometry.OffsetY));
        using var output = Image.Load<Rgb24>(result.Jpeg);
        Assert.Equal((128, 128), (output.Width, output.Height));
        // JPEG blurs colour across a 2-pixel seam, so look 3 pixels away from each edge.
        for (var y = 0; y < 128; y += 1)
        for (var x = 0; x < 128; x += 1)
        {
            var insideX = x >= offsetX + 3 && x < offsetX + resizedWidth - 3;
            var insideY = y >= offsetY + 3 && y < offsetY + resizedHeight - 3;
            var outsideX = x < offsetX - 3 || x >= offsetX + resizedWidth + 3;
            var outsideY = y < offsetY - 3 || y >= offsetY + resizedHeight + 3;
            if (insideX && insideY)
                Assert.True(TestImages.Distance(output[x, y], TestImages.Red) <= 12, $"({x},{y}) = {output[x, y]} should be red");
            else if (outsideX || outsideY)
                Assert.True(TestImages.Distance(output[x, y], s_grey) <= 6, $"({x},{y}) = {output[x, y]} should be padding");
        }
    }

    [Fact]
    public void Process_PadColor_IsUsedForThePadding()
    {
        var jpeg = TestImages.SolidJpeg(100, 10, TestImages.Blue);
        var info = ImageInspector.Inspect(jpeg, "strip.jpg", s_limits);

        var result = Letterboxer.Process(jpeg, info, new LetterboxOptions(Size: 100, PadColor: "#00ff00"), s_limits);

        using var output = Image.Load<Rgb24>(result.Jpeg);
        Assert.InRange(TestImages.Distance(output[50, 10], new Rgb24(0, 255, 0)), 0, 8);
        Assert.InRange(TestImages.Distance(output[50, 90], new Rgb24(0, 255, 0)), 0, 8);
    }

    [Theory]
    [InlineData("grey-alpha")]
    [InlineData("rgba64")]
    [InlineData("grey-jpeg")]
    public void Process_UnusualPixelFormats_GiveAThreeChannelJpeg(string kind)
    {
        var png = kind switch
        {
            "grey-alpha" => TestImages.GreyAlphaPng(40, 30),
            "rgba64" => TestImages.Rgba64Png(40, 30),
            _ => TestImages.GreyJpeg(40, 30),
        };
        Assert.NotEqual(24, Image.Identify(png).PixelType.BitsPerPixel);
        var info = ImageInspector.Inspect(png, "odd.png", s_limits);

        var result = Letterboxer.Process(png, info, new LetterboxOptions(Size: 64), s_limits);

        var identified = Image.Identify(result.Jpeg, out var format);
        Assert.Equal("JPEG", format.Name);
        Assert.Equal(24, identified.PixelType.BitsPerPixel);
        Assert.Equal((64, 64), (identified.Width, identified.Height));
    }

    [Fact]
    public void Process_PngNamedJpg_Decodes()
    {
        var png = TestImages.SolidPng(30, 60, TestImages.Red);
        var info = ImageInspector.Inspect(png, "x.jpg", s_limits);

        var result = Letterboxer.Process(png, info, new LetterboxOptions(Size: 60), s_limits);

        Assert.Equal((30, 60), (result.UprightWidth, result.UprightHeight));
    }

    [Theory]
    [InlineData("#727272", 114, 114, 114)]
    [InlineData("ff8000", 255, 128, 0)]
    [InlineData("#A0b0C0", 160, 176, 192)]
    public void ParseColor_Hex_GivesTheColour(string text, byte r, byte g, byte b) =>
        Assert.Equal(new Rgb24(r, g, b), LetterboxOptions.ParseColor(text));

    [Theory]
    [InlineData("#12345")]
    [InlineData("#1234567")]
    [InlineData("#gg0000")]
    [InlineData("grey")]
    [InlineData("")]
    public void ParseColor_NotHex_ThrowsNamingTheValue(string text)
    {
        var error = Assert.Throws<FormatException>(() => LetterboxOptions.ParseColor(text));

        Assert.Contains($"'{text}'", error.Message);
    }
}
