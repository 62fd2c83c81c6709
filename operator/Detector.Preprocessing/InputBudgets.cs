namespace Detector.Preprocessing;

/// <summary>
/// The default of every input budget of <c>detector prepare</c> and <c>detector validate</c>, in one place. Each is
/// checked before the work it would cost (a header, a size, a count), and each refusal names the file, the limit and
/// the flag that raises it. docs/preparing-data.md ("Limits") lists them with their flags and Dataset spec fields.
/// </summary>
public static class InputBudgets
{
    /// <summary>Largest image file read (bytes). A 40 MP PNG is about 120 MB; anything bigger is not a photo.</summary>
    public const long MaxImageBytes = 128L << 20;

    /// <summary>
    /// Largest metadata an image may carry (bytes): JPEG APPn/COM segments before the scan; PNG ancillary chunks other
    /// than the pixel data. PNG text chunks (tEXt/zTXt/iTXt) and the compressed ICC profile are never decompressed:
    /// they are dropped before decoding.
    /// </summary>
    public const long MaxImageMetadataBytes = 8L << 20;

    /// <summary>Largest label file (bytes). 1,000 boxes take about 45 KB.</summary>
    public const long MaxLabelBytes = 1L << 20;

    /// <summary>Most boxes in one image. Each box adds 5 to the packed label width (training's label_width).</summary>
    public const int MaxBoxesPerImage = 1000;

    /// <summary>Most findings kept in report.json; the counts per code stay exact.</summary>
    public const int MaxReportedFindings = 10_000;

    /// <summary>Most class names (the Dataset CRD's limit on spec.classes).</summary>
    public const int MaxClasses = 1000;

    /// <summary>Longest class name in characters (the Dataset CRD's limit on spec.classes items).</summary>
    public const int MaxClassNameLength = 128;

    /// <summary>Largest classes.txt / data.yaml read (bytes).</summary>
    public const long MaxClassFileBytes = 1L << 20;

    /// <summary>Largest archive download (bytes) when no scratch size bounds it.</summary>
    public const long MaxDownloadBytes = 50L << 30;

    /// <summary>Largest total extracted size (bytes) when no scratch size bounds it.</summary>
    public const long MaxExtractedBytes = 100L << 30;

    /// <summary>
    /// Largest ratio of extracted bytes to archive bytes. Photos do not compress; label text compresses about 5:1. A zip
    /// bomb compresses 1000:1 and more.
    /// </summary>
    public const int MaxExtractionRatio = 100;

    /// <summary>Extraction is always allowed this many bytes, whatever the ratio (tiny archives of text).</summary>
    public const long ExtractionRatioFloorBytes = 64L << 20;

    /// <summary>Most entries (files and folders) in an archive.</summary>
    public const int MaxArchiveEntries = 500_000;

    /// <summary>Default scratch space of a Dataset's preparation Job (the emptyDir sizeLimit), as a Kubernetes quantity.</summary>
    public const string DefaultScratchSize = "20Gi";

    /// <summary>Share of the scratch space an archive and its extracted files may fill; the rest is headroom for temp files.</summary>
    public const double ScratchUsableFraction = 0.9;

    /// <summary>Largest manifest or policy file `detector validate` reads (bytes).</summary>
    public const long MaxYamlBytes = 8L << 20;

    /// <summary>Deepest nesting of YAML collections (Kubernetes objects rarely pass 20).</summary>
    public const int MaxYamlDepth = 100;

    /// <summary>Most YAML nodes after aliases are expanded (a "billion laughs" file expands exponentially).</summary>
    public const int MaxYamlNodes = 200_000;
}
