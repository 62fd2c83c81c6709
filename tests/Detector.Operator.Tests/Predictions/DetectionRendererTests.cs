using Detector.Operator.Predictions;
using Detector.Preprocessing.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Detector.Operator.Tests.Predictions;

public sealed class DetectionRendererTests
{
    private static readonly Rgb24 s_grey = new(128, 128, 128);

    /// <summary>A grey PNG of the given size.</summary>
    public static byte[] GreyPng(int width, int height)
    {
        using var image = new Image<Rgb24>(width, height, s_grey);
        using var png = new MemoryStream();
        image.SaveAsPng(png);
        return png.ToArray();
    }

    [Fact]
    public void RenderPng_DrawsTheOutlineInTheClassColour_ATagAboveIt_AndKeepsTheSize()
    {
        var detection = new Detection(1, 0.9, 0.25, 0.5, 0.75, 1.0);

        using var drawn = Image.Load<Rgb24>(DetectionRenderer.RenderPng(GreyPng(400, 200), [detection], ["fish", "shark", "ray"], classCount: 3));

        var color = PreviewRenderer.ClassColor(1, 3);
        Assert.Equal((400, 200), (drawn.Width, drawn.Height));
        Assert.Equal(color, drawn[100, 150]);  // left edge
        Assert.Equal(color, drawn[299, 150]);  // right edge
        Assert.Equal(color, drawn[200, 199]);  // bottom edge, inside the image
        Assert.Equal(s_grey, drawn[200, 150]); // inside stays untouched
        Assert.Equal(color, drawn[100, 98]);   // the tag sits above the box, in the box colour
        // The tag holds text: dark ink pixels between its edges.
        Assert.Contains(Enumerable.Range(100, 60).SelectMany(x => Enumerable.Range(85, 14).Select(y => drawn[x, y])), p => p.R + p.G + p.B < 150);
    }

    [Fact]
    public void RenderPng_LegendInTheTopRightCorner_NamesTheClassesShown()
    {
        using var drawn = Image.Load<Rgb24>(DetectionRenderer.RenderPng(GreyPng(400, 200),
            [new Detection(0, 0.9, 0.0, 0.5, 0.2, 0.9), new Detection(2, 0.8, 0.3, 0.5, 0.5, 0.9)], ["fish", "shark", "ray"], classCount: 3));

        // A darkened panel with a swatch per class shown (fish, ray), none for shark.
        var corner = Enumerable.Range(300, 95).SelectMany(x => Enumerable.Range(5, 40).Select(y => drawn[x, y])).ToList();
        Assert.Contains(PreviewRenderer.ClassColor(0, 3), corner);
        Assert.Contains(PreviewRenderer.ClassColor(2, 3), corner);
        Assert.DoesNotContain(PreviewRenderer.ClassColor(1, 3), corner);
    }

    [Fact]
    public void RenderPng_NoDetections_IsTheImage()
    {
        using var drawn = Image.Load<Rgb24>(DetectionRenderer.RenderPng(GreyPng(30, 20), [], null, classCount: 0));

        Assert.Equal((30, 20, s_grey), (drawn.Width, drawn.Height, drawn[15, 10]));
    }

    [Theory]
    [InlineData(0, "fish")]
    [InlineData(7, "class 7")]
    public void Name_FromTheDatasetsClasses_ElseTheIndex(int id, string name) => Assert.Equal(name, DetectionRenderer.Name(id, ["fish"]));
}
