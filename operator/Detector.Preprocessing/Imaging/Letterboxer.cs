using System.Collections.Concurrent;
using System.Globalization;
using Detector.Preprocessing.Geometry;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Detector.Preprocessing.Imaging;

/// <summary>How to letterbox: canvas side, padding colour (#rrggbb) and JPEG quality.</summary>
/// <param name="Size">Side of the square output.</param>
/// <param name="PadColor">Padding colour as #rrggbb (default grey 114, the usual letterbox fill).</param>
/// <param name="JpegQuality">JPEG quality 1–100 (95 is im2rec's default).</param>
public sealed record LetterboxOptions(int Size = 512, string PadColor = "#727272", int JpegQuality = 95)
{
    /// <summary>Which library letterboxes JPEG input; the output geometry is the same whichever does.</summary>
    public JpegCodec Codec { get; init; } = JpegCodec.Auto;

    /// <summary>Parses "#rrggbb" (or "rrggbb"); throws <see cref="FormatException"/> naming the value.</summary>
    public static Rgb24 ParseColor(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var hex = value.StartsWith('#') ? value.AsSpan(1) : value.AsSpan();
        if (hex.Length != 6 || !uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var rgb))
            throw new FormatException($"padColor '{value}' is not a colour: use #rrggbb, e.g. #727272");
        return new Rgb24((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
    }
}

/// <summary>A letterboxed JPEG and the geometry that produced it.</summary>
/// <param name="Jpeg">Encoded 3-channel JPEG without metadata.</param>
/// <param name="Geometry">Where the image sits on the canvas; use it to transform the boxes.</param>
/// <param name="UprightWidth">Width after EXIF orientation.</param>
/// <param name="UprightHeight">Height after EXIF orientation.</param>
public sealed record LetterboxedImage(byte[] Jpeg, LetterboxGeometry Geometry, int UprightWidth, int UprightHeight);

/// <summary>
/// Decodes, orients, resizes and pads one image to a square JPEG. JPEG goes through libjpeg-turbo's scaled decode when
/// it is loadable (<see cref="JpegCodecs"/>); everything else, and any JPEG it declines, through ImageSharp.
/// </summary>
public static class Letterboxer
{
    private static readonly ConcurrentDictionary<int, JpegEncoder> s_encoders = new();

    [ThreadStatic]
    private static MemoryStream? t_encodeBuffer;

    /// <summary>
    /// Letterboxes an image already accepted by <see cref="ImageInspector.Inspect"/>. Thread-safe; each call is
    /// single-threaded (parallelism is across images). Throws <see cref="ImageRejectedException"/> (Corrupt) on decoder failure.
    /// </summary>
    public static LetterboxedImage Process(ReadOnlySpan<byte> bytes, ImageInfo info, LetterboxOptions options, ImageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Size);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.JpegQuality);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.JpegQuality, 100);
        var pad = LetterboxOptions.ParseColor(options.PadColor);
        var configuration = ImagingConfiguration.For(limits);
        // Inspect has refused these already; re-checking costs nothing and keeps a caller's mistake from a 2 GB decode.
        if ((long)info.Width * info.Height > limits.MaxPixels)
            throw new ImageRejectedException(ImageRejectionCodes.TooManyPixels,
                $"{info.Width}×{info.Height} pixels exceeds the limit of {limits.MaxPixels:N0}");
        if (info.Format == "JPEG" && JpegCodecs.Resolve(options.Codec) == JpegCodec.TurboJpeg
            && TurboJpegLetterboxer.TryProcess(bytes, info, options, pad, configuration) is { } fast)
            return fast;

        using var image = Decode(bytes, info, configuration);
        // AutoOrient rewrites every pixel; skip it for the common upright case.
        if (info.Orientation != 1)
            image.Mutate(x => x.AutoOrient());
        var (uprightWidth, uprightHeight) = ExifOrientation.UprightSize(info.Width, info.Height, info.Orientation);
        if (image.Width != uprightWidth || image.Height != uprightHeight)
            throw new ImageRejectedException(ImageRejectionCodes.Corrupt,
                $"the decoded image is {image.Width}×{image.Height}, but its header promised {uprightWidth}×{uprightHeight} upright");

        var geometry = LetterboxGeometry.For(uprightWidth, uprightHeight, options.Size);
        image.Mutate(x => x.Resize(new ResizeOptions
        {
            Size = new Size(geometry.Size, geometry.Size),
            Mode = ResizeMode.Manual,
            TargetRectangle = new Rectangle(geometry.OffsetX, geometry.OffsetY, geometry.ResizedWidth, geometry.ResizedHeight),
            // Bilinear, like OpenCV's INTER_LINEAR that im2rec uses; ImageSharp widens the kernel when shrinking,
            // so it also avoids aliasing. Measured on the aquarium images: Triangle, Box and nearest neighbour differ by < 1 ms.
            Sampler = KnownResamplers.Triangle,
        }));
        FillPadding(image, geometry, pad);
        // The pixels are upright now: no orientation (or any other profile) may reach the training record.
        image.Metadata.ExifProfile = null;
        image.Metadata.IccProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.XmpProfile = null;

        // One encode buffer per thread: a fresh 100+ KB buffer per image would live on the large object heap and
        // drive gen-2 collections; the returned array is an exact-size copy.
        var output = t_encodeBuffer ??= new MemoryStream(capacity: 256 * 1024);
        output.SetLength(0);
        image.SaveAsJpeg(output, EncoderFor(options.JpegQuality));
        return new LetterboxedImage(output.ToArray(), geometry, uprightWidth, uprightHeight);
    }

    private static Image<Rgb24> Decode(ReadOnlySpan<byte> bytes, ImageInfo info, Configuration configuration)
    {
        try
        {
            return Image.Load<Rgb24>(configuration, bytes);
        }
        catch (InvalidMemoryOperationException e)
        {
            throw new ImageRejectedException(ImageRejectionCodes.TooManyPixels,
                $"decoding the {info.Width}×{info.Height} {info.Format} exceeds the allocation limit: {e.Message}");
        }
        catch (Exception e) when (e is ImageFormatException or InvalidDataException or NotSupportedException
                                      or ArgumentException or IndexOutOfRangeException or EndOfStreamException)
        {
            throw new ImageRejectedException(ImageRejectionCodes.Corrupt, $"the {info.Format} data cannot be decoded: {e.Message}");
        }
    }

    // ImageSharp 2.1 ignores ResizeOptions.PadColor in Manual mode and leaves the border black, so paint it here:
    // only the border is touched, which is cheaper than a second full-size canvas and a copy.
    private static void FillPadding(Image<Rgb24> canvas, LetterboxGeometry geometry, Rgb24 pad)
    {
        var imageTop = geometry.OffsetY;
        var imageBottom = geometry.OffsetY + geometry.ResizedHeight;
        var imageLeft = geometry.OffsetX;
        var imageRight = geometry.OffsetX + geometry.ResizedWidth;
        canvas.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                if (y < imageTop || y >= imageBottom)
                {
                    row.Fill(pad);
                    continue;
                }
                row[..imageLeft].Fill(pad);
                row[imageRight..].Fill(pad);
            }
        });
    }

    // 4:2:0 like OpenCV's default (im2rec); fixing the colour type also stops a grey source from producing a 1-channel JPEG.
    private static JpegEncoder EncoderFor(int quality) =>
        s_encoders.GetOrAdd(quality, static q => new JpegEncoder { Quality = q, ColorType = JpegColorType.YCbCrRatio420 });
}
