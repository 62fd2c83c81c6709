using System.Runtime.InteropServices;

namespace Detector.Preprocessing.Imaging;

/// <summary>What a JPEG's header says, per libjpeg-turbo.</summary>
/// <param name="Width">Stored width.</param>
/// <param name="Height">Stored height.</param>
/// <param name="Colorspace">TurboJPEG colour space (TJCS_*).</param>
internal readonly record struct TurboJpegHeader(int Width, int Height, int Colorspace)
{
    /// <summary>Four-channel (CMYK/YCCK) files: left to ImageSharp, which converts them to RGB as before.</summary>
    public bool IsCmyk => Colorspace is TurboJpegNative.ColorspaceCmyk or TurboJpegNative.ColorspaceYcck;
}

/// <summary>
/// Decode (scaled) and encode with libjpeg-turbo. One compressor and one decompressor per thread, created on first use
/// and released with the thread; thread-safe in that sense. Call only when <see cref="TurboJpegLibrary.IsLoaded"/>.
/// </summary>
internal static class TurboJpeg
{
    [ThreadStatic]
    private static TurboJpegHandle? t_decompressor;

    [ThreadStatic]
    private static TurboJpegHandle? t_compressor;

    [ThreadStatic]
    private static TurboJpegBuffer? t_output;

    /// <summary>Reads the header; null when libjpeg-turbo cannot parse it.</summary>
    public static TurboJpegHeader? ReadHeader(ReadOnlySpan<byte> jpeg)
    {
        var status = TurboJpegNative.tjDecompressHeader3(Decompressor(), in MemoryMarshal.GetReference(jpeg), Length(jpeg.Length),
            out var width, out var height, out _, out var colorspace);
        return status == 0 ? new TurboJpegHeader(width, height, colorspace) : null;
    }

    /// <summary>
    /// Decodes to packed RGB at exactly <paramref name="width"/>×<paramref name="height"/>, which must be a size from
    /// <see cref="DctScale.Scaled"/> (TurboJPEG picks the scaling factor that produces it). False on any error or
    /// warning (corrupt data, too many scans): such files go to ImageSharp, which reports them as it always did.
    /// </summary>
    public static bool TryDecodeRgb(ReadOnlySpan<byte> jpeg, Span<byte> rgb, int width, int height)
    {
        if (rgb.Length < width * height * 3)
            throw new ArgumentException($"the RGB buffer holds {rgb.Length} bytes, {width}×{height} needs {width * height * 3}", nameof(rgb));
        var status = TurboJpegNative.tjDecompress2(Decompressor(), in MemoryMarshal.GetReference(jpeg), Length(jpeg.Length),
            ref MemoryMarshal.GetReference(rgb), width, width * 3, height, TurboJpegNative.PixelFormatRgb,
            TurboJpegNative.FlagStopOnWarning | TurboJpegNative.FlagLimitScans);
        return status == 0;
    }

    /// <summary>Encodes packed RGB as a baseline 4:2:0 JPEG (JFIF, no other metadata) of the given quality.</summary>
    public static byte[] EncodeRgb(ReadOnlySpan<byte> rgb, int width, int height, int quality)
    {
        var compressor = t_compressor ??= Created(TurboJpegNative.tjInitCompress());
        var output = OutputBuffer(checked((int)TurboJpegNative.tjBufSize(width, height, TurboJpegNative.Subsampling420).Value));
        var address = output.Address;
        var size = Length(output.Capacity);
        var status = TurboJpegNative.tjCompress2(compressor, in MemoryMarshal.GetReference(rgb), width, width * 3, height,
            TurboJpegNative.PixelFormatRgb, ref address, ref size, TurboJpegNative.Subsampling420, quality, TurboJpegNative.FlagNoRealloc);
        if (status != 0)
            throw new InvalidOperationException($"libjpeg-turbo could not encode a {width}×{height} image: {TurboJpegNative.ErrorOf(compressor)}");
        var jpeg = new byte[checked((int)size.Value)];
        Marshal.Copy(address, jpeg, 0, jpeg.Length);
        GC.KeepAlive(output);
        return jpeg;
    }

    private static TurboJpegHandle Decompressor() => t_decompressor ??= Created(TurboJpegNative.tjInitDecompress());

    private static TurboJpegHandle Created(TurboJpegHandle handle) =>
        handle.IsInvalid ? throw new InvalidOperationException("libjpeg-turbo could not create a codec instance") : handle;

    // tjBufSize is the worst case for that size, so one buffer per thread serves every image of a run.
    private static TurboJpegBuffer OutputBuffer(int capacity)
    {
        if (t_output is { } existing && existing.Capacity >= capacity)
            return existing;
        t_output?.Dispose();
        return t_output = new TurboJpegBuffer(capacity);
    }

    private static CULong Length(int bytes) => new((nuint)bytes);
}
