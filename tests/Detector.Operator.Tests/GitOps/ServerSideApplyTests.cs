using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.GitOps;

/// <summary>
/// A GitOps tool re-applies the same manifests every few minutes: on a real API server with the operator running, a
/// server-side re-apply of the samples changes nothing, and the operator's own writes never take a field the user's
/// manager owns — it writes only status and its finalizer.
/// </summary>
public sealed class ServerSideApplyTests
{
    [SkippableFact]
    public async Task Samples_ReappliedTwiceWithTheOperatorRunning_AreUnchangedAndTheOperatorOwnsOnlyStatusAndFinalizers()
    {
        await using var scenario = await ServerSideApplyScenario.StartAsync();
        var problems = new List<string>();

        foreach (var round in new[] { 1, 2 })
            foreach (var sample in scenario.Samples)
                if (await ReapplyChangesAsync(scenario, sample) is { } change)
                    problems.Add($"re-apply {round}: {sample.Kind} {sample.Name} {change}");
        // Nothing is done: each object waits on a reference, a Job or SageMaker (a closed port: retried), so kstatus,
        // as Flux runs it on this object, must not read it as Current.
        foreach (var sample in scenario.Samples)
        {
            var stored = await scenario.GetAsync(sample);
            var (status, message) = Kstatus.Compute(stored);
            if (status != KstatusStatus.InProgress)
                problems.Add($"{sample.Kind} {sample.Name} reads {status} ({message}), phase {stored["status"]?["phase"]}");
        }
        var owned = new List<string>();
        foreach (var sample in scenario.Samples)
            foreach (var (path, manager) in OperatorOwnedOutsideItsShare(await scenario.GetAsync(sample)))
                owned.Add($"{sample.Kind} {sample.Name}: the operator owns {path}|{manager}");
        problems.AddRange(owned.Select(o => o.Replace("|", " ")));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// Null when a re-apply wrote nothing: the server answers with the resourceVersion it had. The operator may write
    /// status between the read and the apply (it polls); an attempt it interfered with is repeated, so only an apply
    /// that writes every time is reported.
    /// </summary>
    private static async Task<string?> ReapplyChangesAsync(ServerSideApplyScenario scenario, ServerSideApplyScenario.Manifest sample)
    {
        string? change = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var before = await scenario.GetAsync(sample);
            var answer = await scenario.ApplyAsync(sample);
            if (Version(answer) == Version(before))
                return null;
            change = $"moved resourceVersion {Version(before)} → {Version(answer)} (generation {Generation(before)} → {Generation(answer)})";
        }
        return change;
    }

    /// <summary>Every field a manager other than the applier owns outside status and metadata.finalizers, with the manager.</summary>
    public static IEnumerable<(string Path, string Manager)> OperatorOwnedOutsideItsShare(JsonObject obj) =>
        from entry in obj["metadata"]!["managedFields"]!.AsArray().OfType<JsonObject>()
        where entry["manager"]!.GetValue<string>() != ServerSideApplyScenario.ApplyManager
        from path in Paths(entry["fieldsV1"] as JsonObject, "")
        where !path.StartsWith(".status", StringComparison.Ordinal) && !path.StartsWith(".metadata.finalizers", StringComparison.Ordinal)
        select (path, $"(manager {entry["manager"]}, {entry["operation"]}{(entry["subresource"] is { } s ? $" of {s}" : "")})");

    // fieldsV1 leaves as dotted paths: {"f:spec":{"f:classes":{}}} → .spec.classes
    private static IEnumerable<string> Paths(JsonObject? fields, string prefix)
    {
        foreach (var (key, value) in fields ?? [])
        {
            if (key == ".")
                continue;
            var path = prefix + "." + (key.StartsWith("f:", StringComparison.Ordinal) ? key[2..] : key);
            if (value is JsonObject { Count: > 0 } children && children.Any(c => c.Key != "."))
                foreach (var child in Paths(children, path))
                    yield return child;
            else
                yield return path;
        }
    }

    private static string Version(JsonObject obj) => obj["metadata"]!["resourceVersion"]!.GetValue<string>();

    private static long Generation(JsonObject obj) => obj["metadata"]!["generation"]!.GetValue<long>();
}
