using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runtime;

namespace Detector.Operator.Datasets;

/// <summary>
/// Deterministic names of everything a Dataset owns: the spec hash, the content-addressed output prefix and the Job
/// names. Computed on every reconcile from the object, never stored in the spec, so a retried create finds the Job it
/// already made and a spec edit that changes the data gets a new Job and a new folder.
/// </summary>
public static class DatasetNames
{
    /// <summary>Length of the spec hash in hex characters (40 bits: collisions within one Dataset are not a concern).</summary>
    public const int HashLength = 10;

    /// <summary>Kubernetes names (Jobs, label values) are at most 63 characters.</summary>
    public const int MaxNameLength = 63;

    /// <summary>The finalizer that deletes Jobs (and, with deletionPolicy Delete, the prepared data) before the Dataset goes.</summary>
    public const string Finalizer = Finalizers.Cleanup;

    /// <summary>Label with the Dataset name, on Jobs and their pods.</summary>
    public const string DatasetLabel = ApiGroup.Name + "/dataset";

    /// <summary>Label with the spec hash, on Jobs and their pods.</summary>
    public const string SpecHashLabel = ApiGroup.Name + "/spec-hash";

    /// <summary>The standard managed-by label.</summary>
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";

    /// <summary>Value of <see cref="ManagedByLabel"/>.</summary>
    public const string ManagedBy = "detector";

    /// <summary>Name of the manifest written last into the output prefix.</summary>
    public const string ManifestFile = "manifest.json";

    /// <summary>
    /// Short hash of the fields that define the prepared bytes: source location, format, classes, preprocessing,
    /// split, validation and output URI. Parallelism, resources, service account, credentials Secret names and the
    /// deletion policy are left out on purpose: changing them does not change the data, so it must not start a new Job.
    /// The namespace is included so two namespaces allowed to share an output URI never share (and delete) a folder.
    /// </summary>
    public static string SpecHash(Dataset dataset)
    {
        var spec = dataset.Spec;
        var identity = new SpecIdentity(
            dataset.Metadata.NamespaceProperty ?? "",
            SourceArgument(spec.Source),
            spec.Format,
            spec.Classes,
            spec.Preprocessing,
            spec.Split,
            spec.Validation,
            spec.Output.S3.Uri);
        var bytes = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(identity));
        return Convert.ToHexStringLower(bytes)[..HashLength];
    }

    /// <summary>The content-addressed output prefix <c>&lt;output.s3.uri&gt;/&lt;name&gt;-&lt;hash&gt;/</c>.</summary>
    public static string OutputPrefix(Dataset dataset, string specHash) =>
        $"{dataset.Spec.Output.S3.Uri.TrimEnd('/')}/{dataset.Metadata.Name}-{specHash}/";

    /// <summary>URI of manifest.json under an output prefix.</summary>
    public static string ManifestUri(string outputPrefix) => outputPrefix + ManifestFile;

    /// <summary>The preparation Job: <c>&lt;sanitized name&gt;-prep-&lt;hash&gt;</c>, at most 63 characters, DNS-1123.</summary>
    public static string PrepareJob(Dataset dataset, string specHash) => JobName(dataset.Metadata.Name, "prep", specHash);

    /// <summary>The Job that merges the shards of an Indexed preparation Job: <c>&lt;sanitized name&gt;-merge-&lt;hash&gt;</c>.</summary>
    public static string MergeJob(Dataset dataset, string specHash) => JobName(dataset.Metadata.Name, "merge", specHash);

    /// <summary>The source as the <c>detector prepare --source</c> argument: an s3:// URI, an http(s) URL or <c>kaggle:owner/name</c>.</summary>
    public static string SourceArgument(DatasetSource source) => source switch
    {
        { S3: { } s3 } => s3.Uri,
        { Http: { } http } => http.Url,
        { Kaggle: { } kaggle } => "kaggle:" + kaggle.Dataset,
        _ => "",
    };

    /// <summary>
    /// A label value for a name: label values are at most 63 characters and must start and end alphanumeric, while
    /// object names may be 253; a long name is cut and keeps its uniqueness through a hash suffix.
    /// </summary>
    public static string LabelValue(string name)
    {
        if (name.Length <= MaxNameLength)
            return name;
        var suffix = ShortHash(name);
        var head = name[..(MaxNameLength - suffix.Length - 1)].TrimEnd('-', '.', '_');
        return head + "-" + suffix;
    }

    /// <summary>Lowercase DNS-1123 label characters only; runs of anything else become one '-'.</summary>
    public static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            var keep = c is >= 'a' and <= 'z' or >= '0' and <= '9';
            if (keep)
                builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-')
                builder.Append('-');
        }
        return builder.ToString().Trim('-');
    }

    private static string JobName(string datasetName, string role, string specHash)
    {
        var suffix = $"-{role}-{specHash}";
        var head = Sanitize(datasetName);
        if (head.Length > MaxNameLength - suffix.Length)
            head = head[..(MaxNameLength - suffix.Length)].TrimEnd('-');
        // A name of only symbols sanitizes to nothing; the suffix alone must still start with a letter.
        return head.Length == 0 ? $"dataset{suffix}" : head + suffix;
    }

    private static string ShortHash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..8];

    /// <summary>The hashed fields, listed explicitly and in a fixed order, so a new unrelated spec field never moves the hash.</summary>
    private sealed record SpecIdentity(
        string Namespace,
        string Source,
        string Format,
        IReadOnlyList<string> Classes,
        DatasetPreprocessing Preprocessing,
        DatasetSplit Split,
        DatasetValidation Validation,
        string Output);
}
