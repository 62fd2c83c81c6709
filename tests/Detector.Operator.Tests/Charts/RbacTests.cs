using Detector.Operator.Datasets;
using Detector.Operator.Tests.Datasets;
using Detector.Operator.Tests.EndToEnd;
using k8s.Models;

namespace Detector.Operator.Tests.Charts;

/// <summary>
/// The chart's RBAC against what the operator really did on the real API server, running as the chart's ServiceAccount
/// with the rendered chart's Roles (so a missing verb fails with 403 there), and as the chart renders it.
/// </summary>
public sealed class RbacTests
{
    /// <summary>
    /// Reads by name of the cached kinds: reconcilers read the shared informer cache, and GET only before it has synced
    /// or after a 409 (the cache may have been stale), so the chain may or may not show them.
    /// </summary>
    private static readonly HashSet<(string, string, string)> s_cacheFallbackReads =
    [
        ("detector.dev", "datasets", "get"), ("detector.dev", "trainingruns", "get"), ("detector.dev", "tuningruns", "get"),
        ("detector.dev", "registeredmodels", "get"), ("detector.dev", "detectionendpoints", "get"), ("batch", "jobs", "get"),
    ];

    /// <summary>Granted but not seen in the whole chain below, each for a reason the chain does not show.</summary>
    private static readonly HashSet<(string, string, string)> s_grantedWithoutChainRequest =
    [
        // The OwnerReferencesPermissionEnforcement admission plugin checks it when a Job names its Dataset with blockOwnerDeletion.
        ("detector.dev", "datasets/finalizers", "update"),
        // Reading one pod by name (the list is what the reconciler uses).
        ("", "pods", "get"),
        // Reading a status subresource by name (the reconcilers read whole objects).
        ("detector.dev", "datasets/status", "get"), ("detector.dev", "trainingruns/status", "get"), ("detector.dev", "tuningruns/status", "get"),
        ("detector.dev", "registeredmodels/status", "get"), ("detector.dev", "detectionendpoints/status", "get"),
        // TuningRuns are written exactly as TrainingRuns (one shared reconciler shell); the chain has none.
        ("detector.dev", "tuningruns", "patch"), ("detector.dev", "tuningruns/status", "update"),
        // A repeated event bumps the count of the existing Event.
        ("", "events", "update"),
    ];

    /// <summary>
    /// Dataset → TrainingRun → RegisteredModel → serving DetectionEndpoint → everything deleted, with the failing and
    /// succeeding Dataset lifecycle below: every request the operator made is granted, and every grant was used or is explained.
    /// </summary>
    [SkippableFact]
    public async Task ChartRules_WholeChain_CoverEveryRequestAndNothingUnexplained()
    {
        var used = (await RunLifecycleAsync()).Union(await RunChainAsync()).ToHashSet();
        var granted = ChartFiles.Permissions("operator-rules.yaml").Concat(ChartFiles.Permissions("leader-election-rules.yaml")).ToHashSet();

        var missing = used.Where(p => !granted.Contains(p)).ToList();
        Assert.True(missing.Count == 0, "The chart does not grant: " + string.Join(", ", missing));
        var unused = granted.Where(p => !used.Contains(p) && !s_grantedWithoutChainRequest.Contains(p) && !s_cacheFallbackReads.Contains(p)).ToList();
        Assert.True(unused.Count == 0, "The chart grants more than the operator uses: " + string.Join(", ", unused));
        var stale = s_grantedWithoutChainRequest.Where(p => used.Contains(p) || !granted.Contains(p))
            .Concat(s_cacheFallbackReads.Where(p => !granted.Contains(p))).ToList();
        Assert.True(stale.Count == 0, "Explained as unused but used or not granted (remove from the list): " + string.Join(", ", stale));
    }

    [SkippableFact]
    public void RenderedRbac_WatchNamespacesSet_IsOnlyRolesInThoseNamespacesAndLeaderElection()
    {
        var documents = Policy.ChartRender.Documents(Policy.ChartRender.Render("--set", "watchNamespaces={team-a,team-b}"));
        var rbac = documents.Where(d => d["apiVersion"]!.ToString().StartsWith("rbac.authorization.k8s.io/", StringComparison.Ordinal)).ToList();

        Assert.DoesNotContain(rbac, d => d["kind"]!.ToString() is "ClusterRole" or "ClusterRoleBinding");
        var roles = rbac.Where(d => d["kind"]!.ToString() == "Role")
            .Select(d => (d["metadata"]!["namespace"]!.ToString(), d["metadata"]!["name"]!.ToString())).Order().ToList();
        Assert.Equal([("detector-system", "rel-detector-operator-leader-election"), ("team-a", "rel-detector-operator"), ("team-b", "rel-detector-operator")], roles);
        // Nothing else the chart renders grants rights across namespaces (the admission policies are not RBAC).
        Assert.DoesNotContain(documents, d => d["kind"]!.ToString() is "ClusterRole" or "ClusterRoleBinding");
    }

    [SkippableFact]
    public void RenderedRbac_WatchNamespacesEmpty_IsOneClusterRoleWithTheRulesFile()
    {
        var documents = Policy.ChartRender.Documents(Policy.ChartRender.Render());
        var clusterRole = Assert.Single(documents, d => d["kind"]!.ToString() == "ClusterRole");
        var rendered = clusterRole["rules"]!.AsArray().Sum(r => r!["verbs"]!.AsArray().Count * r["resources"]!.AsArray().Count * r["apiGroups"]!.AsArray().Count);
        Assert.Equal(ChartFiles.Permissions("operator-rules.yaml").Count, rendered);
        Assert.Single(documents, d => d["kind"]!.ToString() == "ClusterRoleBinding");
    }

    [Fact]
    public void ChartRules_Anything_HaveNoWildcardsAndNoSecrets()
    {
        var granted = ChartFiles.Permissions("operator-rules.yaml").Concat(ChartFiles.Permissions("leader-election-rules.yaml")).ToList();
        Assert.DoesNotContain(granted, p => p.Group == "*" || p.Resource == "*" || p.Verb == "*");
        Assert.DoesNotContain(granted, p => p.Resource is "secrets" or "configmaps" or "serviceaccounts/token");
        Assert.DoesNotContain(granted, p => p.Resource == "pods" && p.Verb is not ("get" or "list"));
    }

    // The user's own writes in the chain (kubectl create/delete of our kinds) are not the operator's: it never creates
    // or deletes Detector objects, so those verbs are left out of what it used.
    private static async Task<HashSet<(string Group, string Resource, string Verb)>> RunChainAsync()
    {
        await using var env = await TrainingRuns.SageMakerEnvironment.StartAsync(chartRbac: true);
        var (models, endpoints) = EndToEnd.LifecycleSteps.Stores(env);
        env.StartOperator();
        await EndToEnd.LifecycleSteps.TrainVersionOneAsync(env, models);
        await EndToEnd.LifecycleSteps.CreateServingEndpointAsync(env, endpoints, EndToEnd.LifecycleSteps.NewEndpoint(env.Kube.Namespace));
        await endpoints.DeleteAsync(new Detector.Operator.Runtime.ObjectKey(env.Kube.Namespace, "fish-live"), CancellationToken.None);
        await env.WaitForAsync(e => e.SageMaker.CallCount("DeleteInferenceComponent") >= 1);
        env.SageMaker.Advance(TimeSpan.FromMinutes(2));
        await env.WaitForAsync(e => e.SageMaker.CallCount("DeleteEndpoint") >= 1);
        env.SageMaker.Advance(TimeSpan.FromMinutes(2));
        await env.WaitForAsync(e => EndToEnd.LifecycleSteps.Endpoint(e) is null);
        await EndToEnd.LifecycleSteps.DeleteTheRestAndAssertNothingLeftAsync(env);
        await env.StopOperatorAsync();
        return
        [
            .. env.Kube.Api.Requests
                .Where(r => r.Resource is not null && r.Verb is not null)
                .Where(r => !(r.Group == "detector.dev" && r.Subresource is null && r.Verb is "create" or "delete"))
                .Select(r => (r.Group!, r.Subresource is null ? r.Resource! : $"{r.Resource}/{r.Subresource}", r.Verb!)),
        ];
    }

    /// <summary>
    /// A Dataset that fails (with a failed pod), one that becomes Ready and is deleted; objects are put straight into
    /// the store, so every logged request is the operator's.
    /// </summary>
    private static async Task<HashSet<(string Group, string Resource, string Verb)>> RunLifecycleAsync()
    {
        // As the chart's ServiceAccount with the chart's rendered RBAC: a missing verb is a 403 from the real server.
        await using var env = await OperatorEnvironment.StartWithChartRbacAsync();
        env.StartOperator();

        env.Api.Put(env.NewDataset("broken"));
        await env.WaitForPhaseAsync("broken", DatasetPhases.Preparing);
        var brokenJob = env.Jobs.Single().Metadata.Name;
        env.Api.Put(new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta { Name = brokenJob + "-p", NamespaceProperty = env.Namespace, Labels = new Dictionary<string, string> { ["job-name"] = brokenJob } },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "prepare", Image = "x" }] },
        });
        env.Api.SetJobFailed(env.Namespace, brokenJob);
        await env.WaitForPhaseAsync("broken", DatasetPhases.Failed);

        env.Api.Put(env.NewDataset("good"));
        await env.WaitForPhaseAsync("good", DatasetPhases.Preparing);
        var good = env.Dataset("good")!;
        await env.WriteManifestAsync(good.Status!.Outputs!.Prefix!, DatasetStatusMapperTests.Manifest());
        env.Api.SetJobSucceeded(env.Namespace, env.Jobs.Single(j => j.Metadata.Name != brokenJob).Metadata.Name);
        await env.WaitForPhaseAsync("good", DatasetPhases.Ready);
        // Events are written in the background; wait for them so their requests are in the log.
        await env.WaitForAsync(e => e.Api.List("events", env.Namespace).Count(ev => ev["reason"]?.GetValue<string>() is "Ready" or "JobFailed") == 2);
        env.Api.Delete("datasets", env.Namespace, "good");
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
