using System.Runtime.InteropServices;

namespace Detector.Preprocessing.Imaging;

/// <summary>
/// Finds libjpeg-turbo's TurboJPEG library once per process. Beside the application first (the container image ships
/// it there, see the Dockerfile), then the system's loader paths. Missing is normal on a newcomer's machine: JPEG then
/// goes through ImageSharp, as it did before this library was used.
/// </summary>
internal static class TurboJpegLibrary
{
    private static readonly Lazy<(IntPtr Handle, string Description)> s_loaded = new(Load);

    /// <summary>True when the library loaded and offers the DCT scaling factors 1/2, 1/4 and 1/8.</summary>
    public static bool IsLoaded => s_loaded.Value.Handle != IntPtr.Zero;

    /// <summary>Which file was loaded, or why none was.</summary>
    public static string Description => s_loaded.Value.Description;

    private static IEnumerable<string> Candidates()
    {
        // Debian and Ubuntu ship only the versioned name unless the -dev package is installed.
        string[] names = OperatingSystem.IsWindows() ? ["turbojpeg.dll"]
            : OperatingSystem.IsMacOS() ? ["libturbojpeg.0.dylib", "libturbojpeg.dylib"]
            : ["libturbojpeg.so.0", "libturbojpeg.so"];
        foreach (var name in names)
            yield return Path.Combine(AppContext.BaseDirectory, name);
        foreach (var name in names)
            yield return name;
    }

    private static (IntPtr, string) Load()
    {
        foreach (var candidate in Candidates())
        {
            if (!NativeLibrary.TryLoad(candidate, out var handle))
                continue;
            if (!NativeLibrary.TryGetExport(handle, "tjDecompress2", out _) || !NativeLibrary.TryGetExport(handle, "tjGetScalingFactors", out _))
            {
                NativeLibrary.Free(handle);
                continue;
            }
            NativeLibrary.SetDllImportResolver(typeof(TurboJpegLibrary).Assembly,
                (name, _, _) => name == TurboJpegNative.Library ? handle : IntPtr.Zero);
            if (!OffersDctScaling())
                return (IntPtr.Zero, $"{candidate} lacks the DCT scaling factors 1/2, 1/4 and 1/8");
            return (handle, candidate);
        }
        return (IntPtr.Zero, $"none of {string.Join(", ", Candidates().Select(Path.GetFileName).Distinct())} could be loaded");
    }

    private static bool OffersDctScaling()
    {
        var factors = TurboJpegNative.tjGetScalingFactors(out var count);
        var offered = new HashSet<(int, int)>();
        for (var i = 0; i < count; i++)
            offered.Add((Marshal.ReadInt32(factors, i * 8), Marshal.ReadInt32(factors, i * 8 + 4)));
        return offered.IsSupersetOf([(1, 2), (1, 4), (1, 8)]);
    }
}
