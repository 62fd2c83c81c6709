using Detector.Operator.Datasets;
using Detector.Operator.Tests.Datasets;
using Detector.Operator.Tests.EndToEnd;
using k8s.Models;

namespace Detector.Operator.Tests.Charts;

/// <summary>The chart's RBAC against what the operator really did to the fake API server during a whole Dataset lifecycle.</summary>
public sealed class RbacTests
{
    /// <summary>Granted but not seen in the request log, each for a reason the fake cannot show.</summary>
    private static readonly HashSet<(string, string, string)> s_grantedWithoutRequest =
    [
        // The OwnerReferencesPermissionEnforcement admission plugin checks it when a Job names its Dataset with blockOwnerDeletion.
        ("detector.dev", "datasets/finalizers", "update"),
        // Patch instead of update for the same writes (kubectl-style clients, future controllers); no new power.
        ("detector.dev", "datasets", "patch"),
        // The operator writes finalizers as merge patches (issue 19: never a PUT of the spec); update is still granted
        // until the chart drops it (issue 16's rules).
        ("detector.dev", "datasets", "update"),
        ("detector.dev", "datasets/status", "patch"),
        ("detector.dev", "datasets/status", "get"),
        ("", "events", "patch"),
        // A repeated event bumps the count of the existing Event (the lifecycle here repeats none).
        ("", "events", "update"),
        // Reading one pod by name (the list is what the reconciler uses).
        ("", "pods", "get"),
        // The Dataset lifecycle has no TrainingRun or TuningRun: their controllers only list and watch here. The
        // TrainingRun end-to-end tests exercise get, update (finalizer) and the status writes.
        ("detector.dev", "trainingruns", "get"), ("detector.dev", "trainingruns", "update"), ("detector.dev", "trainingruns", "patch"),
        ("detector.dev", "trainingruns/status", "get"), ("detector.dev", "trainingruns/status", "update"), ("detector.dev", "trainingruns/status", "patch"),
        ("detector.dev", "tuningruns", "get"), ("detector.dev", "tuningruns", "update"), ("detector.dev", "tuningruns", "patch"),
        ("detector.dev", "tuningruns/status", "get"), ("detector.dev", "tuningruns/status", "update"), ("detector.dev", "tuningruns/status", "patch"),
        // Likewise RegisteredModels: the RegisteredModel end-to-end test exercises get, update and the status writes.
        ("detector.dev", "registeredmodels", "get"), ("detector.dev", "registeredmodels", "update"), ("detector.dev", "registeredmodels", "patch"),
        ("detector.dev", "registeredmodels/status", "get"), ("detector.dev", "registeredmodels/status", "update"), ("detector.dev", "registeredmodels/status", "patch"),
        // Likewise DetectionEndpoints (list and watch only here); reading the RegisteredModel needs one to exist.
        ("detector.dev", "detectionendpoints", "get"), ("detector.dev", "detectionendpoints", "update"), ("detector.dev", "detectionendpoints", "patch"),
        ("detector.dev", "detectionendpoints/status", "get"), ("detector.dev", "detectionendpoints/status", "update"),
        ("detector.dev", "detectionendpoints/status", "patch"),
    ];

    [SkippableFact]
    public async Task ChartRules_DatasetLifecycle_CoverEveryRequestAndLittleMore()
    {
        var used = await RunLifecycleAsync();
        var granted = ChartFiles.Permissions("operator-rules.yaml").Concat(ChartFiles.Permissions("leader-election-rules.yaml")).ToHashSet();

        var missing = used.Where(p => !granted.Contains(p)).ToList();
        Assert.True(missing.Count == 0, "The chart does not grant: " + string.Join(", ", missing));
        var unused = granted.Where(p => !used.Contains(p) && !s_grantedWithoutRequest.Contains(p)).ToList();
        Assert.True(unused.Count == 0, "The chart grants more than the operator uses: " + string.Join(", ", unused));
    }

    [Fact]
    public void ChartRules_Anything_HaveNoWildcardsAndNoSecrets()
    {
        var granted = ChartFiles.Permissions("operator-rules.yaml").Concat(ChartFiles.Permissions("leader-election-rules.yaml")).ToList();
        Assert.DoesNotContain(granted, p => p.Group == "*" || p.Resource == "*" || p.Verb == "*");
        Assert.DoesNotContain(granted, p => p.Resource is "secrets" or "configmaps" or "serviceaccounts/token");
        Assert.DoesNotContain(granted, p => p.Resource == "pods" && p.Verb is not ("get" or "list"));
    }

    /// <summary>
    /// A Dataset that fails (with a failed pod), one that becomes Ready and is deleted; objects are put straight into
    /// the store, so every logged request is the operator's.
    /// </summary>
    private static async Task<HashSet<(string Group, string Resource, string Verb)>> RunLifecycleAsync()
    {
        await using var env = await OperatorEnvironment.StartAsync();
        env.StartOperator();

        env.Api.Put(env.NewDataset("broken"));
        await env.WaitForPhaseAsync("broken", DatasetPhases.Preparing);
        var brokenJob = env.Jobs.Single().Metadata.Name;
        env.Api.Put(new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta { Name = brokenJob + "-p", NamespaceProperty = OperatorEnvironment.Namespace, Labels = new Dictionary<string, string> { ["job-name"] = brokenJob } },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "prepare", Image = "x" }] },
        });
        env.Api.SetJobFailed(OperatorEnvironment.Namespace, brokenJob);
        await env.WaitForPhaseAsync("broken", DatasetPhases.Failed);

        env.Api.Put(env.NewDataset("good"));
        await env.WaitForPhaseAsync("good", DatasetPhases.Preparing);
        var good = env.Dataset("good")!;
        await env.WriteManifestAsync(good.Status!.Outputs!.Prefix!, DatasetStatusMapperTests.Manifest());
        env.Api.SetJobSucceeded(OperatorEnvironment.Namespace, env.Jobs.Single(j => j.Metadata.Name != brokenJob).Metadata.Name);
        await env.WaitForPhaseAsync("good", DatasetPhases.Ready);
        // Events are written in the background; wait for them so their requests are in the log.
        await env.WaitForAsync(e => e.Api.List("events", OperatorEnvironment.Namespace).Count(ev => ev["reason"]?.GetValue<string>() is "Ready" or "JobFailed") == 2);
        env.Api.Delete("datasets", OperatorEnvironment.Namespace, "good");
        await env.WaitForAsync(e => e.Dataset("good") is null);
        await env.StopOperatorAsync();

        return
        [
            .. env.Api.Requests
                .Where(r => r.Resource is not null && r.Verb is not null)
                .Select(r => (r.Group!, r.Subresource is null ? r.Resource! : $"{r.Resource}/{r.Subresource}", r.Verb!)),
        ];
    }
}
