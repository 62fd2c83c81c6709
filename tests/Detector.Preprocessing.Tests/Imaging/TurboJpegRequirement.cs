using Detector.Preprocessing.Imaging;

namespace Detector.Preprocessing.Tests.Imaging;

/// <summary>
/// Tests of the libjpeg-turbo path call <see cref="Require"/>: skipped with the reason on a machine without the library,
/// a failure in CI (the CI variable is set), where .ci/run installs it.
/// </summary>
internal static class TurboJpegRequirement
{
    public static void Require()
    {
        if (JpegCodecs.TurboJpegAvailable)
            return;
        var reason = "libjpeg-turbo's TurboJPEG library is not loadable (apt-get install -y libturbojpeg0)";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            throw new InvalidOperationException(reason + "; in CI it must be present");
        throw new SkipException(reason);
    }
}
