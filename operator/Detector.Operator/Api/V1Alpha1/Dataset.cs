using System.Text.Json.Serialization;
using k8s.Models;

namespace Detector.Operator.Api.V1Alpha1;

/// <summary>
/// Raw images with YOLO labels, validated, letterboxed, converted to SSD labels, packed into MXNet RecordIO
/// and uploaded to S3 by a Kubernetes Job that the operator creates.
/// </summary>
[ResourceNames(Plural, "dset")]
[PrinterColumn("Phase", "string", ".status.phase", Order = 1, Description = "Pending, Preparing, Ready or Failed.")]
[PrinterColumn("Images", "integer", ".status.counts.images", Order = 2, Description = "Images packed into RecordIO.")]
[PrinterColumn("Boxes", "integer", ".status.counts.boxes", Order = 3, Description = "Boxes packed.")]
[PrinterColumn("Skipped", "integer", ".status.counts.skipped", Order = 4, Description = "Items left out; reasons are in report.json.")]
[PrinterColumn("Output", "string", ".status.outputs.prefix", Order = 5, Priority = 1, Description = "Prefix of the prepared files.")]
[KubernetesEntity(Group = ApiGroup.Name, ApiVersion = ApiGroup.Version, Kind = KindName, PluralName = Plural)]
public sealed class Dataset : CustomResource<DatasetSpec, DatasetStatus>
{
    /// <summary>The kind name.</summary>
    public const string KindName = "Dataset";

    /// <summary>The plural resource name.</summary>
    public const string Plural = "datasets";

    /// <summary>Creates an empty Dataset with apiVersion and kind set.</summary>
    public Dataset() => Kind = KindName;
}

/// <summary>Desired state of a Dataset.</summary>
public sealed record DatasetSpec
{
    /// <summary>Where the raw YOLO dataset comes from. Exactly one of s3, http or kaggle.</summary>
    [Required] [JsonPropertyName("source")] public DatasetSource Source { get; init; } = new();

    /// <summary>Label format of the source. Only YOLO (class cx cy w h, normalized) is supported.</summary>
    [Enum("YOLO")] [JsonPropertyName("format")] public string Format { get; init; } = "YOLO";

    /// <summary>Class names in id order. When empty, taken from classes.txt or data.yaml in the source.</summary>
    [Items(0, 1000), Length(1, 128)] [JsonPropertyName("classes")] public IReadOnlyList<string> Classes { get; init; } = [];

    /// <summary>How images are letterboxed and encoded.</summary>
    [JsonPropertyName("preprocessing")] public DatasetPreprocessing Preprocessing { get; init; } = new();

    /// <summary>How images are split into the train and validation channels.</summary>
    [JsonPropertyName("split")] public DatasetSplit Split { get; init; } = new();

    /// <summary>Where the prepared RecordIO files go.</summary>
    [Required] [JsonPropertyName("output")] public DatasetOutput Output { get; init; } = new();

    /// <summary>What to do with invalid images and labels.</summary>
    [JsonPropertyName("validation")] public DatasetValidation Validation { get; init; } = new();

    /// <summary>Number of parallel shards (pods of an Indexed Job) that prepare the data.</summary>
    [Minimum(1), Maximum(256)] [JsonPropertyName("parallelism")] public int Parallelism { get; init; } = 1;

    /// <summary>CPU and memory requests and limits of the preparation pods.</summary>
    [JsonPropertyName("resources")] public V1ResourceRequirements? Resources { get; init; }

    /// <summary>
    /// Scratch space of each preparation pod: the sizeLimit of its emptyDir, which holds a downloaded archive and its
    /// extracted files. Download and extraction stop, naming the limit, before they would fill it; the kubelet evicts a
    /// pod that exceeds it. A Kubernetes quantity such as 20Gi.
    /// </summary>
    [Pattern(Patterns.StorageQuantity)] [JsonPropertyName("scratchSize")] public string ScratchSize { get; init; } = global::Detector.Preprocessing.InputBudgets.DefaultScratchSize;

    /// <summary>Service account of the preparation pods (IRSA / Pod Identity gives them storage access).</summary>
    [Length(1, 253), Pattern(Patterns.ObjectName)] [JsonPropertyName("serviceAccountName")] public string? ServiceAccountName { get; init; }

    /// <summary>Retain (default) keeps the prepared files when the Dataset is deleted; Delete removes them.</summary>
    [Enum(DataDeletionPolicy.Retain, DataDeletionPolicy.Delete)] [JsonPropertyName("deletionPolicy")] public string DeletionPolicy { get; init; } = DataDeletionPolicy.Retain;
}

/// <summary>Source of the raw dataset; exactly one member is set.</summary>
[ExactlyOneOf("s3", "http", "kaggle")]
public sealed record DatasetSource
{
    /// <summary>An S3 (or S3-compatible) prefix holding the YOLO folders.</summary>
    [JsonPropertyName("s3")] public S3Source? S3 { get; init; }

    /// <summary>An HTTP(S) URL of a .zip or .tar.gz archive.</summary>
    [JsonPropertyName("http")] public HttpSource? Http { get; init; }

    /// <summary>A Kaggle dataset.</summary>
    [JsonPropertyName("kaggle")] public KaggleSource? Kaggle { get; init; }
}

/// <summary>An S3 prefix.</summary>
public sealed record S3Source
{
    /// <summary>s3://bucket/prefix of the YOLO dataset.</summary>
    [Required, Length(1, Patterns.S3UriMaxLength), Pattern(Patterns.S3Uri)] [JsonPropertyName("uri")] public string Uri { get; init; } = "";

    /// <summary>Secret with AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, for S3-compatible stores; else the pod identity is used.</summary>
    [Length(1, 253), Pattern(Patterns.ObjectName)] [JsonPropertyName("credentialsSecretName")] public string? CredentialsSecretName { get; init; }
}

/// <summary>An archive behind an HTTP(S) URL.</summary>
public sealed record HttpSource
{
    /// <summary>http(s) URL of a .zip or .tar.gz archive.</summary>
    [Required, Length(1, 2048), Pattern(Patterns.HttpUrl)] [JsonPropertyName("url")] public string Url { get; init; } = "";

    /// <summary>Expected SHA-256 of the archive (64 lower-case hex digits); the download is refused before extraction when it differs.</summary>
    [Length(64, 64), Pattern("^[0-9a-f]{64}$")] [JsonPropertyName("sha256")] public string? Sha256 { get; init; }
}

/// <summary>A Kaggle dataset, downloaded through Kaggle's public API.</summary>
public sealed record KaggleSource
{
    /// <summary>owner/name of the dataset on Kaggle.</summary>
    [Required, Length(3, 256), Pattern(@"^[A-Za-z0-9][A-Za-z0-9_.\-]*/[A-Za-z0-9][A-Za-z0-9_.\-]*$")] [JsonPropertyName("dataset")] public string Dataset { get; init; } = "";

    /// <summary>Secret with the keys KAGGLE_USERNAME and KAGGLE_KEY.</summary>
    [Required, Length(1, 253), Pattern(Patterns.ObjectName)] [JsonPropertyName("credentialsSecretName")] public string CredentialsSecretName { get; init; } = "";
}

/// <summary>Letterbox and encoding settings.</summary>
public sealed record DatasetPreprocessing
{
    /// <summary>Side of the square output images in pixels.</summary>
    [Minimum(32), Maximum(4096)] [JsonPropertyName("imageSize")] public int ImageSize { get; init; } = 512;

    /// <summary>Colour of the letterbox padding, #RRGGBB.</summary>
    [Pattern("^#[0-9A-Fa-f]{6}$")] [JsonPropertyName("padColor")] public string PadColor { get; init; } = "#727272";

    /// <summary>JPEG quality of the packed images (1-100).</summary>
    [Minimum(1), Maximum(100)] [JsonPropertyName("jpegQuality")] public int JpegQuality { get; init; } = 95;
}

/// <summary>Train/validation split settings.</summary>
public sealed record DatasetSplit
{
    /// <summary>Fraction of images that go to validation when the source has no train/validation folders of its own.</summary>
    [Minimum(0, Exclusive = true), Maximum(1, Exclusive = true)] [JsonPropertyName("validationFraction")] public double ValidationFraction { get; init; } = 0.2;

    /// <summary>Seed of the deterministic split.</summary>
    [JsonPropertyName("seed")] public int Seed { get; init; } = 42;

    /// <summary>What to do with the source's test split: Ignore (default), Train or Validation.</summary>
    [Enum("Ignore", "Train", "Validation")] [JsonPropertyName("testSplit")] public string TestSplit { get; init; } = "Ignore";
}

/// <summary>Output location.</summary>
public sealed record DatasetOutput
{
    /// <summary>S3 output prefix.</summary>
    [Required] [JsonPropertyName("s3")] public S3Output S3 { get; init; } = new();
}

/// <summary>An S3 output prefix.</summary>
public sealed record S3Output
{
    /// <summary>s3://bucket/prefix under which a content-addressed folder is written per spec.</summary>
    [Required, Length(1, Patterns.S3UriMaxLength), Pattern(Patterns.S3Uri)] [JsonPropertyName("uri")] public string Uri { get; init; } = "";
}

/// <summary>Policy for invalid items.</summary>
public sealed record DatasetValidation
{
    /// <summary>Fail (default) stops on the first invalid item; Skip leaves it out and reports it.</summary>
    [Enum("Fail", "Skip")] [JsonPropertyName("onInvalid")] public string OnInvalid { get; init; } = "Fail";

    /// <summary>With Skip: the largest fraction of images that may be skipped before preparation fails.</summary>
    [Minimum(0), Maximum(1)] [JsonPropertyName("maxSkippedFraction")] public double MaxSkippedFraction { get; init; } = 0.05;

    /// <summary>
    /// Most boxes in one image (default 1000); an image with more is invalid (each box adds 5 to the training label
    /// width). Unset keeps the default, and leaves the spec hash of existing Datasets unchanged.
    /// </summary>
    [Minimum(1), Maximum(100000)] [JsonPropertyName("maxBoxesPerImage"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxBoxesPerImage { get; init; }
}

/// <summary>Observed state of a Dataset.</summary>
public sealed record DatasetStatus
{
    /// <summary>Pending, Preparing, Ready or Failed.</summary>
    [Enum(DatasetPhase.Pending, DatasetPhase.Preparing, DatasetPhase.Ready, DatasetPhase.Failed)] [JsonPropertyName("phase")] public string? Phase { get; init; }

    /// <summary>The generation this status describes.</summary>
    [JsonPropertyName("observedGeneration")] public long? ObservedGeneration { get; init; }

    /// <summary>kstatus conditions: Ready (the declared state is reached), Reconciling (work in flight) and Stalled (needs a person); exactly one is True. See docs/gitops.md.</summary>
    [JsonPropertyName("conditions")] public IReadOnlyList<V1Condition> Conditions { get; init; } = [];

    /// <summary>Name of the preparation Job for the current spec.</summary>
    [JsonPropertyName("jobName")] public string? JobName { get; init; }

    /// <summary>Short hash of the spec fields that define the prepared data; names the output folder.</summary>
    [JsonPropertyName("specHash")] public string? SpecHash { get; init; }

    /// <summary>Hash of the prepared content, from manifest.json.</summary>
    [JsonPropertyName("contentHash")] public string? ContentHash { get; init; }

    /// <summary>Class names in id order.</summary>
    [JsonPropertyName("classNames")] public IReadOnlyList<string> ClassNames { get; init; } = [];

    /// <summary>Image, box and skip counts.</summary>
    [JsonPropertyName("counts")] public DatasetCounts? Counts { get; init; }

    /// <summary>Where the prepared files are.</summary>
    [JsonPropertyName("outputs")] public DatasetOutputs? Outputs { get; init; }

    /// <summary>Largest packed label width; training sets label_width at least this.</summary>
    [JsonPropertyName("labelWidth")] public int? LabelWidth { get; init; }

    /// <summary>Human-readable summary of the last failure, if any.</summary>
    [JsonPropertyName("failureReason")] public string? FailureReason { get; init; }
}

/// <summary>Counts from manifest.json.</summary>
public sealed record DatasetCounts
{
    /// <summary>Images packed into RecordIO, all splits.</summary>
    [JsonPropertyName("images")] public long Images { get; init; }

    /// <summary>Images in the train channel.</summary>
    [JsonPropertyName("trainImages")] public long TrainImages { get; init; }

    /// <summary>Images in the validation channel.</summary>
    [JsonPropertyName("validationImages")] public long ValidationImages { get; init; }

    /// <summary>Boxes packed, all splits.</summary>
    [JsonPropertyName("boxes")] public long Boxes { get; init; }

    /// <summary>Items left out (invalid, or no box left); reasons are in report.json.</summary>
    [JsonPropertyName("skipped")] public long Skipped { get; init; }

    /// <summary>Boxes per class name.</summary>
    [JsonPropertyName("boxesPerClass")] public IReadOnlyDictionary<string, long> BoxesPerClass { get; init; } = new Dictionary<string, long>();
}

/// <summary>Locations of the prepared files.</summary>
public sealed record DatasetOutputs
{
    /// <summary>Content-addressed prefix holding everything below.</summary>
    [JsonPropertyName("prefix")] public string? Prefix { get; init; }

    /// <summary>train.rec: the SageMaker train channel.</summary>
    [JsonPropertyName("trainRec")] public string? TrainRec { get; init; }

    /// <summary>train.idx.</summary>
    [JsonPropertyName("trainIdx")] public string? TrainIdx { get; init; }

    /// <summary>validation.rec: the SageMaker validation channel.</summary>
    [JsonPropertyName("validationRec")] public string? ValidationRec { get; init; }

    /// <summary>validation.idx.</summary>
    [JsonPropertyName("validationIdx")] public string? ValidationIdx { get; init; }

    /// <summary>manifest.json.</summary>
    [JsonPropertyName("manifest")] public string? Manifest { get; init; }

    /// <summary>report.json.</summary>
    [JsonPropertyName("report")] public string? Report { get; init; }

    /// <summary>preview.png.</summary>
    [JsonPropertyName("preview")] public string? Preview { get; init; }
}

/// <summary>The phases of a Dataset.</summary>
public static class DatasetPhase
{
    /// <summary>Accepted; nothing started yet.</summary>
    public const string Pending = "Pending";

    /// <summary>The preparation Job is running.</summary>
    public const string Preparing = "Preparing";

    /// <summary>The RecordIO files are in storage and described in status.</summary>
    public const string Ready = "Ready";

    /// <summary>The spec is invalid or preparation failed; see the Ready condition.</summary>
    public const string Failed = "Failed";
}
