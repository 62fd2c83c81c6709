using System.Text.Json.Nodes;
using Detector.Operator.Tests.Charts;

namespace Detector.Operator.Tests.GitOps;

/// <summary>
/// The chart's Argo CD health scripts (files/argocd/&lt;Kind&gt;.lua), run with a real Lua 5.1 interpreter against
/// every row of each kind's phase table in every variant (the same fixtures as the kstatus tests).
/// </summary>
public sealed class ArgoHealthTests
{
    public static TheoryData<string> Kinds => [.. PhaseFixtures.Kinds.Select(k => k.Kind)];

    public static string Script(string kind) => Path.Combine(ChartFiles.Chart, "files", "argocd", kind + ".lua");

    [SkippableTheory]
    [MemberData(nameof(Kinds))]
    public void HealthScript_EveryRowInEveryVariant_ReadsAsAUserExpects(string kind)
    {
        var fixtures = PhaseFixtures.All().Where(f => f.Kind == kind).ToList();

        var results = Lua.RunHealth(Script(kind), [.. fixtures.Select(f => f.Object)]);

        Assert.Equal(fixtures.Count, results.Count);
        var wrong = fixtures.Zip(results)
            .Select(p => (p.First.Name, Expected: UserExpectations.ArgoHealth(kind, p.First.Phase, p.First.Reason, p.First.Variant), p.Second))
            .Where(r => r.Expected != r.Second.Status)
            .Select(r => $"{r.Name}: expected {r.Expected}, script says {r.Second.Status} ({r.Second.Message})")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [SkippableTheory]
    [MemberData(nameof(Kinds))]
    public void HealthScript_DegradedOrProgressing_ShowsPhaseReasonAndTheOperatorsMessage(string kind)
    {
        var fixture = PhaseFixtures.All().First(f => f.Kind == kind && f.Variant == FixtureVariant.Current && f.Phase == "Failed");
        var message = fixture.Object["status"]!["conditions"]![0]!["message"]!.GetValue<string>();

        var (status, shown) = Lua.RunHealth(Script(kind), [fixture.Object]).Single();

        Assert.Equal(("Degraded", $"Failed ({fixture.Reason}): {message}"), (status, shown));
    }

    [SkippableTheory]
    [MemberData(nameof(Kinds))]
    public void HealthScript_NoStatusConditionFromAnOlderGenerationOrPausedWithSpaces_IsProgressingOrSuspended(string kind)
    {
        var ready = PhaseFixtures.All().First(f => f.Kind == kind && f.Variant == FixtureVariant.Current && UserExpectations.ArgoHealth(kind, f.Phase, f.Reason, f.Variant) == "Healthy").Object;
        var noStatus = (JsonObject)ready.DeepClone();
        noStatus.Remove("status");
        var olderCondition = (JsonObject)ready.DeepClone();
        foreach (var condition in olderCondition["status"]!["conditions"]!.AsArray())
            condition!["observedGeneration"] = 2;
        var pausedWithSpaces = (JsonObject)ready.DeepClone();
        pausedWithSpaces["metadata"]!["annotations"] = new JsonObject { ["detector.dev/paused"] = " True " };
        var notPaused = (JsonObject)ready.DeepClone();
        notPaused["metadata"]!["annotations"] = new JsonObject { ["detector.dev/paused"] = "false" };

        var results = Lua.RunHealth(Script(kind), [noStatus, olderCondition, pausedWithSpaces, notPaused]);

        Assert.Equal(["Progressing", "Progressing", "Suspended", "Healthy"], results.Select(r => r.Status));
        Assert.Equal($"Waiting for the operator to report the status of {kind}", results[0].Message);
        Assert.Equal("Waiting for the operator to observe generation 3", results[1].Message);
    }

    [SkippableFact]
    public void Interpreter_IsLua51()
    {
        // Argo CD's gopher-lua is Lua 5.1: a script must not lean on 5.2+ (goto, integer division, table.unpack).
        var probe = new JsonObject { ["v"] = "x" };
        var script = Path.Combine(Path.GetTempPath(), $"version-{Guid.NewGuid():N}.lua");
        File.WriteAllText(script, "return { status = _VERSION, message = tostring(obj.v) }");
        try
        {
            Assert.Equal(("Lua 5.1", "x"), Lua.RunHealth(script, [probe]).Single());
        }
        finally
        {
            File.Delete(script);
        }
    }
}
