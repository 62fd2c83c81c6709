using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Detector.Preprocessing.Tests.Imaging;

/// <summary>Builds small encoded test images in memory.</summary>
internal static class TestImages
{
    public static readonly Rgb24 Red = new(255, 0, 0);
    public static readonly Rgb24 Blue = new(0, 0, 255);
    public static readonly Rgb24 Grey114 = new(114, 114, 114);

    /// <summary>A JPEG whose left half is red and right half blue, optionally tagged with an EXIF orientation.</summary>
    public static byte[] SplitJpeg(int width, int height, ushort? orientation = null)
    {
        using var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                row[..(width / 2)].Fill(Red);
                row[(width / 2)..].Fill(Blue);
            }
        });
        if (orientation is { } value)
        {
            image.Metadata.ExifProfile = new ExifProfile();
            image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, value);
        }
        return Jpeg(image);
    }

    /// <summary>Red, green / blue, yellow quadrants (top-left, top-right / bottom-left, bottom-right), optionally EXIF-oriented.</summary>
    public static byte[] QuadrantJpeg(int width, int height, ushort orientation)
    {
        using var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                row[..(width / 2)].Fill(y < height / 2 ? Red : Blue);
                row[(width / 2)..].Fill(y < height / 2 ? new Rgb24(0, 255, 0) : new Rgb24(255, 255, 0));
            }
        });
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, orientation);
        return Jpeg(image);
    }

    /// <summary>
    /// A JPEG whose entropy-coded data is overwritten in the middle with bytes that keep the marker structure (no 0xFF),
    /// so it still ends with EOI and passes the truncation check, but decoders meet invalid Huffman codes.
    /// </summary>
    public static byte[] CorruptScanJpeg(int width, int height)
    {
        var random = new Random(7);
        using var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
                foreach (ref var pixel in rows.GetRowSpan(y))
                    pixel = new Rgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
        });
        var jpeg = Jpeg(image);
        var scan = jpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xDA]);
        var start = scan + (jpeg.Length - scan) / 3;
        for (var i = start; i < start + 64; i++)
            jpeg[i] = 0xFE;
        return jpeg;
    }

    /// <summary>A four-channel (Adobe YCCK) JPEG, made with libjpeg-turbo (ImageSharp 2.1 cannot encode CMYK).</summary>
    public static byte[] CmykJpeg(int width, int height)
    {
        var cmyk = new byte[width * height * 4];
        for (var i = 0; i < cmyk.Length; i += 4)
            (cmyk[i], cmyk[i + 1], cmyk[i + 2], cmyk[i + 3]) = (0, 200, 200, 30); // a red
        const int pixelFormatCmyk = 11, subsampling444 = 0;
        using var compressor = Detector.Preprocessing.Imaging.TurboJpegNative.tjInitCompress();
        var buffer = IntPtr.Zero;
        var size = new System.Runtime.InteropServices.CULong(0);
        if (Detector.Preprocessing.Imaging.TurboJpegNative.tjCompress2(compressor, in cmyk[0], width, width * 4, height, pixelFormatCmyk,
                ref buffer, ref size, subsampling444, 95, 0) != 0)
            throw new InvalidOperationException(Detector.Preprocessing.Imaging.TurboJpegNative.ErrorOf(compressor));
        var jpeg = new byte[(int)size.Value];
        System.Runtime.InteropServices.Marshal.Copy(buffer, jpeg, 0, jpeg.Length);
        Detector.Preprocessing.Imaging.TurboJpegNative.tjFree(buffer);
        return jpeg;
    }

    public static byte[] SolidJpeg(int width, int height, Rgb24 color)
    {
        using var image = new Image<Rgb24>(width, height, color);
        return Jpeg(image);
    }

    public static byte[] SolidPng(int width, int height, Rgb24 color)
    {
        using var image = new Image<Rgb24>(width, height, color);
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    /// <summary>An 8-bit grey + alpha PNG (two channels, no colour).</summary>
    public static byte[] GreyAlphaPng(int width, int height)
    {
        using var image = new Image<La16>(width, height, new La16(200, 128));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream, new PngEncoder { ColorType = PngColorType.GrayscaleWithAlpha, BitDepth = PngBitDepth.Bit8 });
        return stream.ToArray();
    }

    /// <summary>A single-channel (luminance only) JPEG.</summary>
    public static byte[] GreyJpeg(int width, int height)
    {
        using var image = new Image<L8>(width, height, new L8(90));
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream, new JpegEncoder { ColorType = JpegColorType.Luminance });
        return stream.ToArray();
    }

    /// <summary>A 16-bit RGBA PNG.</summary>
    public static byte[] Rgba64Png(int width, int height)
    {
        using var image = new Image<Rgba64>(width, height, new Rgba64(65535, 0, 0, 65535));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream, new PngEncoder { ColorType = PngColorType.RgbWithAlpha, BitDepth = PngBitDepth.Bit16 });
        return stream.ToArray();
    }

    /// <summary>
    /// A hand-made 21-byte JPEG: SOI, a baseline SOF0 claiming 30000×30000 with three components, EOI.
    /// No tables and no scan: nothing a decoder could draw, only a header that asks for 2.7 GB.
    /// </summary>
    public static byte[] HugeHeaderJpeg() =>
    [
        0xFF, 0xD8,                         // SOI
        0xFF, 0xC0, 0x00, 0x11,             // SOF0, segment length 17
        0x08,                               // 8-bit samples
        0x75, 0x30, 0x75, 0x30,             // height 30000, width 30000
        0x03,                               // three components
        0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
        0xFF, 0xD9,                         // EOI
    ];

    private static byte[] Jpeg(Image<Rgb24> image)
    {
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream, new JpegEncoder { Quality = 100, ColorType = JpegColorType.YCbCrRatio444 });
        return stream.ToArray();
    }

    public static int Distance(Rgb24 a, Rgb24 b) => Math.Max(Math.Abs(a.R - b.R), Math.Max(Math.Abs(a.G - b.G), Math.Abs(a.B - b.B)));
}
