using System.Reflection;
using System.Text.Json.Nodes;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runtime;

namespace Detector.Operator.Tests.GitOps;

/// <summary>Every phase of every kind, as Flux, kpt and Config Sync read it through kstatus's generic rules.</summary>
public sealed class KstatusTests
{
    [Fact]
    public void EveryRowOfEveryKind_InEveryVariant_ReadsAsAUserExpects()
    {
        var wrong = PhaseFixtures.All()
            .Select(f => (f.Name, Expected: UserExpectations.Kstatus(f.Kind, f.Phase, f.Reason, f.Variant), Actual: Kstatus.Compute(f.Object).Status))
            .Where(r => r.Expected != r.Actual)
            .Select(r => $"{r.Name}: expected {r.Expected}, kstatus says {r.Actual}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.True(PhaseFixtures.All().Count() >= 5 * 8 * 4, "every kind has rows");
    }

    [Fact]
    public void ReconcileFailures_InEveryPhaseOfEveryKind_AreInProgressWhenRetriedAndFailedWhenTheyNeedAPerson()
    {
        var wrong = PhaseFixtures.Failures()
            .Where(f => Kstatus.Compute(f.Fixture.Object).Status != UserExpectations.Kstatus(f.Failure))
            .Select(f => $"{f.Fixture.Name}: kstatus says {Kstatus.Compute(f.Fixture.Object).Status}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("Preparing", "JobRunning", KstatusStatus.InProgress)]
    [InlineData("Ready", "Prepared", KstatusStatus.Current)]
    [InlineData("Failed", "JobFailed", KstatusStatus.Failed)]
    public void DatasetExamplesFromTheIssue_ReadAsStated(string phase, string reason, KstatusStatus expected)
    {
        var dataset = PhaseFixtures.Kinds.Single(k => k.Kind == Dataset.KindName);
        var row = dataset.Table.Rows.Single(r => r.Phase == phase && r.Reason == reason);
        Assert.Equal(expected, Kstatus.Compute(PhaseFixtures.Fixture(dataset, row, FixtureVariant.Current).Object).Status);
    }

    [Fact]
    public void EveryPhaseOfEveryKind_HasARowInItsTable()
    {
        var phaseClasses = new Dictionary<string, Type>
        {
            [Dataset.KindName] = typeof(DatasetPhase),
            [TrainingRun.KindName] = typeof(TrainingRunPhase),
            [TuningRun.KindName] = typeof(TuningRunPhase),
            [RegisteredModel.KindName] = typeof(RegisteredModelPhase),
            [DetectionEndpoint.KindName] = typeof(DetectionEndpointPhase),
        };
        foreach (var kind in PhaseFixtures.Kinds)
        {
            var phases = phaseClasses[kind.Kind].GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
            // A DetectionEndpoint is Pending only while it is deleted before its first reconcile: the any-phase Deleting row.
            var missing = phases.Where(p => !kind.Table.Rows.Any(r => r.Phase == p))
                .Where(p => !(kind.Kind == DetectionEndpoint.KindName && p == DetectionEndpointPhase.Pending));
            Assert.True(!missing.Any(), $"{kind.Kind}: no row for phase {string.Join(", ", missing)}");
        }
    }

    [Fact]
    public void StateOf_PairNoRowCovers_ThrowsNamingKindPhaseAndReason()
    {
        var table = PhaseFixtures.Kinds.Single(k => k.Kind == TrainingRun.KindName).Table;
        var error = Assert.Throws<InvalidOperationException>(() => table.StateOf("Training", "NoSuchReason"));
        Assert.Equal("TrainingRun phase table has no row for phase Training, reason NoSuchReason", error.Message);
    }

    // The port itself, against kstatus's documented behaviour (generic.go, status.go).
    [Theory]
    [InlineData("""{"kind":"X","metadata":{"generation":2},"status":{"observedGeneration":1,"conditions":[{"type":"Ready","status":"True"}]}}""", KstatusStatus.InProgress)]
    [InlineData("""{"kind":"X","metadata":{"generation":2},"status":{"conditions":[{"type":"Ready","status":"False"}]}}""", KstatusStatus.Current)]
    [InlineData("""{"kind":"X","metadata":{"generation":1}}""", KstatusStatus.Current)]
    [InlineData("""{"kind":"X","metadata":{"generation":1},"status":{"observedGeneration":1,"conditions":[{"type":"Progressing","status":"True"}]}}""", KstatusStatus.Current)]
    [InlineData("""{"kind":"X","metadata":{"generation":1},"status":{"observedGeneration":1,"conditions":[{"type":"Reconciling","status":"True"}]}}""", KstatusStatus.InProgress)]
    [InlineData("""{"kind":"X","metadata":{"generation":1},"status":{"observedGeneration":1,"conditions":[{"type":"Stalled","status":"True"}]}}""", KstatusStatus.Failed)]
    [InlineData("""{"kind":"X","metadata":{"generation":1},"status":{"observedGeneration":1,"conditions":[{"type":"Stalled","status":"True"},{"type":"Reconciling","status":"True"}]}}""", KstatusStatus.Failed)]
    [InlineData("""{"kind":"X","metadata":{"generation":1,"deletionTimestamp":"2026-12-07T12:00:00Z"},"status":{"observedGeneration":1,"conditions":[{"type":"Stalled","status":"True"}]}}""", KstatusStatus.Terminating)]
    public void Port_FollowsKstatusGenericRules(string json, KstatusStatus expected) =>
        Assert.Equal(expected, Kstatus.Compute(JsonNode.Parse(json)!.AsObject()).Status);
}
