namespace Detector.Preprocessing.Layout;

/// <summary>How a YOLO source arranges its images and labels.</summary>
public enum LayoutKind
{
    /// <summary><c>images/&lt;split&gt;/…</c> beside <c>labels/&lt;split&gt;/…</c> (Ultralytics).</summary>
    SplitFolders,

    /// <summary><c>images/…</c> beside <c>labels/…</c> with no split folders.</summary>
    Flat,

    /// <summary><c>&lt;split&gt;/images/…</c> beside <c>&lt;split&gt;/labels/…</c> (Roboflow export).</summary>
    Roboflow,
}

/// <summary>One image of the source and the label file that belongs to it, if any.</summary>
/// <param name="ImagePath">Path relative to the source root, '/'-separated.</param>
/// <param name="LabelPath">The label file's relative path, or null for a background image (no label file).</param>
/// <param name="SplitFolder">The source's own split folder name (e.g. "valid"), or null in a flat layout.</param>
public sealed record SourceImage(string ImagePath, string? LabelPath, string? SplitFolder);

/// <summary>A file the layout found but cannot use, and why (reported, never silently dropped).</summary>
/// <param name="RelativePath">Path relative to the source root.</param>
/// <param name="Code">Stable reason code (see <see cref="IssueCodes"/>).</param>
/// <param name="Message">Human-readable reason.</param>
public sealed record LayoutFinding(string RelativePath, string Code, string Message);

/// <summary>What <see cref="LayoutDetector"/> found in a source tree.</summary>
/// <param name="Kind">The arrangement recognised.</param>
/// <param name="Images">Every image, in ordinal path order.</param>
/// <param name="Findings">Orphan labels, unsupported files and ignored files, in path order.</param>
public sealed record DatasetLayout(LayoutKind Kind, IReadOnlyList<SourceImage> Images, IReadOnlyList<LayoutFinding> Findings);

/// <summary>The source cannot be read as a YOLO dataset at all (a usage/data error naming what is wrong).</summary>
public sealed class DatasetLayoutException(string message) : Exception(message);

/// <summary>Stable reason codes used in report.json and manifest.json ("skipped" keys).</summary>
public static class IssueCodes
{
    /// <summary>A label file with no image beside it.</summary>
    public const string OrphanLabel = "orphan-label";

    /// <summary>A file in an images folder whose extension is not an image format we read.</summary>
    public const string UnsupportedFile = "unsupported-file";

    /// <summary>A file we deliberately ignore (hidden files, label caches, non-.txt files under labels/).</summary>
    public const string IgnoredFile = "ignored-file";

    /// <summary>Same image bytes as an earlier image.</summary>
    public const string Duplicate = "duplicate-image";

    /// <summary>An image with no label file (allowed; counted).</summary>
    public const string Background = "background-image";

    /// <summary>An image left with no box after validation and letterboxing (not packed).</summary>
    public const string NoBoxes = "no-boxes";

    /// <summary>A box that became degenerate after letterboxing (dropped).</summary>
    public const string DegenerateBox = "degenerate-box";

    /// <summary>A label file larger than the label budget (the image is skipped).</summary>
    public const string LabelFileTooLarge = "label-file-too-large";

    /// <summary>A label file with more boxes than the per-image budget (the image is skipped).</summary>
    public const string TooManyBoxes = "too-many-boxes";

    /// <summary>An image in a test split that the test-split policy ignores.</summary>
    public const string IgnoredTestSplit = "ignored-test-split";
}
