namespace Detector.Preprocessing.Imaging;

/// <summary>
/// DCT-domain scaling: libjpeg-turbo can decode straight to 1/2, 1/4 or 1/8 of the stored size from the coefficients,
/// skipping most of the inverse DCT and colour conversion that a full decode would spend on pixels the letterbox
/// throws away. The reduced image must still cover the resize target in both dimensions, so the final resize only
/// ever shrinks (never upscales a reduced decode, which would blur).
/// </summary>
internal static class DctScale
{
    /// <summary>
    /// The largest reduction 8, 4, 2 (or 1: full size) whose output, <see cref="Scaled"/>, is at least
    /// <paramref name="targetWidth"/>×<paramref name="targetHeight"/>; all sizes in the stored (not upright) orientation.
    /// </summary>
    public static int Choose(int width, int height, int targetWidth, int targetHeight)
    {
        foreach (var denominator in (ReadOnlySpan<int>)[8, 4, 2])
        {
            var (scaledWidth, scaledHeight) = Scaled(width, height, denominator);
            if (scaledWidth >= targetWidth && scaledHeight >= targetHeight)
                return denominator;
        }
        return 1;
    }

    /// <summary>The decoded size at 1/<paramref name="denominator"/>: rounded up, as TurboJPEG's TJSCALED does.</summary>
    public static (int Width, int Height) Scaled(int width, int height, int denominator) =>
        ((width + denominator - 1) / denominator, (height + denominator - 1) / denominator);
}
