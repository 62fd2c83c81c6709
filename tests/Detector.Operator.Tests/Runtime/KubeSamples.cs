using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runtime;
using k8s.Models;

namespace Detector.Operator.Tests.Runtime;

/// <summary>Small objects for runtime tests.</summary>
internal static class KubeSamples
{
    public static readonly ObjectKey Key = new("ml", "aquarium");

    public static Dataset Dataset(string name = "aquarium", string ns = "ml", string? phase = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new DatasetSpec
        {
            Source = new DatasetSource { S3 = new S3Source { Uri = "s3://bucket/raw/" } },
            Output = new DatasetOutput { S3 = new S3Output { Uri = "s3://bucket/prepared/" } },
        },
        Status = phase is null ? null : new DatasetStatus { Phase = phase },
    };
}
