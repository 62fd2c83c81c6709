using Detector.Preprocessing.Geometry;
using Detector.Preprocessing.Imaging;
using Detector.Testing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using Xunit.Abstractions;

namespace Detector.Preprocessing.Tests.Imaging;

/// <summary>The libjpeg-turbo path against the ImageSharp full-decode path, which is the reference.</summary>
public sealed class TurboJpegLetterboxerTests(ITestOutputHelper output)
{
    private const double MinimumPsnr = 35;
    private static readonly ImageLimits s_limits = new();

    [SkippableFact]
    public void TryProcess_EveryAquariumImage_MatchesTheFullDecodeReference()
    {
        TurboJpegRequirement.Require();
        var files = Directory.GetFiles(Path.Combine(SharedData.Aquarium, "images"), "*", SearchOption.AllDirectories);

        var (worst, worstFile) = (double.PositiveInfinity, "");
        foreach (var file in files)
        {
            var psnr = FastVersusReferencePsnr(File.ReadAllBytes(file), file, size: 512);
            if (psnr < worst)
                (worst, worstFile) = (psnr, file);
        }

        output.WriteLine($"worst PSNR against the full decode: {worst:F1} dB ({Path.GetFileName(worstFile)})");
        Assert.Equal(190, files.Length);
        Assert.True(worst >= MinimumPsnr, $"{Path.GetFileName(worstFile)}: {worst:F1} dB against the full decode (needs ≥ {MinimumPsnr})");
    }

    [SkippableFact]
    public void TryProcess_TwelveMegapixelPhotos_MatchTheFullDecodeReference()
    {
        TurboJpegRequirement.Require();
        var files = Directory.GetFiles(Path.Combine(SharedData.Aquarium, "images"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

        // A landscape and a portrait one, decoded at 1/4 (1/8 would be smaller than 512 on the long side).
        foreach (var file in new[] { files.First(), files.Last() })
        {
            var large = Upscale(File.ReadAllBytes(file), megapixels: 12);
            var info = ImageInspector.Inspect(large, file, s_limits);
            Assert.InRange((long)info.Width * info.Height, 11_000_000, 13_000_000);

            var psnr = FastVersusReferencePsnr(large, file, size: 512);
            output.WriteLine($"{info.Width}×{info.Height}: {psnr:F1} dB against the full decode");

            Assert.True(psnr >= MinimumPsnr, $"{Path.GetFileName(file)} at {info.Width}×{info.Height}: {psnr:F1} dB");
        }
    }

    [SkippableTheory]
    [InlineData(1, 64)] [InlineData(2, 64)] [InlineData(3, 64)] [InlineData(4, 64)]
    [InlineData(5, 64)] [InlineData(6, 64)] [InlineData(7, 64)] [InlineData(8, 64)]
    [InlineData(6, 100)] [InlineData(8, 100)] [InlineData(3, 100)]
    public void TryProcess_ExifOrientation_TurnsLikeImageSharp(ushort orientation, int size)
    {
        TurboJpegRequirement.Require();
        var jpeg = TestImages.QuadrantJpeg(256, 128, orientation);
        var info = ImageInspector.Inspect(jpeg, "turned.jpg", s_limits);

        var fast = TryFast(jpeg, info, new LetterboxOptions(Size: size, JpegQuality: 100));
        var reference = Letterboxer.Process(jpeg, info, new LetterboxOptions(Size: size, JpegQuality: 100) { Codec = JpegCodec.ImageSharp }, s_limits);

        Assert.Equal(reference.Geometry, fast.Geometry);
        using var fastImage = Image.Load<Rgb24>(fast.Jpeg);
        using var referenceImage = Image.Load<Rgb24>(reference.Jpeg);
        var g = fast.Geometry;
        foreach (var (fx, fy) in new[] { (0.25, 0.25), (0.75, 0.25), (0.25, 0.75), (0.75, 0.75) })
        {
            var (x, y) = (g.OffsetX + (int)(fx * g.ResizedWidth), g.OffsetY + (int)(fy * g.ResizedHeight));
            Assert.True(TestImages.Distance(fastImage[x, y], referenceImage[x, y]) <= 24,
                $"orientation {orientation}: ({x},{y}) is {fastImage[x, y]}, the reference {referenceImage[x, y]}");
        }
        Assert.Equal(-1, fast.Jpeg.AsSpan().IndexOf("Exif\0\0"u8));
    }

    [SkippableTheory]
    [InlineData(256, 128, 128, 64, 0, 32)]
    [InlineData(128, 256, 64, 128, 32, 0)]
    [InlineData(200, 200, 128, 128, 0, 0)]
    [InlineData(40, 30, 128, 96, 0, 16)]
    public void TryProcess_SolidImage_FillsTheGeometryAreaAndPadsTheRest(int width, int height,
        int resizedWidth, int resizedHeight, int offsetX, int offsetY)
    {
        TurboJpegRequirement.Require();
        var jpeg = TestImages.SolidJpeg(width, height, TestImages.Red);
        var info = ImageInspector.Inspect(jpeg, "solid.jpg", s_limits);

        var result = TryFast(jpeg, info, new LetterboxOptions(Size: 128, PadColor: "#00ff00", JpegQuality: 100));

        Assert.Equal((resizedWidth, resizedHeight, offsetX, offsetY),
            (result.Geometry.ResizedWidth, result.Geometry.ResizedHeight, result.Geometry.OffsetX, result.Geometry.OffsetY));
        using var output = Image.Load<Rgb24>(result.Jpeg);
        Assert.Equal((128, 128), (output.Width, output.Height));
        for (var y = 0; y < 128; y++)
        for (var x = 0; x < 128; x++)
        {
            var inside = x >= offsetX + 3 && x < offsetX + resizedWidth - 3 && y >= offsetY + 3 && y < offsetY + resizedHeight - 3;
            var outside = x < offsetX - 3 || x >= offsetX + resizedWidth + 3 || y < offsetY - 3 || y >= offsetY + resizedHeight + 3;
            if (inside)
                Assert.True(TestImages.Distance(output[x, y], TestImages.Red) <= 12, $"({x},{y}) = {output[x, y]} should be red");
            else if (outside)
                Assert.True(TestImages.Distance(output[x, y], new Rgb24(0, 255, 0)) <= 8, $"({x},{y}) = {output[x, y]} should be padding");
        }
    }

    [SkippableFact]
    public void TryProcess_GreyJpeg_GivesAThreeChannelJpeg()
    {
        TurboJpegRequirement.Require();
        var jpeg = TestImages.GreyJpeg(40, 30);

        var result = TryFast(jpeg, ImageInspector.Inspect(jpeg, "grey.jpg", s_limits), new LetterboxOptions(Size: 64));

        var identified = Image.Identify(result.Jpeg, out var format);
        Assert.Equal(("JPEG", 24, 64, 64), (format.Name, identified.PixelType.BitsPerPixel, identified.Width, identified.Height));
    }

    [SkippableFact]
    public void TryProcess_CmykJpeg_IsLeftToImageSharp()
    {
        TurboJpegRequirement.Require();
        var jpeg = TestImages.CmykJpeg(64, 48);
        var info = ImageInspector.Inspect(jpeg, "print.jpg", s_limits);

        Assert.Null(TurboJpegLetterboxer.TryProcess(jpeg, info, new LetterboxOptions(Size: 64), TestImages.Grey114, ImagingConfiguration.For(s_limits)));
        var auto = Letterboxer.Process(jpeg, info, new LetterboxOptions(Size: 64), s_limits);
        var reference = Letterboxer.Process(jpeg, info, new LetterboxOptions(Size: 64) { Codec = JpegCodec.ImageSharp }, s_limits);
        Assert.Equal(reference.Jpeg, auto.Jpeg);
    }

    [SkippableFact]
    public void TryProcess_CorruptEntropyData_IsLeftToImageSharp()
    {
        TurboJpegRequirement.Require();
        var jpeg = TestImages.CorruptScanJpeg(128, 128);
        var info = ImageInspector.Inspect(jpeg, "corrupt.jpg", s_limits);

        Assert.Null(TurboJpegLetterboxer.TryProcess(jpeg, info, new LetterboxOptions(Size: 64), TestImages.Grey114, ImagingConfiguration.For(s_limits)));
        var auto = Record.Exception(() => Letterboxer.Process(jpeg, info, new LetterboxOptions(Size: 64), s_limits));
        var reference = Record.Exception(() => Letterboxer.Process(jpeg, info, new LetterboxOptions(Size: 64) { Codec = JpegCodec.ImageSharp }, s_limits));
        Assert.Equal(reference?.Message, auto?.Message);
    }

    [SkippableFact]
    public void TryProcess_DecodeOverTheAllocationCap_IsTooManyPixels()
    {
        TurboJpegRequirement.Require();
        var jpeg = TestImages.SolidJpeg(1024, 1024, TestImages.Blue);
        var limits = new ImageLimits(AllocationLimitMegabytes: 1);
        var info = ImageInspector.Inspect(jpeg, "big.jpg", limits);

        // A 1024 canvas needs the full-size decode: 3 MB, over the 1 MB cap. (ImageSharp's decoder reports the same cap as Corrupt.)
        var error = Assert.Throws<ImageRejectedException>(() =>
            TurboJpegLetterboxer.TryProcess(jpeg, info, new LetterboxOptions(Size: 1024), TestImages.Grey114, ImagingConfiguration.For(limits)));

        Assert.Equal(ImageRejectionCodes.TooManyPixels, error.Code);
        Assert.Contains("allocation limit", error.Message);
    }

    [SkippableFact]
    public void TryProcess_ReducedDecodeUnderTheCap_Succeeds()
    {
        TurboJpegRequirement.Require();
        var jpeg = TestImages.SolidJpeg(1024, 1024, TestImages.Blue);
        var limits = new ImageLimits(AllocationLimitMegabytes: 1);
        var info = ImageInspector.Inspect(jpeg, "big.jpg", limits);

        // At 256 the decode runs at 1/4: 256×256×3 bytes, well under the cap that a full decode would exceed.
        var result = TurboJpegLetterboxer.TryProcess(jpeg, info, new LetterboxOptions(Size: 256), TestImages.Grey114, ImagingConfiguration.For(limits));

        Assert.NotNull(result);
    }

    [SkippableFact]
    public void Resolve_Auto_IsTurboJpegWhenLoadable()
    {
        TurboJpegRequirement.Require();
        var forced = string.Equals(Environment.GetEnvironmentVariable(JpegCodecs.EnvironmentVariable), "imagesharp", StringComparison.OrdinalIgnoreCase);

        Assert.Equal(forced ? JpegCodec.ImageSharp : JpegCodec.TurboJpeg, JpegCodecs.Resolve(JpegCodec.Auto));
        Assert.Contains(forced ? "ImageSharp" : "libjpeg-turbo", JpegCodecs.Describe(JpegCodec.Auto));
    }

    [Fact]
    public void Resolve_ImageSharp_IsImageSharpEverywhere() =>
        Assert.Equal(JpegCodec.ImageSharp, JpegCodecs.Resolve(JpegCodec.ImageSharp));

    private static LetterboxedImage TryFast(byte[] jpeg, ImageInfo info, LetterboxOptions options)
    {
        var result = TurboJpegLetterboxer.TryProcess(jpeg, info, options, LetterboxOptions.ParseColor(options.PadColor), ImagingConfiguration.For(s_limits));
        Assert.True(result is not null, "libjpeg-turbo declined the image, so the fast path was not tested");
        return result;
    }

    // PSNR of the fast path's letterboxed output against ImageSharp's full decode, over the image area of the canvas.
    private static double FastVersusReferencePsnr(byte[] bytes, string file, int size)
    {
        var info = ImageInspector.Inspect(bytes, file, s_limits);
        var fast = TryFast(bytes, info, new LetterboxOptions(Size: size));
        var reference = Letterboxer.Process(bytes, info, new LetterboxOptions(Size: size) { Codec = JpegCodec.ImageSharp }, s_limits);

        // The boxes follow the geometry: it must be the one recomputed from the source, whichever path ran.
        var (uprightWidth, uprightHeight) = ExifOrientation.UprightSize(info.Width, info.Height, info.Orientation);
        Assert.Equal(LetterboxGeometry.For(uprightWidth, uprightHeight, size), fast.Geometry);
        Assert.Equal(reference.Geometry, fast.Geometry);
        using var fastImage = Image.Load<Rgb24>(fast.Jpeg);
        using var referenceImage = Image.Load<Rgb24>(reference.Jpeg);
        var g = fast.Geometry;
        return ImageQuality.Psnr(fastImage, referenceImage, new Rectangle(g.OffsetX, g.OffsetY, g.ResizedWidth, g.ResizedHeight));
    }

    private static byte[] Upscale(byte[] jpeg, double megapixels)
    {
        using var image = Image.Load<Rgb24>(jpeg);
        var factor = Math.Sqrt(megapixels * 1e6 / (image.Width * image.Height));
        image.Mutate(x => x.Resize((int)(image.Width * factor), (int)(image.Height * factor), KnownResamplers.Bicubic));
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream, new JpegEncoder { Quality = 90 });
        return stream.ToArray();
    }
}
