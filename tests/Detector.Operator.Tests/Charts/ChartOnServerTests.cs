using Detector.Operator.Validation;
using Detector.Testing;

namespace Detector.Operator.Tests.Charts;

/// <summary>
/// The chart rendered by chart-render (as <c>helm template</c>) for the default values and each documented value set
/// (docs/operator.md, "Install with Helm"), then applied with server-side dry-run to the real API server: every object must be valid and
/// admitted, not only well-formed YAML.
/// </summary>
public sealed class ChartOnServerTests
{
    /// <summary>The documented value sets; <c>NS1</c>/<c>NS2</c> stand for namespaces the test creates.</summary>
    public static TheoryData<string, string> ValueSets => new()
    {
        { "defaults", "" },
        { "watched namespaces", "watchNamespaces: [NS1, NS2]\n" },
        { "two replicas", "replicaCount: 2\nleaderElection:\n  enabled: true\n" },
        { "ServiceMonitor", "metrics:\n  serviceMonitor:\n    enabled: true\n    labels:\n      release: prometheus\n" },
        {
            "namespace policy",
            "namespacePolicy:\n  namespaces:\n    NS1:\n      s3Prefixes: [\"s3://ml-data/team-a/\"]\n      roleArns: [\"arn:aws:iam::123456789012:role/sagemaker-team-a\"]\n" +
            "      serviceAccountNames: [\"dataset-jobs\"]\n  default:\n    s3Prefixes: []\n"
        },
        {
            "IRSA, S3-compatible store, large numbers",
            "serviceAccount:\n  roleArn: arn:aws:iam::123456789012:role/detector-operator\naws:\n  region: eu-west-1\n" +
            "s3:\n  endpointUrl: http://minio.storage:9000\ndatasetJobs:\n  serviceAccountName: dataset-jobs\n  backoffLimit: 10\n" +
            "  ttlSecondsAfterFinished: 2592000\nmetrics:\n  port: 10000\nworkers: 16\n"
        },
    };

    [SkippableTheory]
    [MemberData(nameof(ValueSets))]
    public async Task ValueSet_Rendered_IsAcceptedByTheApiServer(string name, string values)
    {
        var server = EnvtestServer.Shared;
        var release = await server.CreateNamespaceAsync("chart");
        values = values.Replace("NS1", await server.CreateNamespaceAsync("chart-a"), StringComparison.Ordinal)
            .Replace("NS2", await server.CreateNamespaceAsync("chart-b"), StringComparison.Ordinal);
        if (name == "ServiceMonitor")
            _ = s_serviceMonitorCrd.Value;

        var manifests = ChartRender.RenderOk("detector", release, values);
        var (code, output, error) = ChartRender.Apply(server.AdminKubeconfig, manifests, dryRun: true);

        Assert.True(code == 0, $"{name}: the API server refused the rendered chart: {error}{output}");
        Assert.Contains("deployment.apps/detector-detector-operator serverside-applied (server dry run)", output);
    }

    [SkippableFact]
    public void LargeNumbersFromAValuesFile_RenderAsIntegers_NotInExponentNotation()
    {
        var manifests = ChartRender.RenderOk("detector", "detector-system",
            "datasetJobs:\n  ttlSecondsAfterFinished: 2592000\n  backoffLimit: 10\nmetrics:\n  port: 10000\nworkers: 16\n");
        var deployment = YamlDocuments.Parse(manifests).Single(d => d?["kind"]?.GetValue<string>() == "Deployment")!;
        var args = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["args"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.Equal("2592000", args[args.IndexOf("--job-ttl-seconds") + 1]);
        Assert.Equal("10", args[args.IndexOf("--job-backoff-limit") + 1]);
        Assert.Equal(":10000", args[args.IndexOf("--metrics-bind-address") + 1]);
        Assert.Equal("16", args[args.IndexOf("--workers") + 1]);
        Assert.DoesNotContain("e+0", manifests, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void RuntimeEnv_Defaults_AreTheMeasuredSettingsAndCanBeLeftOut()
    {
        static Dictionary<string, string> Env(string? values)
        {
            var manifests = ChartRender.RenderOk("detector", "detector-system", values);
            var deployment = YamlDocuments.Parse(manifests).Single(d => d?["kind"]?.GetValue<string>() == "Deployment")!;
            return deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray()
                .Where(e => e!["value"] is not null)
                .ToDictionary(e => e!["name"]!.GetValue<string>(), e => e!["value"]!.GetValue<string>());
        }

        var defaults = Env(null);
        var leftOut = Env("runtimeEnv:\n  DOTNET_TieredCompilation: \"\"\n");

        Assert.All(Detector.Operator.Hosting.OperatorRuntimeEnvironment.Variables, v => Assert.Equal(v.Value, defaults[v.Key]));
        Assert.Equal(Detector.Operator.Hosting.OperatorRuntimeEnvironment.Variables.Count, defaults.Keys.Count(k => k.StartsWith("DOTNET_", StringComparison.Ordinal)));
        Assert.False(leftOut.ContainsKey("DOTNET_TieredCompilation"));
        Assert.Equal("0x200000", leftOut["DOTNET_GCgen0size"]);
    }

    [SkippableFact]
    public void SeveralReplicasWithoutLeaderElection_FailsToRenderWithTheReason()
    {
        var (code, _, error) = ChartRender.Render("detector", "detector-system", null, "replicaCount=2", "leaderElection.enabled=false");
        Assert.NotEqual(0, code);
        Assert.Contains("replicaCount is 2 but leaderElection.enabled is false", error);
    }

    // The prometheus-operator CRD, reduced to what the API server needs to accept a ServiceMonitor (the chart's
    // values document that it needs those CRDs installed).
    private const string ServiceMonitorCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: servicemonitors.monitoring.coreos.com
        spec:
          group: monitoring.coreos.com
          names: {kind: ServiceMonitor, listKind: ServiceMonitorList, plural: servicemonitors, singular: servicemonitor}
          scope: Namespaced
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  x-kubernetes-preserve-unknown-fields: true
        """;

    private static readonly Lazy<bool> s_serviceMonitorCrd = new(() =>
    {
        var kubeconfig = EnvtestServer.Shared.AdminKubeconfig;
        var (code, output, error) = ChartRender.Apply(kubeconfig, ServiceMonitorCrd, dryRun: false);
        Assert.True(code == 0, error + output);
        (code, output, error) = ChartRender.Run("kubectl", ["--kubeconfig", kubeconfig, "wait", "--for=condition=Established",
            "--timeout=60s", "crd/servicemonitors.monitoring.coreos.com"], null);
        Assert.True(code == 0, error + output);
        return true;
    });
}
