using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.RegisteredModels;
using static Detector.Operator.Tests.RegisteredModels.RegisteredModelSamples;

namespace Detector.Operator.Tests.RegisteredModels;

public sealed class RegistrationDecisionsTests
{
    public static TheoryData<string, SourceObservation?, PackageObservation[], bool> NewArtifactCases => new()
    {
        { "no source", null, [], false },
        { "source not completed", Source(null), [], false },
        { "first artifact", Source(Artifact()), [], true },
        { "registered by job name", Source(Artifact("job-a")), [Package(1, job: "job-a")], false },
        { "job name in other case", Source(Artifact("Job-A")), [Package(1, job: "job-a")], false },
        { "registered by artifact only", Source(Artifact("job-a")), [Package(1, job: "job-a") with { SourceJobName = null }], false },
        { "new job after others", Source(Artifact("job-b")), [Package(1, job: "job-a")], true },
    };

    [Theory]
    [MemberData(nameof(NewArtifactCases))]
    public void NewArtifact_SourceAndVersions_ReturnsOnlyUnregisteredArtifacts(string situation, SourceObservation? source,
        PackageObservation[] packages, bool isNew)
    {
        var artifact = RegistrationDecisions.NewArtifact(source, packages);

        Assert.True(isNew == artifact is not null, situation);
        if (isNew)
            Assert.Equal(source!.Artifact, artifact);
    }

    [Theory]
    [InlineData("Manual", null, 0.9, ModelApprovalStatus.PendingManualApproval, "Manual approval")]
    [InlineData("Automatic", 0.5, 0.72, ModelApprovalStatus.Approved, "validation:mAP 0.72 ≥ approval.minMetric 0.5")]
    [InlineData("Automatic", 0.72, 0.72, ModelApprovalStatus.Approved, "0.72 ≥ approval.minMetric 0.72")]
    [InlineData("Automatic", 0.8, 0.72, ModelApprovalStatus.PendingManualApproval, "validation:mAP 0.72 is below approval.minMetric 0.8")]
    [InlineData("Automatic", 0.5, null, ModelApprovalStatus.PendingManualApproval, "reported no validation:mAP")]
    [InlineData("Automatic", null, 0.72, ModelApprovalStatus.PendingManualApproval, "needs approval.minMetric")]
    public void Approval_ModeAndMetric_DecidesStatusWithReason(string mode, double? minMetric, double? metric, string status, string reason)
    {
        var decision = RegistrationDecisions.Approval(new ModelApproval { Mode = mode, MinMetric = minMetric }, Artifact(metric: metric));

        Assert.Equal(status, decision.Status);
        Assert.Contains(reason, decision.Description);
    }

    public static TheoryData<string, string?, string?, int?, string?, string?> AnnotationCases => new()
    {
        // situation, annotation, already applied, version to approve, applied after, problem fragment
        { "no annotation", null, null, null, null, null },
        { "pending version", "2", null, 2, "2", null },
        { "with spaces", " 2 ", null, 2, "2", null },
        { "already acted on", "2", "2", null, "2", null },
        { "already approved", "1", null, null, "1", null },
        { "not a number", "two", null, null, null, "must be a version number, got 'two'" },
        { "zero", "0", null, null, null, "must be a version number" },
        { "unknown version", "9", "1", null, "1", "version 9 is not registered (latest is 3)" },
        { "failed version", "3", null, null, null, "failed validation" },
    };

    [Theory]
    [MemberData(nameof(AnnotationCases))]
    public void ApproveByAnnotation_Value_ApprovesOncePendingVersions(string situation, string? value, string? applied, int? approve,
        string? appliedAfter, string? problem)
    {
        PackageObservation[] packages =
        [
            Package(1), Package(2, ModelApprovalStatus.PendingManualApproval),
            Package(3, ModelApprovalStatus.PendingManualApproval, ModelPackageStatus.Failed),
        ];

        var decision = RegistrationDecisions.ApproveByAnnotation(value, applied, packages);

        Assert.True(approve == decision.Approve?.Version, $"{situation}: approve {decision.Approve?.Version}");
        Assert.True(appliedAfter == decision.Applied, $"{situation}: applied {decision.Applied}");
        if (problem is null)
            Assert.Null(decision.Problem);
        else
            Assert.Contains(problem, decision.Problem);
    }

    [Fact]
    public void ApproveByAnnotation_RejectedInConsoleAfterApplying_IsNotApprovedAgain()
    {
        var decision = RegistrationDecisions.ApproveByAnnotation("1", "1", [Package(1, ModelApprovalStatus.Rejected)]);

        Assert.Null(decision.Approve);
    }
}
