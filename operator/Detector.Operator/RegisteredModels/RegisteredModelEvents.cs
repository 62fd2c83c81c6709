using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runtime;

namespace Detector.Operator.RegisteredModels;

/// <summary>
/// Pure: what a RegisteredModel reconcile tells the user, from the stored status and the one it computed — the
/// phase change (<see cref="PhaseTransitions.Decide(string?, IReadOnlyList{k8s.Models.V1Condition}?, string, IReadOnlyList{k8s.Models.V1Condition}, bool, PhaseEventRule)"/>)
/// and an Event per version that appeared or changed approval. Read from the status diff, so a version registered by
/// someone else or approved in the console is announced like one of ours.
/// </summary>
public static class RegisteredModelEvents
{
    /// <summary>
    /// The phase change under <see cref="RegisteredModelPhaseTable.Events"/>: a Warning whenever the model is Stalled,
    /// a Normal Event named after the phase otherwise (none for Pending), null when neither phase nor reason moved.
    /// </summary>
    public static PhaseTransition? Transition(RegisteredModelStatus? before, RegisteredModelStatus after) =>
        PhaseTransitions.Decide(before?.Phase, before?.Conditions, after.Phase!, after.Conditions,
            Conditions.IsTrue(after.Conditions, Conditions.Stalled), RegisteredModelPhaseTable.Events);

    /// <summary>
    /// <c>VersionRegistered</c> for each version in <paramref name="after"/> that <paramref name="before"/> lacks, and
    /// <c>ApprovalChanged</c> for each whose approval status moved, oldest version first.
    /// </summary>
    public static IReadOnlyList<PhaseEvent> Versions(RegisteredModelStatus? before, RegisteredModelStatus after)
    {
        var old = (before?.Versions ?? []).ToDictionary(v => v.Version);
        var recorded = new List<PhaseEvent>();
        foreach (var version in after.Versions)
        {
            if (!old.TryGetValue(version.Version, out var was))
                recorded.Add(new(EventTypes.Normal, RegisteredModelReasons.VersionRegistered,
                    $"Version {version.Version} of training job {version.SourceJobName ?? "(unknown)"} is registered, {version.ApprovalStatus}"));
            else if (was.ApprovalStatus != version.ApprovalStatus)
                recorded.Add(new(EventTypes.Normal, RegisteredModelReasons.ApprovalChanged,
                    $"Version {version.Version} is {version.ApprovalStatus} (was {was.ApprovalStatus})"));
        }
        return recorded;
    }
}
