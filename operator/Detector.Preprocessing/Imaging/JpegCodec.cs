namespace Detector.Preprocessing.Imaging;

/// <summary>Which library letterboxes JPEG input (other formats always go through ImageSharp).</summary>
public enum JpegCodec
{
    /// <summary>libjpeg-turbo when it is loadable, else ImageSharp; <see cref="JpegCodecs.EnvironmentVariable"/> can force ImageSharp.</summary>
    Auto,

    /// <summary>ImageSharp: full decode, resize, encode (portable, slower).</summary>
    ImageSharp,

    /// <summary>libjpeg-turbo: DCT-domain scaled decode, exact resize, SIMD encode; throws when the library is missing.</summary>
    TurboJpeg,
}

/// <summary>Resolves <see cref="JpegCodec.Auto"/> and describes the choice for the run log.</summary>
public static class JpegCodecs
{
    /// <summary>Set to "imagesharp" to keep JPEG on ImageSharp even where libjpeg-turbo is installed.</summary>
    public const string EnvironmentVariable = "DETECTOR_JPEG_CODEC";

    private static readonly Lazy<bool> s_forcedImageSharp = new(() =>
        string.Equals(Environment.GetEnvironmentVariable(EnvironmentVariable), "imagesharp", StringComparison.OrdinalIgnoreCase));

    /// <summary>True when libjpeg-turbo's TurboJPEG library is loadable on this machine.</summary>
    public static bool TurboJpegAvailable => TurboJpegLibrary.IsLoaded;

    /// <summary>The concrete codec for <paramref name="requested"/>: never <see cref="JpegCodec.Auto"/>.</summary>
    public static JpegCodec Resolve(JpegCodec requested) => requested switch
    {
        JpegCodec.Auto => !s_forcedImageSharp.Value && TurboJpegLibrary.IsLoaded ? JpegCodec.TurboJpeg : JpegCodec.ImageSharp,
        JpegCodec.TurboJpeg when !TurboJpegLibrary.IsLoaded =>
            throw new InvalidOperationException($"libjpeg-turbo was requested but is not loadable: {TurboJpegLibrary.Description}"),
        _ => requested,
    };

    /// <summary>One line for the run log saying which codec letterboxes JPEG and why.</summary>
    public static string Describe(JpegCodec requested) => Resolve(requested) switch
    {
        JpegCodec.TurboJpeg => $"Letterboxing JPEG with libjpeg-turbo ({TurboJpegLibrary.Description}): DCT-domain scaled decode",
        _ when requested == JpegCodec.ImageSharp => "Letterboxing JPEG with ImageSharp (full decode), as requested",
        _ when s_forcedImageSharp.Value => $"Letterboxing JPEG with ImageSharp (full decode): {EnvironmentVariable}=imagesharp",
        _ => $"Letterboxing JPEG with ImageSharp (full decode): libjpeg-turbo is not loadable ({TurboJpegLibrary.Description}; install libturbojpeg0 for faster JPEG)",
    };
}
