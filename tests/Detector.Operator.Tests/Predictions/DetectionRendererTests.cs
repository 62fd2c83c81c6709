using Detector.Operator.Predictions;
using Detector.Preprocessing.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Detector.Operator.Tests.Predictions;

public sealed class DetectionRendererTests
{
    /// <summary>A grey PNG of the given size.</summary>
    public static byte[] GreyPng(int width, int height)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(128, 128, 128));
        using var png = new MemoryStream();
        image.SaveAsPng(png);
        return png.ToArray();
    }

    [Fact]
    public void RenderPng_DrawsTheOutlineInTheClassColourAndKeepsTheSize()
    {
        var detection = new Detection(1, 0.9, 0.25, 0.5, 0.75, 1.0);

        using var drawn = Image.Load<Rgb24>(DetectionRenderer.RenderPng(GreyPng(200, 100), [detection], classCount: 3));

        var color = PreviewRenderer.ClassColor(1, 3);
        Assert.Equal((200, 100), (drawn.Width, drawn.Height));
        Assert.Equal(color, drawn[50, 75]);   // left edge
        Assert.Equal(color, drawn[149, 75]);  // right edge
        Assert.Equal(color, drawn[100, 99]);  // bottom edge, clipped to the image
        Assert.Equal(new Rgb24(128, 128, 128), drawn[100, 75]); // inside stays untouched
        Assert.Equal(color, drawn[50, 48]);   // the tag sits above the box
    }

    [Fact]
    public void RenderPng_NoDetections_IsTheImage()
    {
        using var drawn = Image.Load<Rgb24>(DetectionRenderer.RenderPng(GreyPng(30, 20), [], classCount: 0));

        Assert.Equal((30, 20, new Rgb24(128, 128, 128)), (drawn.Width, drawn.Height, drawn[15, 10]));
    }

    [Fact]
    public void Glyphs_AreThreeByFive() =>
        Assert.All("0123456789. x", c => Assert.Equal(PixelFont.GlyphWidth * PixelFont.GlyphHeight, PixelFont.Glyph(c).Length));
}
