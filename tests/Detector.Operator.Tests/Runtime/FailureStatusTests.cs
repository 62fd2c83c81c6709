using System.Text.Json.Nodes;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runtime;
using k8s;

namespace Detector.Operator.Tests.Runtime;

public sealed class FailureStatusTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
    private static readonly ReconcileFailure Transient = new(Reasons.Retrying, "Network error: connection refused", FailureKind.Transient);
    private static readonly ReconcileFailure Misconfigured = new(Reasons.OperatorMisconfigured, "No AWS region", FailureKind.Misconfiguration);
    private static readonly ReconcileFailure Terminal = new(Reasons.Rejected, "The API server refused the request", FailureKind.Terminal);

    [Theory]
    [InlineData(FailureKind.Transient, "True", "False", "Pending")]
    [InlineData(FailureKind.Misconfiguration, "False", "True", "Pending")]
    [InlineData(FailureKind.Terminal, "False", "True", "Failed")]
    public void Apply_NoStatusYet_SetsReadyFalseReconcilingStalledAndPhase(FailureKind kind, string reconciling, string stalled, string phase)
    {
        var failure = kind switch { FailureKind.Transient => Transient, FailureKind.Misconfiguration => Misconfigured, _ => Terminal };
        var status = FailureStatus.Apply(null, failure, generation: 3, Now);

        var conditions = Conditions(status);
        Assert.Equal(("False", failure.Reason, failure.Message, 3L), (conditions["Ready"].Status, conditions["Ready"].Reason, conditions["Ready"].Message, conditions["Ready"].ObservedGeneration!.Value));
        Assert.Equal((reconciling, stalled), (conditions["Reconciling"].Status, conditions["Stalled"].Status));
        Assert.Equal((3L, phase), (status["observedGeneration"]!.GetValue<long>(), status["phase"]!.GetValue<string>()));
    }

    [Fact]
    public void Apply_TransientOnAPreparingDataset_KeepsPhaseAndKindFields()
    {
        var before = Json(new DatasetStatus { Phase = "Preparing", JobName = "aquarium-prepare-1a2b", SpecHash = "1a2b" });
        var status = FailureStatus.Apply(before, Transient, 1, Now);
        Assert.Equal(("Preparing", "aquarium-prepare-1a2b", "1a2b"),
            (status["phase"]!.GetValue<string>(), status["jobName"]!.GetValue<string>(), status["specHash"]!.GetValue<string>()));
    }

    [Fact]
    public void Apply_SameFailureTwice_IsTheSameStatus()
    {
        var once = FailureStatus.Apply(null, Transient, 1, Now);
        var twice = FailureStatus.Apply(once, Transient, 1, Now.AddMinutes(5));
        Assert.True(JsonNode.DeepEquals(once, twice));
    }

    [Fact]
    public void Apply_EveryKind_DeserializesIntoItsStatusType()
    {
        // The runtime writes the same three fields into every kind: each status type must take them.
        var status = FailureStatus.Apply(null, Terminal, 2, Now).ToJsonString();
        Assert.Equal("Failed", KubernetesJson.Deserialize<DatasetStatus>(status).Phase);
        Assert.Equal("Failed", KubernetesJson.Deserialize<TrainingRunStatus>(status).Phase);
        Assert.Equal("Failed", KubernetesJson.Deserialize<TuningRunStatus>(status).Phase);
        Assert.Equal("Failed", KubernetesJson.Deserialize<RegisteredModelStatus>(status).Phase);
        Assert.Equal("Failed", KubernetesJson.Deserialize<DetectionEndpointStatus>(status).Phase);
    }

    private static JsonObject Json<T>(T value) => JsonNode.Parse(KubernetesJson.Serialize(value))!.AsObject();

    private static Dictionary<string, k8s.Models.V1Condition> Conditions(JsonObject status) =>
        KubernetesJson.Deserialize<List<k8s.Models.V1Condition>>(status["conditions"]!.ToJsonString()).ToDictionary(c => c.Type);
}
