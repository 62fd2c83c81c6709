using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Datasets;
using k8s.Models;

namespace Detector.Operator.Tests.Datasets;

/// <summary>Sample Datasets and settings shared by the Dataset tests.</summary>
public static class DatasetSamples
{
    /// <summary>The namespace of the samples.</summary>
    public const string Namespace = "vision";

    /// <summary>The name of the sample Dataset.</summary>
    public const string Name = "aquarium";

    /// <summary>A fixed clock reading.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);

    /// <summary>Job settings as the Helm chart's defaults would give them, with an S3-compatible endpoint.</summary>
    public static DatasetJobSettings JobSettings { get; } = new()
    {
        Image = "ghcr.io/example/detector:1.2.3",
        DefaultServiceAccountName = "detector-dataset",
        S3EndpointUrl = "http://minio.storage:9000",
        S3ForcePathStyle = true,
        S3ChecksumWhenRequired = true,
        BackoffLimit = 2,
        TtlSecondsAfterFinished = 86400,
    };

    /// <summary>A valid Dataset reading YOLO data from S3.</summary>
    public static Dataset Dataset(Func<DatasetSpec, DatasetSpec>? edit = null, string name = Name)
    {
        var spec = new DatasetSpec
        {
            Source = new DatasetSource { S3 = new S3Source { Uri = "s3://raw/aquarium/" } },
            Classes = ["fish", "jellyfish", "penguin"],
            Output = new DatasetOutput { S3 = new S3Output { Uri = "s3://prepared/datasets" } },
        };
        return new Dataset
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = Namespace,
                Uid = "3f1c2a4e-0000-4000-8000-000000000001",
                Generation = 1,
            },
            Spec = edit is null ? spec : edit(spec),
        };
    }

    /// <summary>A ServiceAccount in the samples' namespace.</summary>
    public static V1ServiceAccount ServiceAccount(string name) => new()
    {
        ApiVersion = "v1",
        Kind = "ServiceAccount",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
    };
}
