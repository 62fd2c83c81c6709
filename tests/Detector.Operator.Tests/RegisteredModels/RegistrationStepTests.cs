using Detector.Operator.Aws;
using Detector.Operator.RegisteredModels;
using static Detector.Operator.Tests.RegisteredModels.RegisteredModelSamples;

namespace Detector.Operator.Tests.RegisteredModels;

/// <summary>The RegisteredModel reconciler's one step per reconcile, decided from what it read.</summary>
public sealed class RegistrationStepTests
{
    private const string Group = "birds-group";

    public static TheoryData<string, RegisteredModelObservation, string?, RegistrationAction> Situations => new()
    {
        { "stalled: misconfigured", new(Group, Misconfigured: "no image"), null, RegistrationAction.None },
        { "stalled: invalid spec", new(Group, InvalidSpec: "spec.source: …"), "1", RegistrationAction.None },
        { "stalled: refused this generation", new(Group, Rejected: "refused"), null, RegistrationAction.None },
        { "no group yet", new(Group, Source: Source(Artifact())), null, RegistrationAction.CreateGroup },
        { "group being created", new(Group, GroupArn: "arn", GroupStatus: ModelPackageGroupStatus.InProgress, Source: Source(Artifact())), null, RegistrationAction.None },
        { "group ready, new artifact", Ready([], Artifact()), null, RegistrationAction.Register },
        { "new artifact and an approval asked", Ready([Package(1, ModelApprovalStatus.PendingManualApproval)], Artifact("next")), "1", RegistrationAction.Approve },
        { "approval already applied", Ready([Package(1, ModelApprovalStatus.PendingManualApproval)], null, applied: "1"), "1", RegistrationAction.None },
        { "approval of a missing version", Ready([Package(1)], null), "7", RegistrationAction.None },
        { "artifact already a version", Ready([Package(1, job: "birds-run-1a2b3c4d")], Artifact()), null, RegistrationAction.None },
        { "source not ready", Ready([Package(1)], null), null, RegistrationAction.None },
    };

    private static RegisteredModelObservation Ready(IReadOnlyList<PackageObservation> packages, SourceArtifact? artifact, string? applied = null) =>
        new(Group, GroupArn: "arn", GroupStatus: ModelPackageGroupStatus.Completed, Source: Source(artifact), Packages: packages,
            AppliedApproveVersion: applied);

    [Theory]
    [MemberData(nameof(Situations))]
    public void Next_TakesOneStep_InOrderGroupApprovalVersion(string situation, RegisteredModelObservation observed, string? annotation,
        RegistrationAction expected) =>
        Assert.True(expected == RegistrationStep.Next(observed, annotation).Action, situation);

    [Fact]
    public void Next_Register_NamesTheArtifact() =>
        Assert.Equal(Artifact(), RegistrationStep.Next(Ready([], Artifact()), null).Artifact);

    [Fact]
    public void Next_Approve_NamesTheVersionAndTheValueToRecord()
    {
        var step = RegistrationStep.Next(Ready([Package(1, ModelApprovalStatus.PendingManualApproval)], null), "1");

        Assert.Equal((1, "1"), (step.Annotation.Approve?.Version, step.Annotation.Applied));
    }

    [Fact]
    public void Next_AnnotationProblem_IsKeptWhateverTheStep() =>
        Assert.Contains("version 7 is not registered", RegistrationStep.Next(Ready([Package(1)], Artifact("next")), "7").Annotation.Problem);
}
