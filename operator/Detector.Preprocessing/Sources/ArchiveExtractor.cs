namespace Detector.Preprocessing.Sources;

/// <summary>The archive formats <see cref="ArchiveExtractor"/> knows.</summary>
public enum ArchiveFormat
{
    /// <summary>.zip</summary>
    Zip,

    /// <summary>.tar.gz / .tgz</summary>
    TarGz,
}

/// <summary>Limits applied while extracting an archive.</summary>
/// <param name="MaxExtractedBytes">Total bytes written, counted as they are written.</param>
/// <param name="MaxEntries">Most entries (files and folders).</param>
public sealed record ExtractionLimits(long MaxExtractedBytes, int MaxEntries);

/// <summary>An archive entry was refused; the message names the archive and the entry.</summary>
public sealed class UnsafeArchiveException(string message) : IOException(message);

/// <summary>
/// Extracts zip and tar.gz archives safely: refuses entries that escape the target folder (.., absolute paths, drive
/// letters, backslashes), links and devices, too many entries, and more bytes than allowed.
/// </summary>
public static class ArchiveExtractor
{
    /// <summary>Extracts <paramref name="archivePath"/> into <paramref name="targetDirectory"/>; returns the number of files written.</summary>
    public static Task<int> ExtractAsync(string archivePath, ArchiveFormat format, string targetDirectory, ExtractionLimits limits, CancellationToken ct) =>
        throw new NotImplementedException();
}
