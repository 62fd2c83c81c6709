using Detector.Preprocessing.Imaging;

namespace Detector.Preprocessing.Tests.Imaging;

public sealed class ImageInspectorTests
{
    private static readonly ImageLimits s_limits = new();

    [Fact]
    public void Inspect_Jpeg_ReadsFormatSizeAndOrientation()
    {
        var info = ImageInspector.Inspect(TestImages.SplitJpeg(64, 32, orientation: 6), "cam/IMG_1.JPG", s_limits);

        Assert.Equal(new ImageInfo("JPEG", 64, 32, 6, null), info);
    }

    [Fact]
    public void Inspect_JpegWithoutExif_IsUpright() =>
        Assert.Equal(1, ImageInspector.Inspect(TestImages.SplitJpeg(16, 16), "a.jpeg", s_limits).Orientation);

    [Fact]
    public void Inspect_PngNamedJpg_IsDecidedByContentAndNoted()
    {
        var info = ImageInspector.Inspect(TestImages.SolidPng(20, 10, TestImages.Red), "images/x.jpg", s_limits);

        Assert.Equal(("PNG", 20, 10), (info.Format, info.Width, info.Height));
        Assert.Equal("PNG content in a .jpg file", info.Note);
    }

    [Fact]
    public void Inspect_ZeroBytes_IsEmpty() =>
        AssertRejected(ImageRejectionCodes.Empty, [], "empty.jpg");

    [Fact]
    public void Inspect_Garbage_IsUnknownFormatNamingTheFile()
    {
        var error = AssertRejected(ImageRejectionCodes.UnknownFormat, "this is not an image at all"u8.ToArray(), "notes.jpg");

        Assert.Contains("notes.jpg", error.Message);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Inspect_TruncatedJpeg_IsTruncated(double keep)
    {
        var jpeg = TestImages.SplitJpeg(64, 64);

        AssertRejected(ImageRejectionCodes.Truncated, jpeg[..(int)(jpeg.Length * keep)], "cut.jpg");
    }

    [Fact]
    public void Inspect_JpegWithZeroPaddingAfterEoi_IsAccepted()
    {
        byte[] padded = [.. TestImages.SplitJpeg(16, 16), 0, 0, 0, 0];

        Assert.Equal("JPEG", ImageInspector.Inspect(padded, "padded.jpg", s_limits).Format);
    }

    [Fact]
    public void Inspect_TruncatedPng_IsTruncated()
    {
        var png = TestImages.SolidPng(64, 64, TestImages.Blue);

        AssertRejected(ImageRejectionCodes.Truncated, png[..(png.Length - 12)], "cut.png");
    }

    [Fact]
    public void Inspect_HugeHeader_IsRefusedBeforeAnyPixelIsAllocated()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = AssertRejected(ImageRejectionCodes.TooManyPixels, TestImages.HugeHeaderJpeg(), "bomb.jpg");

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 4_000_000,
            $"inspecting the header allocated {GC.GetAllocatedBytesForCurrentThread() - before:N0} bytes");
        Assert.Contains("30000×30000", error.Message);
    }

    [Fact]
    public void Inspect_MoreThanTheBudget_IsTooManyPixels() =>
        AssertRejected(ImageRejectionCodes.TooManyPixels, TestImages.SplitJpeg(64, 64), "a.jpg", new ImageLimits(MaxPixels: 64 * 64 - 1));

    private static ImageRejectedException AssertRejected(string code, byte[] bytes, string name, ImageLimits? limits = null)
    {
        var error = Assert.Throws<ImageRejectedException>(() => ImageInspector.Inspect(bytes, name, limits ?? s_limits));
        Assert.Equal(code, error.Code);
        Assert.Contains(name, error.Message);
        return error;
    }
}
