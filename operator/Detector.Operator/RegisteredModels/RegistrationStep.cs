using Detector.Operator.Aws;

namespace Detector.Operator.RegisteredModels;

/// <summary>The one change a RegisteredModel reconcile makes in SageMaker.</summary>
public enum RegistrationAction
{
    /// <summary>Nothing to change: waiting, settled or stalled.</summary>
    None,

    /// <summary>Create the model package group (it comes with the first version).</summary>
    CreateGroup,

    /// <summary>Approve the version the approve-version annotation names (UpdateModelPackage).</summary>
    Approve,

    /// <summary>Register the source's new artifact as a version (its model-quality report first).</summary>
    Register,
}

/// <summary>The step a RegisteredModel reconcile takes, with what the approve-version annotation asks for.</summary>
/// <param name="Action">The one change to make.</param>
/// <param name="Annotation">The annotation's decision (its applied value and problem go into status whatever the step).</param>
/// <param name="Artifact">The artifact to register (<see cref="RegistrationAction.Register"/> only).</param>
public sealed record RegistrationStep(RegistrationAction Action, AnnotationDecision Annotation, SourceArtifact? Artifact = null)
{
    /// <summary>
    /// Pure: the next step for what the reconciler read (<paramref name="observed"/>, before any change) and the
    /// approve-version annotation's value (<paramref name="requestedApproval"/>, null when absent). In order: nothing
    /// while the model stalls or its group is busy; create a missing group; approve what the annotation names (before
    /// registering, so an approval never waits behind a registration); register a new artifact of the source.
    /// </summary>
    public static RegistrationStep Next(RegisteredModelObservation observed, string? requestedApproval)
    {
        var unchanged = new AnnotationDecision(null, observed.AppliedApproveVersion, null);
        if (observed.Misconfigured is not null || observed.InvalidSpec is not null || observed.Rejected is not null)
            return new(RegistrationAction.None, unchanged);
        if (observed.GroupStatus is null)
            return new(RegistrationAction.CreateGroup, unchanged);
        if (observed.GroupStatus != ModelPackageGroupStatus.Completed)
            return new(RegistrationAction.None, unchanged);
        var packages = observed.Packages ?? [];
        var annotation = RegistrationDecisions.ApproveByAnnotation(requestedApproval, observed.AppliedApproveVersion, packages);
        if (annotation.Approve is not null)
            return new(RegistrationAction.Approve, annotation);
        return RegistrationDecisions.NewArtifact(observed.Source, packages) is { } artifact
            ? new(RegistrationAction.Register, annotation, artifact)
            : new(RegistrationAction.None, annotation);
    }
}
