using System.Buffers;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;

namespace Detector.Preprocessing.Imaging;

/// <summary>What the header of an image says, before any pixel is decoded.</summary>
/// <param name="Format">Format decided from the content ("JPEG", "PNG", …), never the extension.</param>
/// <param name="Width">Stored width in pixels (before EXIF orientation).</param>
/// <param name="Height">Stored height in pixels (before EXIF orientation).</param>
/// <param name="Orientation">EXIF orientation 1–8 (1 when absent or invalid).</param>
/// <param name="Note">A remark worth reporting, e.g. "PNG content in a .jpg file"; null when none.</param>
public sealed record ImageInfo(string Format, int Width, int Height, ushort Orientation, string? Note);

/// <summary>Cheap, header-only checks that run before an image is decoded.</summary>
public static class ImageInspector
{
    /// <summary>
    /// Identifies the format from the content, reads the header, refuses too many pixels and truncated files.
    /// Throws <see cref="ImageRejectedException"/> naming <paramref name="fileName"/>.
    /// </summary>
    public static ImageInfo Inspect(ReadOnlySpan<byte> bytes, string fileName, ImageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(limits);
        if (bytes.IsEmpty)
            throw new ImageRejectedException(ImageRejectionCodes.Empty, $"{fileName}: the file is empty (0 bytes)");
        var configuration = ImagingConfiguration.For(limits);
        var format = Image.DetectFormat(configuration, bytes)
            ?? throw new ImageRejectedException(ImageRejectionCodes.UnknownFormat,
                $"{fileName}: not an image in a supported format ({Supported(configuration)}); it starts with {Hex(bytes[..Math.Min(8, bytes.Length)])}");

        var info = Identify(bytes, fileName, format.Name, configuration);
        if (info.Width <= 0 || info.Height <= 0)
            throw new ImageRejectedException(ImageRejectionCodes.Corrupt, $"{fileName}: the {format.Name} header says {info.Width}×{info.Height} pixels");
        var pixels = (long)info.Width * info.Height;
        if (pixels > limits.MaxPixels)
            throw new ImageRejectedException(ImageRejectionCodes.TooManyPixels,
                $"{fileName}: {info.Width}×{info.Height} = {pixels:N0} pixels exceeds the limit of {limits.MaxPixels:N0}");
        if (EndCheck.FindTruncation(format.Name, bytes) is { } truncation)
            throw new ImageRejectedException(ImageRejectionCodes.Truncated, $"{fileName}: {truncation}");

        return new ImageInfo(format.Name, info.Width, info.Height, OrientationOf(info), ExtensionNote(format, fileName));
    }

    private static IImageInfo Identify(ReadOnlySpan<byte> bytes, string fileName, string format, Configuration configuration)
    {
        // ImageSharp 2.1 identifies from a stream only. A pooled copy: a fresh array per image lands on the large
        // object heap and the resulting gen-2 collections cost more than the identify itself.
        var buffer = ArrayPool<byte>.Shared.Rent(bytes.Length);
        try
        {
            bytes.CopyTo(buffer);
            using var stream = new MemoryStream(buffer, 0, bytes.Length, writable: false);
            return Image.Identify(configuration, stream, out _)
                ?? throw new ImageRejectedException(ImageRejectionCodes.UnknownFormat, $"{fileName}: no decoder could read the header");
        }
        catch (InvalidMemoryOperationException e)
        {
            // The allocation cap tripped on what the header or metadata asked for: a budget, not a broken file.
            throw new ImageRejectedException(ImageRejectionCodes.TooManyPixels, $"{fileName}: reading the header needs more memory than the allocation limit: {e.Message}");
        }
        catch (Exception e) when (e is ImageFormatException or InvalidDataException or NotSupportedException
                                      or ArgumentException or IndexOutOfRangeException or EndOfStreamException)
        {
            // A file cut inside its header fails here; saying "truncated" tells the user what actually happened.
            if (EndCheck.FindTruncation(format, bytes) is { } truncation)
                throw new ImageRejectedException(ImageRejectionCodes.Truncated, $"{fileName}: {truncation} ({e.Message})");
            // Hostile headers surface as assorted decoder exceptions; all mean the same thing to the user.
            throw new ImageRejectedException(ImageRejectionCodes.Corrupt, $"{fileName}: the header cannot be read: {e.Message}");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ushort OrientationOf(IImageInfo info)
    {
        var value = info.Metadata.ExifProfile?.GetValue(ExifTag.Orientation)?.Value ?? 1;
        // Out-of-range values are ignored by viewers (treated as upright), so do the same.
        return value is >= 1 and <= 8 ? value : (ushort)1;
    }

    private static string? ExtensionNote(IImageFormat format, string fileName)
    {
        var extension = Path.GetExtension(fileName).TrimStart('.');
        if (extension.Length == 0)
            return $"{format.Name} content in a file without extension";
        return format.FileExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase)
            ? null
            : $"{format.Name} content in a .{extension} file";
    }

    private static string Supported(Configuration configuration) =>
        string.Join(", ", configuration.ImageFormats.Select(f => f.Name).Order(StringComparer.Ordinal));

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);
}
