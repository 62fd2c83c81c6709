using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.DetectionEndpoints;
using static Detector.Operator.Tests.DetectionEndpoints.EndpointSamples;

namespace Detector.Operator.Tests.DetectionEndpoints;

public sealed class EndpointTargetsTests
{
    public static TheoryData<string, string, RegisteredModelStatus?, int?, int?, long?, int?, string?> Cases => new()
    {
        // situation, version asked, registry, deployed, failed version, failed generation, target, waiting/held-back fragment
        { "latest approved", "LatestApproved", Registry(3, 1, 2), null, null, null, 2, null },
        { "no registered model", "LatestApproved", null, null, null, null, null, "RegisteredModel birds does not exist" },
        { "none approved", "LatestApproved", Registry(2), null, null, null, null, "has no Approved version yet" },
        { "none approved, one deployed", "LatestApproved", Registry(2), 1, null, null, 1, "has no Approved version yet" },
        { "pinned approved", "1", Registry(3, 1, 2), null, null, null, 1, null },
        { "pinned pending", "3", Registry(3, 1, 2), null, null, null, null, "is PendingManualApproval; only Approved versions are served" },
        { "pinned unknown", "7", Registry(3, 1, 2), null, null, null, null, "Version 7 of RegisteredModel birds is not registered" },
        { "pinned beyond int", "9999999999999999", Registry(3, 1, 2), null, null, null, null, "is not registered" },
        { "failed version held back", "LatestApproved", Registry(2, 1, 2), 1, 2, 1, 1, "Version 2 failed to roll out; version 1 keeps serving" },
        { "failed in an older generation", "LatestApproved", Registry(2, 1, 2), 1, 2, 0, 2, null },
        { "failed, nothing deployed", "LatestApproved", Registry(2, 1, 2), null, 2, 1, 2, null },
        { "newer than the failed one", "LatestApproved", Registry(3, 1, 2, 3), 1, 2, 1, 3, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolve_RequestAndHistory_ChoosesTheVersionToServe(string situation, string version, RegisteredModelStatus? registry,
        int? deployed, int? failedVersion, long? failedGeneration, int? target, string? note)
    {
        var endpoint = Endpoint(status: new DetectionEndpointStatus { DeployedVersion = deployed },
            edit: s => s with { ModelRef = s.ModelRef with { Version = version } });

        var resolution = EndpointTargets.Resolve(endpoint, registry, failedVersion, failedGeneration);

        Assert.True(target == resolution.Target?.Version, $"{situation}: target {resolution.Target?.Version}");
        var message = resolution.HeldBack ?? resolution.Waiting;
        if (note is null)
            Assert.Null(message);
        else
            Assert.Contains(note, message);
        if (resolution.Target is { } t)
            Assert.Equal((Arn(t.Version), ModelOf(endpoint, t.Version)), (t.ModelPackageArn, t.ModelName));
    }
}
