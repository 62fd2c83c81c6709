namespace Detector.Preprocessing.Sources;

/// <summary>
/// Decides whether an archive entry's name is safe to extract, and where. Pure: names in, verdicts out.
/// </summary>
public static class ArchiveEntryPaths
{
    /// <summary>
    /// The entry's normalised relative path ('/'-separated, no '.' or empty segments), or null with a
    /// <paramref name="reason"/> when the name could escape the target folder or is not portable.
    /// </summary>
    public static string? TryNormalize(string entryName, out string reason)
    {
        ArgumentNullException.ThrowIfNull(entryName);
        reason = "";
        if (entryName.Contains('\0', StringComparison.Ordinal))
            reason = "contains a NUL character";
        else if (entryName.Contains('\\', StringComparison.Ordinal))
            // Zip and tar names use '/'; a backslash is either a Windows path that would be one odd file name here, or a trick.
            reason = "contains a backslash";
        else if (entryName.StartsWith('/'))
            reason = "is an absolute path";
        else if (entryName.Length >= 2 && char.IsAsciiLetter(entryName[0]) && entryName[1] == ':')
            reason = "starts with a drive letter";
        else
        {
            var segments = entryName.Split('/').Where(s => s.Length > 0 && s != ".").ToList();
            if (segments.Contains(".."))
                reason = "contains a '..' segment";
            else if (segments.Count == 0)
                reason = "has an empty name";
            else
                return string.Join('/', segments);
        }
        return null;
    }

    /// <summary>
    /// The absolute path for a normalised relative path under <paramref name="targetDirectory"/>; throws when it would still
    /// land outside (defence in depth: normalisation should already have refused it).
    /// </summary>
    public static string Resolve(string targetDirectory, string relativePath, string archiveName, string entryName)
    {
        var root = Path.GetFullPath(targetDirectory);
        var full = Path.GetFullPath(Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar)));
        if (!full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new UnsafeArchiveException($"{archiveName}: entry '{entryName}' resolves outside the extraction folder");
        return full;
    }
}
