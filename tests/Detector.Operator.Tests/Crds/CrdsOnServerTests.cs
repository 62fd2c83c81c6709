using System.Net;
using Detector.Operator.Tests.Charts;
using Detector.Testing;
using k8s;
using k8s.Autorest;
using k8s.Models;
using static Detector.Operator.Tests.Crds.CrdYaml;

namespace Detector.Operator.Tests.Crds;

/// <summary>
/// The CRDs and samples on the real API server (envtest): every generated CRD is accepted and served with its docs,
/// every sample is accepted, applying the samples again changes nothing, and the offline checker
/// (<see cref="Detector.Operator.Crds.CrdValidation"/>, the fast pre-check) refuses every schema the server refuses
/// from the rejected-schema table.
/// </summary>
public sealed partial class CrdsOnServerTests
{
    public static TheoryData<string, string, bool> RejectedSchemas()
    {
        var rows = new TheoryData<string, string, bool>();
        foreach (var row in SchemaRuleTests.Rejected)
            rows.Add((string)row[0], (string)row[1], true);
        foreach (var row in SchemaRuleTests.RejectedWithoutStatus)
            rows.Add((string)row[0], (string)row[1], false);
        return rows;
    }

    [SkippableTheory]
    [MemberData(nameof(RejectedSchemas))]
    public async Task SchemaTheServerRefuses_IsRefusedByTheOfflineCheckerWithTheSameErrors(string name, string schema, bool statusSubresource)
    {
        using var client = EnvtestServer.Shared.CreateClient();
        var crd = WithSchema(schema, statusSubresource);
        var refused = await Assert.ThrowsAsync<HttpOperationException>(() => client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, dryRun: "All"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Response.StatusCode);
        var serverErrors = KubernetesJson.Deserialize<V1Status>(refused.Response.Content).Details.Causes
            .Select(c => $"{c.Field}: {c.Message}").ToList();
        var ours = Errors(crd);
        Assert.True(ours.Count > 0, $"{name}: the server refuses ({string.Join("; ", serverErrors)}) but the checker accepts");
        foreach (var error in serverErrors)
            Assert.True(ours.Any(o => o.Contains(error, StringComparison.Ordinal) || error.Contains(o, StringComparison.Ordinal) || SameCause(o, error)),
                $"{name}: the server says '{error}', the checker says [{string.Join("; ", ours)}]");
    }

    [SkippableTheory]
    [MemberData(nameof(CrdFiles.Kinds), MemberType = typeof(CrdFiles))]
    public async Task GeneratedCrd_IsEstablishedServedAndStructural(string kind)
    {
        using var client = EnvtestServer.Shared.CreateClient();
        var crds = await client.ApiextensionsV1.ListCustomResourceDefinitionAsync();
        var crd = Assert.Single(crds.Items, c => c.Spec.Names.Kind == kind);
        Assert.Contains(crd.Status.Conditions, c => c is { Type: "Established", Status: "True" });
        Assert.Contains(crd.Status.Conditions, c => c is { Type: "NamesAccepted", Status: "True" });
        Assert.DoesNotContain(crd.Status.Conditions, c => c is { Type: "NonStructuralSchema", Status: "True" });
    }

    [SkippableTheory]
    [MemberData(nameof(CrdFiles.Kinds), MemberType = typeof(CrdFiles))]
    public void KubectlExplain_DescribesTheKindAndEveryFieldOfSpecAndStatus(string kind)
    {
        var server = EnvtestServer.Shared;
        foreach (var path in new[] { kind.ToLowerInvariant(), $"{kind.ToLowerInvariant()}.spec", $"{kind.ToLowerInvariant()}.status" })
        {
            var (code, output, error) = ChartRender.Run("kubectl", ["--kubeconfig", server.AdminKubeconfig, "explain", path, "--api-version=detector.dev/v1alpha1"], null);
            Assert.True(code == 0, $"kubectl explain {path}: {error}");
            Assert.Contains("DESCRIPTION:", output);
            Assert.DoesNotContain("<empty>", output);   // kubectl prints <empty> for a field without a description.
            Assert.Contains("FIELDS:", output);
        }
    }

    [SkippableFact]
    public async Task EverySample_IsAccepted_AndApplyingItAgainChangesNothing()
    {
        var server = EnvtestServer.Shared;
        var ns = await server.CreateNamespaceAsync("samples");
        var samples = Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "crds", "samples"), "*.yaml").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(samples);
        var manifests = string.Join("\n---\n", samples.Select(f => string.Join('\n', File.ReadAllLines(f)
            .Where(line => !line.TrimStart().StartsWith("namespace:", StringComparison.Ordinal)))));
        var kubeconfig = server.WriteKubeconfig(Path.Combine(server.Scratch, $"kubeconfig-{ns}"), ns);

        var (code, output, error) = ChartRender.Apply(kubeconfig, manifests, dryRun: false);
        Assert.True(code == 0, $"the server refused a sample: {error}{output}");
        var before = ResourceVersions(kubeconfig);
        Assert.Equal(samples.Count, before.Count);

        (code, output, error) = ChartRender.Apply(kubeconfig, manifests, dryRun: false);
        Assert.True(code == 0, error + output);
        Assert.Equal(before, ResourceVersions(kubeconfig));
    }

    // The same cause; the server prints a whole schema as a Go struct where the checker prints {...}.
    private static bool SameCause(string ours, string server) =>
        ours == GoStruct().Replace(server, "Invalid value: {...}: ");

    [System.Text.RegularExpressions.GeneratedRegex(@"Invalid value: apiextensions\.JSONSchemaProps\{.*\}: ")]
    private static partial System.Text.RegularExpressions.Regex GoStruct();

    private static Dictionary<string, string> ResourceVersions(string kubeconfig)
    {
        var (code, output, error) = ChartRender.Run("kubectl", ["--kubeconfig", kubeconfig, "get",
            "datasets,trainingruns,tuningruns,registeredmodels,detectionendpoints",
            "-o", "jsonpath={range .items[*]}{.kind}/{.metadata.name}={.metadata.resourceVersion}{\"\\n\"}{end}"], null);
        Assert.True(code == 0, error);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=')).ToDictionary(p => p[0], p => p[1]);
    }
}
