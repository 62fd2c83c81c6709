namespace Detector.Preprocessing.Imaging;

/// <summary>
/// Resource budget per image. 40 megapixels covers every real camera (a 45 MP full-frame body is the rare exception)
/// while refusing "tiny file, huge header" bombs before a byte is decoded. 512 MB caps any single buffer ImageSharp
/// allocates: a 40 MP Rgb24 image needs 120 MB, the JPEG decoder's planes about as much again, so the cap only trips
/// on inputs the pixel check could not see (e.g. a lying header).
/// </summary>
/// <param name="MaxPixels">Largest width·height accepted, checked from the header before decoding.</param>
/// <param name="AllocationLimitMegabytes">ImageSharp's per-buffer allocation limit (MemoryAllocatorOptions.AllocationLimitMegabytes).</param>
/// <param name="MaxMetadataBytes">Largest image metadata (JPEG APPn/COM, PNG ancillary chunks), see <see cref="MetadataScan"/>.</param>
/// <param name="MaxImageBytes">Largest image file read, checked from its size before reading.</param>
public sealed record ImageLimits(
    long MaxPixels = 40_000_000, int AllocationLimitMegabytes = 512,
    long MaxMetadataBytes = InputBudgets.MaxImageMetadataBytes, long MaxImageBytes = InputBudgets.MaxImageBytes);

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

    /// <summary>The image's metadata exceeds <see cref="ImageLimits.MaxMetadataBytes"/>.</summary>
    public const string MetadataTooLarge = "MetadataTooLarge";

    /// <summary>The file exceeds <see cref="ImageLimits.MaxImageBytes"/>.</summary>
    public const string FileTooLarge = "FileTooLarge";

    /// <summary>The decoder failed on the content.</summary>
    public const string Corrupt = "Corrupt";
}

/// <summary>An image was refused; <see cref="Code"/> is one of <see cref="ImageRejectionCodes"/>.</summary>
public sealed class ImageRejectedException(string code, string message) : Exception(message)
{
    /// <summary>One of <see cref="ImageRejectionCodes"/>.</summary>
    public string Code { get; } = code;
}
