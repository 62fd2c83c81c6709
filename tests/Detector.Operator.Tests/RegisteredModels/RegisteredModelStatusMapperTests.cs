using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.RegisteredModels;
using Detector.Operator.Runtime;
using static Detector.Operator.Tests.RegisteredModels.RegisteredModelSamples;

namespace Detector.Operator.Tests.RegisteredModels;

public sealed class RegisteredModelStatusMapperTests
{
    private const string GroupArn = "arn:aws:sagemaker:us-east-1:123456789012:model-package-group/birds";

    private static RegisteredModelObservation Observed(SourceObservation? source = null, string? groupStatus = ModelPackageGroupStatus.Completed,
        PackageObservation[]? packages = null, bool registered = false) =>
        new(Group, GroupArn: groupStatus is null ? null : GroupArn, GroupStatus: groupStatus, Source: source, Packages: packages ?? [],
            Registered: registered);

    public static TheoryData<string, RegisteredModelObservation, string, string, string, string, string> Cases => new()
    {
        // situation, observation, phase, reason, Ready, Reconciling, Stalled
        { "invalid spec", new RegisteredModelObservation(Group, InvalidSpec: "spec.source: set exactly one of trainingRunRef, tuningRunRef"),
            RegisteredModelPhase.Failed, Reasons.InvalidSpec, "False", "False", "True" },
        { "rejected", Observed() with { Rejected = "ValidationException: bad image" },
            RegisteredModelPhase.Failed, Reasons.SageMakerRejected, "False", "False", "True" },
        { "no group yet", Observed(groupStatus: null), RegisteredModelPhase.Pending, RegisteredModelReasons.GroupPending, "False", "True", "False" },
        { "group in progress", Observed(groupStatus: ModelPackageGroupStatus.InProgress),
            RegisteredModelPhase.Pending, RegisteredModelReasons.GroupPending, "False", "True", "False" },
        { "group deleted out of band", Observed(groupStatus: ModelPackageGroupStatus.Deleting),
            RegisteredModelPhase.Failed, RegisteredModelReasons.GroupFailed, "False", "False", "True" },
        { "source running, nothing registered", Observed(Source(null)),
            RegisteredModelPhase.Waiting, RegisteredModelReasons.WaitingForSource, "False", "True", "False" },
        { "artifact not registered yet", Observed(Source(Artifact())),
            RegisteredModelPhase.Registering, RegisteredModelReasons.Registering, "False", "True", "False" },
        { "registered, not listed yet", Observed(Source(Artifact()), registered: true),
            RegisteredModelPhase.Registering, RegisteredModelReasons.Registering, "False", "True", "False" },
        { "version in progress", Observed(Source(Artifact("birds-run-job1")), packages: [Package(1, status: ModelPackageStatus.InProgress)]),
            RegisteredModelPhase.Registering, RegisteredModelReasons.Registering, "False", "True", "False" },
        { "all registered", Observed(Source(Artifact("birds-run-job1")), packages: [Package(1)]),
            RegisteredModelPhase.Ready, RegisteredModelReasons.Registered, "True", "False", "False" },
        { "source running, older versions", Observed(Source(null), packages: [Package(1)]),
            RegisteredModelPhase.Ready, RegisteredModelReasons.Registered, "True", "False", "False" },
        { "newest version failed", Observed(packages: [Package(1), Package(2, status: ModelPackageStatus.Failed) with { FailureReason = "scan: vulnerable" }]),
            RegisteredModelPhase.Failed, RegisteredModelReasons.VersionFailed, "False", "False", "True" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Map_Observation_SetsPhaseAndConditions(string situation, RegisteredModelObservation observed, string phase, string reason,
        string ready, string reconciling, string stalled)
    {
        var status = RegisteredModelStatusMapper.Map(Model(), observed, Now);

        Assert.True(phase == status.Phase, $"{situation}: phase {status.Phase}");
        Assert.Equal((ready, reason), Condition(status, Conditions.Ready));
        Assert.Equal((reconciling, reason), Condition(status, Conditions.Reconciling));
        Assert.Equal((stalled, reason), Condition(status, Conditions.Stalled));
        Assert.All(status.Conditions, c => Assert.Equal(2, c.ObservedGeneration));
        Assert.Equal(stalled == "True", status.FailureReason is not null);
    }

    [Fact]
    public void Map_Versions_SortedWithLatestAndLatestApprovedAsSageMakerReports()
    {
        // Version 3 was rejected in the console and 2 approved there: status follows SageMaker, not what we created.
        PackageObservation[] packages =
        [
            Package(3, ModelApprovalStatus.Rejected), Package(1, ModelApprovalStatus.PendingManualApproval), Package(2),
        ];

        var status = RegisteredModelStatusMapper.Map(Model(), Observed(packages: packages), Now);

        Assert.Equal([1, 2, 3], status.Versions.Select(v => v.Version));
        Assert.Equal((3, 2), (status.LatestVersion, status.LatestApprovedVersion));
        Assert.Equal(ModelApprovalStatus.Rejected, status.Versions[2].ApprovalStatus);
        var first = status.Versions[0];
        Assert.Equal(("birds-run-job1", 0.72, Now.AddHours(-9).UtcDateTime), (first.SourceJobName, first.MAP, first.CreatedAt));
        Assert.EndsWith("/1", first.Arn);
        Assert.Equal((Group, GroupArn), (status.ModelPackageGroupName, status.ModelPackageGroupArn));
    }

    [Fact]
    public void Map_ApprovedButFailedVersion_IsNotLatestApproved()
    {
        var status = RegisteredModelStatusMapper.Map(Model(),
            Observed(packages: [Package(1), Package(2, status: ModelPackageStatus.Failed)]), Now);

        Assert.Equal(1, status.LatestApprovedVersion);
    }

    [Fact]
    public void Map_ManyVersions_KeepsTheNewestWithinTheSchemaBound()
    {
        var packages = Enumerable.Range(1, RegisteredModelLimits.MaxVersions + 20).Select(v => Package(v)).ToArray();

        var status = RegisteredModelStatusMapper.Map(Model(), Observed(packages: packages), Now);

        Assert.Equal(RegisteredModelLimits.MaxVersions, status.Versions.Count);
        Assert.Equal(21, status.Versions[0].Version);
        Assert.Equal(120, status.LatestVersion);
    }

    [Fact]
    public void Map_AnnotationProblemOrApplied_SetsTheApproveVersionCondition()
    {
        var problem = RegisteredModelStatusMapper.Map(Model(), Observed(packages: [Package(1)]) with { AnnotationProblem = "bad value" }, Now);
        var applied = RegisteredModelStatusMapper.Map(Model(), Observed(packages: [Package(1)]) with { AppliedApproveVersion = "1" }, Now);

        Assert.Equal(("False", RegisteredModelReasons.InvalidAnnotation), Condition(problem, RegisteredModelReasons.ApproveVersionCondition));
        Assert.Equal(("True", RegisteredModelReasons.Applied), Condition(applied, RegisteredModelReasons.ApproveVersionCondition));
        Assert.Equal("1", applied.AppliedApproveVersion);
        Assert.DoesNotContain(RegisteredModelStatusMapper.Map(Model(), Observed(), Now).Conditions,
            c => c.Type == RegisteredModelReasons.ApproveVersionCondition);
    }

    [Fact]
    public void Map_SameObservationTwice_KeepsTransitionTimes()
    {
        var first = RegisteredModelStatusMapper.Map(Model(), Observed(packages: [Package(1)]), Now);
        var second = RegisteredModelStatusMapper.Map(Model(status: first), Observed(packages: [Package(1)]), Now.AddMinutes(5));

        Assert.Equal(first.Conditions.Select(c => c.LastTransitionTime), second.Conditions.Select(c => c.LastTransitionTime));
    }

    [Theory]
    [InlineData(RegisteredModelPhase.Ready, true)]
    [InlineData(RegisteredModelPhase.Failed, true)]
    [InlineData(RegisteredModelPhase.Registering, false)]
    [InlineData(RegisteredModelPhase.Waiting, false)]
    public void IsSettled_Phase(string phase, bool settled) =>
        Assert.Equal(settled, RegisteredModelStatusMapper.IsSettled(new RegisteredModelStatus { Phase = phase }));

    private static (string, string) Condition(RegisteredModelStatus status, string type)
    {
        var condition = Assert.Single(status.Conditions, c => c.Type == type);
        return (condition.Status, condition.Reason);
    }
}
