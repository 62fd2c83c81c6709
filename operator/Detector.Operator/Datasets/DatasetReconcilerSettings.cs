using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Validation;

namespace Detector.Operator.Datasets;

/// <summary>What the Dataset reconciler needs from the operator's configuration.</summary>
public sealed record DatasetReconcilerSettings
{
    /// <summary>Shapes every dataset Job (image, service account, storage settings).</summary>
    public DatasetJobSettings Jobs { get; init; } = new();

    /// <summary>How often a Dataset with a running Job is looked at again (Job watch events usually come first).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Spec validation plus the namespace policy: an empty list admits the Dataset.</summary>
    public Func<Dataset, IReadOnlyList<FieldError>> Admit { get; init; } = _ => [];

    /// <summary>
    /// Why the operator cannot reach S3 itself (naming the setting to fix), or null when it can. Jobs are still created:
    /// they read and write S3 with their own identity; only reading their result back needs the operator's access.
    /// </summary>
    public string? StorageProblem { get; init; }
}
