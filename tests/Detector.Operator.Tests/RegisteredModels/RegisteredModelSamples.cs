using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.RegisteredModels;
using k8s.Models;

namespace Detector.Operator.Tests.RegisteredModels;

/// <summary>Sample RegisteredModels, sources and packages shared by the RegisteredModel tests.</summary>
public static class RegisteredModelSamples
{
    /// <summary>A fixed clock reading.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The derived group name of <see cref="Model"/>.</summary>
    public static string Group => RegisteredModelNames.Group(Model());

    /// <summary>A RegisteredModel of the TrainingRun "birds" with the given approval.</summary>
    public static RegisteredModel Model(string mode = "Manual", double? minMetric = null, string name = "birds", string uid = "uid-1",
        IDictionary<string, string>? annotations = null, RegisteredModelStatus? status = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "vision", Uid = uid, Generation = 2, Annotations = annotations },
        Spec = new RegisteredModelSpec
        {
            Source = new ModelSource { TrainingRunRef = "birds-run" },
            Approval = new ModelApproval { Mode = mode, MinMetric = minMetric },
        },
        Status = status,
    };

    /// <summary>A completed training job's artifact.</summary>
    public static SourceArtifact Artifact(string job = "birds-run-1a2b3c4d", double? metric = 0.72) =>
        new(job, $"s3://models/birds/{job}/output/model.tar.gz", metric);

    /// <summary>The TrainingRun source with an artifact (or none).</summary>
    public static SourceObservation Source(SourceArtifact? artifact) =>
        new("TrainingRun", "birds-run", artifact, artifact is null ? "TrainingRun birds-run is Training" : null);

    /// <summary>A registered version of <see cref="Artifact"/>.</summary>
    public static PackageObservation Package(int version, string approval = ModelApprovalStatus.Approved,
        string status = ModelPackageStatus.Completed, string? job = null, double? metric = 0.72)
    {
        job ??= $"birds-run-job{version}";
        return new(version, $"arn:aws:sagemaker:us-east-1:123456789012:model-package/{Group}/{version}", status, approval, job,
            $"s3://models/birds/{job}/output/model.tar.gz", metric, Now.AddHours(-10 + version));
    }
}
