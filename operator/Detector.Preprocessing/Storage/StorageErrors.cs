using Amazon.Runtime;
using Detector.Preprocessing.Reporting;

namespace Detector.Preprocessing.Storage;

/// <summary>Turns S3 errors into one-line messages that name the object or prefix (pure).</summary>
public static class StorageErrors
{
    /// <summary>"S3 AccessDenied (HTTP 403): Access Denied", escaped for a terminal.</summary>
    public static string Describe(AmazonServiceException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var code = string.IsNullOrEmpty(e.ErrorCode) ? "" : " " + e.ErrorCode;
        var status = e.StatusCode == 0 ? "" : $" (HTTP {(int)e.StatusCode})";
        return TerminalText.Escape($"S3{code}{status}: {e.Message}");
    }

    /// <summary>An <see cref="IOException"/> naming <paramref name="what"/> (an s3:// URI), for the command's error boundary.</summary>
    public static IOException Named(string what, AmazonServiceException e) => new($"{what}: {Describe(e)}", e);
}
