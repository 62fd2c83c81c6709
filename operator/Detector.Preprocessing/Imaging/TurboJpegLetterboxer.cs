using System.Buffers;
using System.Runtime.InteropServices;
using Detector.Preprocessing.Geometry;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Detector.Preprocessing.Imaging;

/// <summary>
/// The fast JPEG path: libjpeg-turbo decodes at the largest DCT scale (1/2, 1/4, 1/8) that still covers the letterbox
/// target, ImageSharp does the exact resize (same sampler as the full-decode path) and the EXIF turn on the reduced image
/// (when the reduced image is already the target size, <see cref="TriangleCompletion"/> stands in for the resize),
/// libjpeg-turbo encodes. Declines (returns null) whatever it is not sure to handle exactly like ImageSharp — a header it
/// reads differently, CMYK, any decoder warning — so those files keep today's behaviour and error messages.
/// </summary>
internal static class TurboJpegLetterboxer
{
    /// <summary>The letterboxed image, or null to let ImageSharp do it. Throws TooManyPixels over the allocation cap.</summary>
    public static LetterboxedImage? TryProcess(ReadOnlySpan<byte> bytes, ImageInfo info, LetterboxOptions options, Rgb24 pad, Configuration configuration)
    {
        if (TurboJpeg.ReadHeader(bytes) is not { IsCmyk: false } header || header.Width != info.Width || header.Height != info.Height)
            return null;
        var (uprightWidth, uprightHeight) = ExifOrientation.UprightSize(info.Width, info.Height, info.Orientation);
        var geometry = LetterboxGeometry.For(uprightWidth, uprightHeight, options.Size);
        // The target in stored orientation: the EXIF turn happens after the resize, on the small image.
        var turned = info.Orientation is >= 5 and <= 8;
        var (targetWidth, targetHeight) = turned ? (geometry.ResizedHeight, geometry.ResizedWidth) : (geometry.ResizedWidth, geometry.ResizedHeight);
        var denominator = DctScale.Choose(info.Width, info.Height, targetWidth, targetHeight);
        var (width, height) = DctScale.Scaled(info.Width, info.Height, denominator);

        using var decoded = Allocate(configuration, (long)width * height * 3, info, $"a {width}×{height} decode at 1/{denominator}");
        if (!TurboJpeg.TryDecodeRgb(bytes, decoded.Memory.Span, width, height))
            return null;
        using var canvas = Allocate(configuration, LetterboxCanvas.Bytes(options.Size), info, "the canvas");
        var exact = (width, height) == (targetWidth, targetHeight);
        if (exact && denominator > 1)
            TriangleCompletion.ApplyInPlace(decoded.Memory.Span, width, height);
        if (exact && info.Orientation == 1)
            LetterboxCanvas.Paste(canvas.Memory.Span, geometry, decoded.Memory.Span);
        else
            ResizeAndTurn(decoded.Memory, width, height, (targetWidth, targetHeight), info.Orientation, geometry, canvas.Memory, configuration);
        LetterboxCanvas.FillPadding(canvas.Memory.Span, geometry, pad);
        var jpeg = TurboJpeg.EncodeRgb(canvas.Memory.Span, options.Size, options.Size, options.JpegQuality);
        return new LetterboxedImage(jpeg, geometry, uprightWidth, uprightHeight);
    }

    private static void ResizeAndTurn(Memory<byte> pixels, int width, int height, (int Width, int Height) target, ushort orientation,
        LetterboxGeometry geometry, Memory<byte> canvas, Configuration configuration)
    {
        using var decoded = Image.WrapMemory<Rgb24>(configuration, pixels, width, height);
        if (orientation != 1)
        {
            decoded.Metadata.ExifProfile = new ExifProfile();
            decoded.Metadata.ExifProfile.SetValue(ExifTag.Orientation, orientation);
        }
        using var upright = decoded.Clone(x =>
        {
            // Triangle, as on the full-decode path (Letterboxer): bilinear that widens when shrinking.
            if ((width, height) != target)
                x.Resize(target.Width, target.Height, KnownResamplers.Triangle);
            if (orientation != 1)
                x.AutoOrient();
        });
        if ((upright.Width, upright.Height) != (geometry.ResizedWidth, geometry.ResizedHeight))
            throw new ImageRejectedException(ImageRejectionCodes.Corrupt,
                $"the resized image is {upright.Width}×{upright.Height}, but the letterbox needs {geometry.ResizedWidth}×{geometry.ResizedHeight}");
        upright.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
                MemoryMarshal.AsBytes(rows.GetRowSpan(y)).CopyTo(LetterboxCanvas.ImageRow(canvas.Span, geometry, y));
        });
    }

    // Through ImageSharp's allocator, so the same pool and the same per-buffer cap (AllocationLimitMegabytes) apply.
    private static IMemoryOwner<byte> Allocate(Configuration configuration, long bytes, ImageInfo info, string what)
    {
        try
        {
            return configuration.MemoryAllocator.Allocate<byte>(checked((int)bytes));
        }
        catch (Exception e) when (e is InvalidMemoryOperationException or OverflowException)
        {
            throw new ImageRejectedException(ImageRejectionCodes.TooManyPixels,
                $"decoding the {info.Width}×{info.Height} {info.Format} exceeds the allocation limit: {what} needs {bytes:N0} bytes ({e.Message})");
        }
    }
}
