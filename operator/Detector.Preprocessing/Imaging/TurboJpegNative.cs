using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Detector.Preprocessing.Imaging;

/// <summary>
/// The TurboJPEG 2.x C API of libjpeg-turbo (Debian/Ubuntu package libturbojpeg0 / libturbojpeg), declared with
/// blittable arguments only so no unsafe code is needed: byte buffers go as <c>ref byte</c> (pinned for the call), C's
/// <c>unsigned long</c> as <see cref="CULong"/> (32 bits on Windows, 64 on Linux). Call nothing here unless
/// <see cref="TurboJpegLibrary.IsLoaded"/>: the name resolves only through the resolver that registers it.
/// </summary>
internal static class TurboJpegNative
{
    /// <summary>The logical library name; <see cref="TurboJpegLibrary"/> maps it to the file it loaded.</summary>
    public const string Library = "detector-turbojpeg";

    public const int PixelFormatRgb = 0;        // TJPF_RGB
    public const int Subsampling420 = 2;        // TJSAMP_420
    public const int ColorspaceCmyk = 3;        // TJCS_CMYK
    public const int ColorspaceYcck = 4;        // TJCS_YCCK
    public const int FlagNoRealloc = 1024;      // TJFLAG_NOREALLOC: write into our buffer, never reallocate it
    public const int FlagStopOnWarning = 8192;  // TJFLAG_STOPONWARNING: corrupt data is an error, not a grey patch
    public const int FlagLimitScans = 32768;    // TJFLAG_LIMITSCANS (2.1+): refuse progressive files with > 500 scans

    [DllImport(Library)]
    public static extern TurboJpegHandle tjInitDecompress();

    [DllImport(Library)]
    public static extern TurboJpegHandle tjInitCompress();

    [DllImport(Library)]
    public static extern int tjDestroy(IntPtr handle);

    [DllImport(Library)]
    public static extern int tjDecompressHeader3(TurboJpegHandle handle, in byte jpegBuf, CULong jpegSize,
        out int width, out int height, out int jpegSubsamp, out int jpegColorspace);

    [DllImport(Library)]
    public static extern int tjDecompress2(TurboJpegHandle handle, in byte jpegBuf, CULong jpegSize,
        ref byte dstBuf, int width, int pitch, int height, int pixelFormat, int flags);

    [DllImport(Library)]
    public static extern int tjCompress2(TurboJpegHandle handle, in byte srcBuf, int width, int pitch, int height, int pixelFormat,
        ref IntPtr jpegBuf, ref CULong jpegSize, int jpegSubsamp, int jpegQual, int flags);

    [DllImport(Library)]
    public static extern CULong tjBufSize(int width, int height, int jpegSubsamp);

    [DllImport(Library)]
    public static extern IntPtr tjAlloc(int bytes);

    [DllImport(Library)]
    public static extern void tjFree(IntPtr buffer);

    [DllImport(Library)]
    public static extern IntPtr tjGetErrorStr2(TurboJpegHandle handle);

    [DllImport(Library)]
    public static extern IntPtr tjGetScalingFactors(out int count);

    /// <summary>The last error of <paramref name="handle"/> as text.</summary>
    public static string ErrorOf(TurboJpegHandle handle) => Marshal.PtrToStringAnsi(tjGetErrorStr2(handle)) ?? "unknown TurboJPEG error";
}

/// <summary>A TurboJPEG compressor or decompressor instance; one per thread (instances are not thread-safe).</summary>
internal sealed class TurboJpegHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle() => TurboJpegNative.tjDestroy(handle) == 0;
}

/// <summary>A buffer from tjAlloc (TurboJPEG may only write into buffers it allocated itself).</summary>
internal sealed class TurboJpegBuffer : SafeHandleZeroOrMinusOneIsInvalid
{
    public TurboJpegBuffer(int bytes) : base(ownsHandle: true)
    {
        SetHandle(TurboJpegNative.tjAlloc(bytes));
        if (IsInvalid)
            throw new OutOfMemoryException($"tjAlloc could not allocate {bytes:N0} bytes");
        Capacity = bytes;
    }

    /// <summary>Size in bytes.</summary>
    public int Capacity { get; }

    /// <summary>The native address (valid while this object is alive).</summary>
    public IntPtr Address => handle;

    protected override bool ReleaseHandle()
    {
        TurboJpegNative.tjFree(handle);
        return true;
    }
}
