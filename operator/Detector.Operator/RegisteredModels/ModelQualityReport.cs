using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Detector.Operator.Aws;
using Detector.Operator.Runs;
using Detector.Preprocessing.Storage;

namespace Detector.Operator.RegisteredModels;

/// <summary>
/// The model-quality statistics document a version's <c>ModelMetrics</c> points at: SageMaker takes metrics only as a
/// JSON report in S3, so the operator writes one next to the artifact before it registers the version.
/// </summary>
/// <param name="Uri">Where the report goes: <c>detector-model-quality.json</c> in the artifact's folder.</param>
/// <param name="Content">The report's bytes (deterministic: a retried registration writes and sends the same).</param>
/// <param name="Digest">SHA-256 of <paramref name="Content"/> as SageMaker's ContentDigest wants it (<c>sha256:&lt;hex&gt;</c>).</param>
public sealed record ModelQualityReport(StorageUri Uri, byte[] Content, string Digest)
{
    /// <summary>The report's file name, beside model.tar.gz.</summary>
    public const string FileName = "detector-model-quality.json";

    /// <summary>The report's content type.</summary>
    public const string ContentType = "application/json";

    /// <summary>
    /// Pure: the report for a source's artifact, or null when there is nothing to report (the job gave no mAP) or the
    /// artifact is not in S3 (SageMaker's metric sources are S3 objects).
    /// </summary>
    public static ModelQualityReport? For(SourceObservation source, SourceArtifact artifact)
    {
        if (artifact.Metric is not { } map || double.IsNaN(map) || double.IsInfinity(map)
            || !artifact.ArtifactUri.StartsWith("s3://", StringComparison.Ordinal))
            return null;
        var artifactUri = StorageUri.Parse(artifact.ArtifactUri);
        var slash = artifactUri.Key.LastIndexOf('/');
        var folder = slash < 0 ? "" : artifactUri.Key[..(slash + 1)];
        var uri = StorageUri.Parse($"s3://{artifactUri.Bucket}/{folder}{FileName}");
        // The shape of SageMaker Model Monitor's model-quality statistics (version, metric groups of value and
        // standard_deviation); object detection has no group of its own there, so ours is named for it.
        var document = new JsonObject
        {
            ["version"] = 0.0,
            ["object_detection_metrics"] = new JsonObject
            {
                ["mAP"] = new JsonObject { ["value"] = map, ["standard_deviation"] = "NaN" },
            },
            ["detector"] = new JsonObject
            {
                ["metric"] = RunJobs.MapMetric,
                ["source"] = $"{source.Kind}/{source.Name}",
                ["trainingJob"] = artifact.JobName,
                ["modelArtifact"] = artifact.ArtifactUri,
            },
        };
        var content = Encoding.UTF8.GetBytes(document.ToJsonString());
        return new(uri, content, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    /// <summary>The package's ModelMetrics pointing at this report.</summary>
    public ModelMetrics ToModelMetrics() => new()
    {
        ModelQuality = new ModelQuality
        {
            Statistics = new MetricsSource { ContentType = ContentType, S3Uri = Uri.ToString(), ContentDigest = Digest },
        },
    };

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Uri} ({Content.Length} bytes, {Digest})");
}
