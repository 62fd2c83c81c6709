namespace Detector.Preprocessing.Imaging;

/// <summary>
/// Resource budget per decoded image. 40 megapixels covers every real camera up to ~8K-by-5K while refusing the
/// "tiny file, huge header" bombs; 512 MB caps ImageSharp's pool so a few parallel decodes cannot exhaust a 2 GB pod.
/// </summary>
/// <param name="MaxPixels">Largest width·height accepted, checked from the header before decoding.</param>
/// <param name="AllocationLimitMegabytes">Cap on ImageSharp's memory pool (per process).</param>
public sealed record ImageLimits(long MaxPixels = 40_000_000, int AllocationLimitMegabytes = 512);

/// <summary>Machine-readable codes for <see cref="ImageRejectedException.Code"/>.</summary>
public static class ImageRejectionCodes
{
    /// <summary>The file has zero bytes.</summary>
    public const string Empty = "Empty";

    /// <summary>The content is not an image format we decode.</summary>
    public const string UnknownFormat = "UnknownFormat";

    /// <summary>The file ends before the image data does.</summary>
    public const string Truncated = "Truncated";

    /// <summary>The header claims more pixels than <see cref="ImageLimits.MaxPixels"/>.</summary>
    public const string TooManyPixels = "TooManyPixels";

    /// <summary>The decoder failed on the content.</summary>
    public const string Corrupt = "Corrupt";
}

/// <summary>An image was refused; <see cref="Code"/> is one of <see cref="ImageRejectionCodes"/>.</summary>
public sealed class ImageRejectedException(string code, string message) : Exception(message)
{
    /// <summary>One of <see cref="ImageRejectionCodes"/>.</summary>
    public string Code { get; } = code;
}
