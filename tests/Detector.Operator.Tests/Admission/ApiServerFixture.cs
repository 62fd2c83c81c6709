using System.Diagnostics;
using System.Text.Json.Nodes;
using Detector.Operator.Tests.Policy;
using Detector.Operator.Validation;
using Detector.Testing;

namespace Detector.Operator.Tests.Admission;

/// <summary>
/// The shared real kube-apiserver 1.33 (<see cref="EnvtestServer"/>: RBAC authorization, the default admission
/// plugins, the CRDs) with the chart rendered by chart-render with the shared cases' values and every rendered document
/// created as an administrator would (one release per <see cref="PolicyCases.Variants"/>), and a user <c>alice</c> who
/// may create Detector objects in the case namespaces and do nothing else. Each release's policies are bound only to
/// its variant's namespaces, labelled <see cref="LabelOf"/> (the chart's <c>admissionPolicies.namespaceSelector</c>),
/// so variants and other tests on the shared server do not affect each other.
/// </summary>
public sealed class ApiServerFixture : IAsyncLifetime
{
    /// <summary>Label of the namespaces the main variant's policies are bound to here (each variant has its own).</summary>
    public static string Label => LabelOf(PolicyCases.Main);

    /// <summary>The label binding a variant's policies to its namespaces.</summary>
    public static string LabelOf(string variant) => $"detector.dev/admission-{variant}";

    private Exception? _setupFailure;

    /// <summary>Client of the shared server.</summary>
    public ClusterClient Cluster { get; private set; } = null!;

    /// <summary>Skips (or fails in CI) without envtest or chart-render; fails when setup broke.</summary>
    public void Require()
    {
        if (_setupFailure is Xunit.SkipException skip) throw new Xunit.SkipException(skip.Message);
        if (_setupFailure is not null) throw new InvalidOperationException("the admission test server could not be set up: " + _setupFailure.Message, _setupFailure);
    }

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        try
        {
            var server = EnvtestServer.Shared;
            Cluster = new ClusterClient(server.AdminKubeconfig);
            // One release per variant (distinct names: ClusterRoles and policies are cluster-wide), each bound to its namespaces.
            foreach (var (variant, values) in PolicyCases.Variants)
            {
                var releaseNamespace = await server.CreateNamespaceAsync($"detector-admission-{variant}");
                foreach (var ns in PolicyCases.All.Where(c => c.Variant == variant).Select(c => c.Namespace).Distinct())
                    await Cluster.LabelledNamespaceAsync(ns, LabelOf(variant));
                var rendered = ChartRender.RenderRelease($"admission-{variant}", releaseNamespace, [.. values,
                    "--set-json", $$$"""admissionPolicies.namespaceSelector={"matchLabels":{"{{{LabelOf(variant)}}}":"true"}}"""]);
                foreach (var document in ChartRender.Documents(rendered)) await Cluster.ApplyAsync(document, releaseNamespace);
            }
            foreach (var document in YamlDocuments.Parse(Author).OfType<JsonObject>()) await Cluster.ApplyAsync(document, "default");
            foreach (var variant in PolicyCases.Variants.Keys) await WaitForPoliciesAsync(variant);
        }
        catch (Exception e)
        {
            _setupFailure = e;
        }
    }

    /// <inheritdoc/>
    public Task DisposeAsync() => Task.CompletedTask;   // The shared server goes with the test process.

    // A ClusterRole to create Detector objects, bound to alice in each case namespace; no ServiceAccount access.
    private static string Author => string.Join("\n---\n", new[]
    {
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: detector-admission-author}
        rules:
          - apiGroups: ["detector.dev"]
            resources: ["datasets", "trainingruns", "tuningruns", "registeredmodels", "detectionendpoints"]
            verbs: ["get", "create", "update"]
        """,
    }.Concat(PolicyCases.All.Select(c => c.Namespace).Distinct().Select(ns => $$"""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: detector-admission-author, namespace: {{ns}}}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: detector-admission-author}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: alice}]
        """)));

    // The API server compiles new policies in the background; wait until the variant's first refused case is refused.
    private async Task WaitForPoliciesAsync(string variant)
    {
        var probe = PolicyCases.All.First(c => c.Variant == variant && c.RefusedField is not null && !c.AdmissionOnly);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (await Cluster.CreateAsync(probe.Object()) is { } refusal && refusal.Contains("ValidatingAdmissionPolicy", StringComparison.Ordinal)) return;
            await Task.Delay(100);
        }
        throw new TimeoutException("the chart's ValidatingAdmissionPolicies did not take effect within 60 s");
    }
}
