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
}
