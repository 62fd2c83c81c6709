using System.Text.Json.Nodes;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Datasets;
using Detector.Operator.DetectionEndpoints;
using Detector.Operator.RegisteredModels;
using Detector.Operator.Runtime;
using Detector.Operator.TrainingRuns;
using Detector.Operator.TuningRuns;
using k8s;

namespace Detector.Operator.Tests.GitOps;

/// <summary>A kind with its phase table.</summary>
/// <param name="Kind">The kind's name.</param>
/// <param name="Table">The phase table its status mapper sets conditions from.</param>
public sealed record KindTable(string Kind, PhaseTable Table);

/// <summary>One object as the operator stores it, generated from a phase-table row, with the row it came from.</summary>
/// <param name="Name">Kind, phase, reason and variant, for test output.</param>
/// <param name="Kind">The kind.</param>
/// <param name="Phase">The phase in status.</param>
/// <param name="Reason">The condition reason.</param>
/// <param name="Variant">How the object differs from the plain row (see <see cref="PhaseFixtures"/>).</param>
/// <param name="Object">The object JSON.</param>
public sealed record PhaseFixture(string Name, string Kind, string Phase, string Reason, FixtureVariant Variant, JsonObject Object);

/// <summary>How a fixture differs from the plain row.</summary>
public enum FixtureVariant
{
    /// <summary>The status the operator writes for the row, for the object's current generation.</summary>
    Current,

    /// <summary>The user edited the spec (generation 4); the status still describes generation 3.</summary>
    StaleGeneration,

    /// <summary>The object carries <c>detector.dev/paused: "true"</c>.</summary>
    Paused,

    /// <summary>The object is being deleted (deletionTimestamp set).</summary>
    Deleting,
}

/// <summary>
/// The kstatus and Argo CD health fixtures, generated from the five phase tables (no hand-kept copies): every row of
/// every kind, written through the same <see cref="PhaseTable.StateOf"/> and <see cref="Conditions.SetSummary"/> the
/// status mappers use, in each <see cref="FixtureVariant"/>; plus each kind's reconcile failures through
/// <see cref="FailureStatus.Apply"/>.
/// </summary>
public static class PhaseFixtures
{
    /// <summary>A reason that no row names, for rows that cover any reason in their phase.</summary>
    public const string OtherReason = "AnyOtherReason";

    private static readonly DateTimeOffset s_now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The five kinds and their tables.</summary>
    public static IReadOnlyList<KindTable> Kinds { get; } =
    [
        new(Dataset.KindName, DatasetPhaseTable.Table),
        new(TrainingRun.KindName, TrainingRunPhaseTable.Table),
        new(TuningRun.KindName, TuningRunPhaseTable.Table),
        new(RegisteredModel.KindName, RegisteredModelPhaseTable.Table),
        new(DetectionEndpoint.KindName, DetectionEndpointPhaseTable.Table),
    ];

    /// <summary>Every row of every kind in every variant.</summary>
    public static IEnumerable<PhaseFixture> All() =>
        from kind in Kinds
        from row in kind.Table.Rows
        from variant in Enum.GetValues<FixtureVariant>()
        select Fixture(kind, row, variant);

    /// <summary>The fixture of one row in one variant.</summary>
    public static PhaseFixture Fixture(KindTable kind, PhaseRow row, FixtureVariant variant)
    {
        // A row for any phase is shown in the kind's first phase; a row for any reason with a reason no row names.
        var phase = row.Phase ?? "Pending";
        var reason = row.Reason ?? OtherReason;
        var state = kind.Table.StateOf(phase, reason);
        var conditions = Conditions.SetSummary(null, state, reason, $"{kind.Kind} is {phase} ({reason})", 3, s_now);
        var status = new JsonObject
        {
            ["phase"] = phase,
            ["observedGeneration"] = 3,
            ["conditions"] = JsonNode.Parse(KubernetesJson.Serialize(conditions)),
        };
        return Build(kind.Kind, $"{kind.Kind} {phase}/{reason} {variant}", phase, reason, variant, status);
    }

    /// <summary>
    /// Each kind's object after a reconcile failure of each <see cref="FailureKind"/> in each phase its table names:
    /// what <see cref="FailureStatus.Apply"/> writes over the status the operator had.
    /// </summary>
    public static IEnumerable<(PhaseFixture Fixture, FailureKind Failure)> Failures() =>
        from kind in Kinds
        from phase in kind.Table.Rows.Select(r => r.Phase).OfType<string>().Distinct()
        from failure in Enum.GetValues<FailureKind>()
        let before = new JsonObject { ["phase"] = phase, ["observedGeneration"] = 3 }
        let status = FailureStatus.Apply(before, new ReconcileFailure(Reason(failure), "what went wrong", failure), 3, s_now)
        let after = status["phase"]!.GetValue<string>()
        select (Build(kind.Kind, $"{kind.Kind} {phase} then {failure}", after, Reason(failure), FixtureVariant.Current, status), failure);

    private static string Reason(FailureKind failure) => failure switch
    {
        FailureKind.Transient => Reasons.Retrying,
        FailureKind.Misconfiguration => Reasons.OperatorMisconfigured,
        _ => Reasons.Rejected,
    };

    private static PhaseFixture Build(string kind, string name, string phase, string reason, FixtureVariant variant, JsonObject status)
    {
        var metadata = new JsonObject
        {
            ["name"] = "aquarium",
            ["namespace"] = "ml",
            ["generation"] = variant == FixtureVariant.StaleGeneration ? 4 : 3,
            ["annotations"] = variant == FixtureVariant.Paused ? new JsonObject { [Annotations.PausedName] = "true" } : new JsonObject(),
        };
        if (variant == FixtureVariant.Deleting)
            metadata["deletionTimestamp"] = "2026-12-07T12:00:00Z";
        var obj = new JsonObject
        {
            ["apiVersion"] = $"{ApiGroup.Name}/{ApiGroup.Version}",
            ["kind"] = kind,
            ["metadata"] = metadata,
            ["spec"] = new JsonObject(),
            ["status"] = status,
        };
        // As the API server returns it: JSON text, parsed.
        return new PhaseFixture(name, kind, phase, reason, variant, JsonNode.Parse(obj.ToJsonString())!.AsObject());
    }
}
