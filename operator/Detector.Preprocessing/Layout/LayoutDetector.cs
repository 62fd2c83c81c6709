namespace Detector.Preprocessing.Layout;

/// <summary>
/// Recognises a YOLO layout from the list of relative file paths alone (pure), pairs each image with its label file,
/// and reports every file that does not fit (orphan labels, unsupported files).
/// </summary>
public static class LayoutDetector
{
    /// <summary>Image extensions read by the pipeline (decided again from content later).</summary>
    public static readonly IReadOnlySet<string> ImageExtensions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp", ".tif", ".tiff" };

    /// <summary>Folder names recognised as splits when they sit directly under images/ (or above images/).</summary>
    public static readonly IReadOnlySet<string> SplitNames =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "train", "training", "valid", "val", "validation", "test", "testing" };

    /// <summary>Detects the layout of <paramref name="relativePaths"/> ('/'-separated, relative to the source root).</summary>
    /// <exception cref="DatasetLayoutException">No images folder in any recognised arrangement.</exception>
    public static DatasetLayout Detect(IEnumerable<string> relativePaths)
    {
        var paths = relativePaths.Select(p => p.Replace('\\', '/').TrimStart('/')).Distinct().OrderBy(p => p, StringComparer.Ordinal).ToList();
        var kind = DetectKind(paths);
        var images = new List<SourceImage>();
        var labels = new Dictionary<string, string?>(StringComparer.Ordinal); // label path -> split folder
        var findings = new List<LayoutFinding>();
        foreach (var path in paths)
        {
            var place = Classify(kind, path);
            if (place is null)
            {
                if (kind == LayoutKind.SplitFolders && Segments(path) is ["images" or "labels", _])
                    findings.Add(new(path, IssueCodes.UnsupportedFile, "file sits directly in images/ or labels/ although the source uses split folders"));
                continue; // outside images/labels roots: classes.txt, data.yaml, READMEs
            }
            var (role, split) = place.Value;
            var name = path[(path.LastIndexOf('/') + 1)..];
            if (name.StartsWith('.'))
            {
                findings.Add(new(path, IssueCodes.IgnoredFile, "hidden file ignored"));
                continue;
            }
            var extension = Path.GetExtension(name);
            if (role == Role.Label)
            {
                if (extension.Equals(".txt", StringComparison.OrdinalIgnoreCase))
                    labels[path] = split;
                else
                    findings.Add(new(path, IssueCodes.IgnoredFile, "not a .txt label file; ignored"));
            }
            else if (ImageExtensions.Contains(extension))
                images.Add(new(path, LabelPathFor(kind, path), split));
            else
                findings.Add(new(path, IssueCodes.UnsupportedFile, $"'{extension}' is not a supported image format (jpg, png, bmp, gif, webp, tiff)"));
        }

        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var paired = images.Select(image =>
        {
            if (image.LabelPath is not null && labels.ContainsKey(image.LabelPath))
            {
                claimed.Add(image.LabelPath);
                return image;
            }
            return image with { LabelPath = null };
        }).ToList();
        findings.AddRange(labels.Keys.Where(l => !claimed.Contains(l))
            .Select(l => new LayoutFinding(l, IssueCodes.OrphanLabel, "label file has no image with the same name")));
        if (paired.Count == 0 && findings.All(f => f.Code != IssueCodes.OrphanLabel))
            throw new DatasetLayoutException("the source has no images: expected images/ (optionally images/<split>/) or <split>/images/");
        return new(kind, paired, [.. findings.OrderBy(f => f.RelativePath, StringComparer.Ordinal)]);
    }

    /// <summary>The label path YOLO tools expect for an image path in a given layout.</summary>
    public static string LabelPathFor(LayoutKind kind, string imagePath)
    {
        var withoutExtension = imagePath[..^Path.GetExtension(imagePath).Length] + ".txt";
        if (kind == LayoutKind.Roboflow)
        {
            var slash = withoutExtension.IndexOf('/');
            return withoutExtension[..slash] + "/labels/" + withoutExtension[(slash + "/images/".Length)..];
        }
        return "labels/" + withoutExtension["images/".Length..];
    }

    private enum Role { Image, Label }

    private static LayoutKind DetectKind(IReadOnlyList<string> paths)
    {
        var underImages = paths.Where(p => p.StartsWith("images/", StringComparison.Ordinal)).ToList();
        if (underImages.Count > 0)
            return underImages.Any(p => Segments(p) is [_, var split, _, ..] && SplitNames.Contains(split)) ? LayoutKind.SplitFolders : LayoutKind.Flat;
        if (paths.Any(p => Segments(p) is [var split, "images", _, ..] && SplitNames.Contains(split)))
            return LayoutKind.Roboflow;
        throw new DatasetLayoutException(
            "no YOLO layout found: expected images/<split>/ + labels/<split>/, images/ + labels/, or <split>/images/ + <split>/labels/");
    }

    private static (Role Role, string? Split)? Classify(LayoutKind kind, string path)
    {
        var segments = Segments(path);
        switch (kind)
        {
            case LayoutKind.Flat when segments.Length >= 2 && segments[0] is "images" or "labels":
                return (segments[0] == "images" ? Role.Image : Role.Label, null);
            case LayoutKind.SplitFolders when segments.Length >= 3 && segments[0] is "images" or "labels":
                return (segments[0] == "images" ? Role.Image : Role.Label, segments[1]);
            case LayoutKind.Roboflow when segments.Length >= 3 && SplitNames.Contains(segments[0]) && segments[1] is "images" or "labels":
                return (segments[1] == "images" ? Role.Image : Role.Label, segments[0]);
            default:
                return null;
        }
    }

    private static string[] Segments(string path) => path.Split('/');
}
