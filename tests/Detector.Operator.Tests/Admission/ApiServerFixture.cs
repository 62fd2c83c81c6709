using System.Diagnostics;
using Detector.Operator.Tests.Crds;
using Detector.Operator.Tests.Policy;
using Detector.Testing;

namespace Detector.Operator.Tests.Admission;

/// <summary>
/// A real kube-apiserver 1.33 (../shared/envtest/start-apiserver.sh: etcd + kube-apiserver, RBAC authorization, the
/// default admission plugins) with the CRDs, the chart rendered with the shared cases' values and applied as an
/// administrator would (<c>kubectl apply</c>), and a user <c>alice</c> who may create Detector objects in the case
/// namespaces and do nothing else. Started once for the test class; skipped (failed in CI) without envtest or kubectl.
/// </summary>
public sealed class ApiServerFixture : IAsyncLifetime
{
    /// <summary>Label of the namespaces the chart's policies are bound to here (the chart's admissionPolicies.namespaceSelector).</summary>
    public const string Label = "detector.dev/admission-test";

    private string? _scratch;
    private string? _setupFailure;

    /// <summary>kubectl on the admin kubeconfig.</summary>
    public Kubectl Admin { get; private set; } = new("");

    /// <summary>The rendered chart that was applied.</summary>
    public string Rendered { get; private set; } = "";

    /// <summary>Skips (or fails in CI) when the server could not be started for lack of tools; fails when setup broke.</summary>
    public void Require()
    {
        if (_setupFailure is not null) throw new InvalidOperationException(_setupFailure);
        if (_scratch is null) Missing("kubectl is not on PATH");
    }

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        if (!Kubectl.Available() || SharedData.Root is null || !File.Exists(Path.Combine(SharedData.Root, "envtest", "start-apiserver.sh"))) return;
        _scratch = Directory.CreateTempSubdirectory("detector-admission-").FullName;
        try
        {
            var kubeconfig = await StartAsync(Path.Combine(SharedData.Root, "envtest", "start-apiserver.sh"), "0", _scratch);
            Admin = new Kubectl(kubeconfig);
            await Admin.MustAsync(null, "apply", "-f", CrdFiles.Folder);
            await Admin.MustAsync(null, "wait", "--for=condition=Established", "crd", "--all", "--timeout=60s");
            foreach (var ns in PolicyCases.All.Select(c => c.Namespace).Distinct().Append("detector-system"))
            {
                await Admin.MustAsync(null, "create", "namespace", ns);
                await Admin.MustAsync(null, "label", "namespace", ns, $"{Label}=true");
            }
            Rendered = ChartRender.Render("-f", ChartRender.PolicyValues, "--set-json", $$$"""admissionPolicies.namespaceSelector={"matchLabels":{"{{{Label}}}":"true"}}""");
            await Admin.MustAsync(Rendered, "apply", "-n", "detector-system", "-f", "-");
            await Admin.MustAsync(Author, "apply", "-f", "-");
            await WaitForPoliciesAsync();
        }
        catch (Exception e) when (e is not Xunit.SkipException)
        {
            _setupFailure = "the admission test server could not be set up: " + e.Message;
        }
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (_scratch is null) return;
        await StartAsync(Path.Combine(SharedData.Root!, "envtest", "start-apiserver.sh"), "stop", _scratch);
        Directory.Delete(_scratch, recursive: true);
    }

    // A ClusterRole to create (and read back) Detector objects, bound to alice in each case namespace; no ServiceAccount access.
    private static string Author => string.Join("\n---\n", new[]
    {
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: detector-author}
        rules:
          - apiGroups: ["detector.dev"]
            resources: ["datasets", "trainingruns", "tuningruns", "registeredmodels", "detectionendpoints"]
            verbs: ["get", "create", "update"]
        """,
    }.Concat(PolicyCases.All.Select(c => c.Namespace).Distinct().Select(ns => $$"""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: detector-author, namespace: {{ns}}}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: detector-author}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: alice}]
        """)));

    // The API server compiles new policies in the background; wait until the metadata-address case is refused.
    private async Task WaitForPoliciesAsync()
    {
        var probe = PolicyCases.All.First(c => c.RefusedField is not null && !c.AdmissionOnly).Manifest();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            var (code, _, stderr) = await Admin.RunAsync(probe, "create", "--dry-run=server", "-f", "-");
            if (code != 0 && stderr.Contains("ValidatingAdmissionPolicy", StringComparison.Ordinal)) return;
            await Task.Delay(200);
        }
        throw new TimeoutException("the chart's ValidatingAdmissionPolicies did not take effect within 60 s");
    }

    private static async Task<string> StartAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{Path.GetFileName(script)} {string.Join(' ', arguments)}: {await stderr}");
        return (await stdout).Trim();
    }

    private static void Missing(string reason)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))) throw new InvalidOperationException(reason + "; in CI it must be present");
        throw new Xunit.SkipException(reason + " (and ../shared/envtest is needed): the admission tests need a real API server");
    }
}
