using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Detector.Preprocessing.Imaging;

namespace Detector.Preprocessing.Tests.Imaging;

/// <summary>The pass over PNG chunks and JPEG segments that runs before any decoder (issue 15's metadata bombs).</summary>
public class MetadataScanTests
{
    [Theory]
    [InlineData("zTXt")]
    [InlineData("iTXt")]
    [InlineData("tEXt")]
    [InlineData("iCCP")]
    public void Sanitize_PngWithTextOrProfileChunk_DropsItUnreadAndTheImageStillDecodes(string type)
    {
        var png = WithChunk(TestImages.SolidPng(40, 30, TestImages.Red), type, ZlibOfZeros(32 << 20));

        var kept = MetadataScan.Sanitize(png, maxMetadataBytes: 1024);

        Assert.DoesNotContain(type, Encoding.ASCII.GetString(kept), StringComparison.Ordinal);
        Assert.Equal(TestImages.SolidPng(40, 30, TestImages.Red), kept);
        Assert.Equal(40, ImageInspector.Inspect(kept, "a.png", new ImageLimits()).Width);
    }

    [Fact]
    public void Sanitize_PngWithoutTextChunks_ReturnsTheSameArray()
    {
        var png = TestImages.SolidPng(8, 8, TestImages.Blue);

        Assert.Same(png, MetadataScan.Sanitize(png, 1024));
    }

    [Fact]
    public void Sanitize_PngWithLargeAncillaryChunk_RefusesPastTheBudget()
    {
        var png = WithChunk(TestImages.SolidPng(8, 8, TestImages.Blue), "eXIf", new byte[5000]);

        var error = Assert.Throws<ImageRejectedException>(() => MetadataScan.Sanitize(png, maxMetadataBytes: 4096));

        Assert.Equal(ImageRejectionCodes.MetadataTooLarge, error.Code);
        Assert.Contains("4,096", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(20, true)]
    public void Sanitize_JpegAppSegments_AreCountedAgainstTheBudget(int segments, bool refused)
    {
        var jpeg = WithAppSegments(TestImages.SolidJpeg(16, 16, TestImages.Red), segments);

        var act = () => MetadataScan.Sanitize(jpeg, maxMetadataBytes: 1 << 20);

        if (refused)
            Assert.Equal(ImageRejectionCodes.MetadataTooLarge, Assert.Throws<ImageRejectedException>(act).Code);
        else
            Assert.Same(jpeg, act());
    }

    private static byte[] WithChunk(byte[] png, string type, byte[] data)
    {
        const int afterIhdr = 8 + 25;
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        return [.. png.AsSpan(0, afterIhdr), .. chunk, .. png.AsSpan(afterIhdr)];
    }

    private static byte[] ZlibOfZeros(int count)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
            zlib.Write(new byte[count]);
        return [.. "Comment\0\0"u8, .. output.ToArray()];
    }

    private static byte[] WithAppSegments(byte[] jpeg, int count)
    {
        using var output = new MemoryStream();
        output.Write(jpeg, 0, 2);
        for (var i = 0; i < count; i++)
        {
            output.Write([0xFF, 0xE1, 0xFF, 0xFF]);
            output.Write(new byte[65533]);
        }
        output.Write(jpeg, 2, jpeg.Length - 2);
        return output.ToArray();
    }
}
