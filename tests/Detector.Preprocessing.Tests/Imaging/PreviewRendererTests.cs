using Detector.Preprocessing.Geometry;
using Detector.Preprocessing.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Detector.Preprocessing.Tests.Imaging;

public sealed class PreviewRendererTests
{
    [Fact]
    public void RenderPng_TwoTiles_DrawsEachBoxInItsClassColour()
    {
        var grey = TestImages.SolidJpeg(64, 64, new Rgb24(114, 114, 114));
        var tiles = new[]
        {
            new PreviewTile(grey, [new BoxCorners(0, 0.25, 0.25, 0.75, 0.75)]),
            new PreviewTile(grey, [new BoxCorners(2, 0, 0, 1, 1)]),
        };

        var png = PreviewRenderer.RenderPng(tiles, classCount: 3, tileSize: 100, columns: 4);

        using var sheet = Image.Load<Rgb24>(png);
        Assert.Equal((200, 100), (sheet.Width, sheet.Height));
        var class0 = PreviewRenderer.ClassColor(0, 3);
        var class2 = PreviewRenderer.ClassColor(2, 3);
        Assert.Equal(class0, sheet[25, 50]);   // left edge of the first box
        Assert.Equal(class0, sheet[50, 26]);   // top edge, second pixel row
        Assert.Equal(class0, sheet[74, 50]);   // right edge ends inside the box
        Assert.NotEqual(class0, sheet[50, 50]); // the interior stays the image
        Assert.NotEqual(class0, sheet[20, 50]);
        Assert.Equal(class2, sheet[100, 50]);  // a full-tile box stays inside its tile
        Assert.Equal(class2, sheet[199, 99]);
    }

    [Fact]
    public void RenderPng_NineTilesInFourColumns_GivesThreeRows()
    {
        var jpeg = TestImages.SolidJpeg(32, 32, TestImages.Blue);
        var tiles = Enumerable.Range(0, 9).Select(_ => new PreviewTile(jpeg, [])).ToList();

        using var sheet = Image.Load<Rgb24>(PreviewRenderer.RenderPng(tiles, classCount: 1, tileSize: 32));

        Assert.Equal((128, 96), (sheet.Width, sheet.Height));
    }

    [Fact]
    public void RenderPng_LetterboxSizedTile_IsScaledToTheTile()
    {
        // 512 → 256 is the 1/2 DCT-scaled decode when libjpeg-turbo is loadable, ImageSharp's resize otherwise.
        var jpeg = TestImages.SolidJpeg(512, 512, TestImages.Red);

        using var sheet = Image.Load<Rgb24>(PreviewRenderer.RenderPng([new PreviewTile(jpeg, [])], classCount: 1, tileSize: 256));

        Assert.Equal((256, 256), (sheet.Width, sheet.Height));
        Assert.InRange(TestImages.Distance(sheet[128, 128], TestImages.Red), 0, 12);
        Assert.InRange(TestImages.Distance(sheet[2, 253], TestImages.Red), 0, 12);
    }

    [Fact]
    public void ClassColor_SevenClasses_AreAllDifferent() =>
        Assert.Equal(7, Enumerable.Range(0, 7).Select(c => PreviewRenderer.ClassColor(c, 7)).Distinct().Count());
}
