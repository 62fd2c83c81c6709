using System.Text.RegularExpressions;
using Detector.Operator.Tests.Policy;

namespace Detector.Operator.Tests.Admission;

/// <summary>
/// The shared policy cases on a real kube-apiserver 1.33 with the chart's rendered ValidatingAdmissionPolicies: only
/// the server evaluates them with its own CEL libraries (url, ip) and authorizer.
/// </summary>
public sealed class AdmissionPolicyTests(ApiServerFixture server) : IClassFixture<ApiServerFixture>
{
    [SkippableTheory]
    [MemberData(nameof(PolicyCases.Data), MemberType = typeof(PolicyCases))]
    public async Task KubectlCreate_Case_IsRefusedByTheServerNamingTheField(PolicyCase c)
    {
        server.Require();
        string[] user = c.AsUser is null ? [] : ["--as", c.AsUser];
        // A name of its own, so the stored samples (another test) do not collide with the dry run.
        var manifest = Regex.Replace(c.Manifest(), @"(?m)^metadata:\n  name: \S+", $"metadata:\n  name: case-{PolicyCases.All.ToList().IndexOf(c)}");
        var (code, _, stderr) = await server.Admin.RunAsync(manifest, ["create", "--dry-run=server", "-f", "-", .. user]);

        if (c.RefusedField is null)
            Assert.True(code == 0, $"{c.Name}: expected accepted, the server said: {stderr}");
        else
        {
            Assert.True(code != 0, $"{c.Name}: expected {c.RefusedField} refused, the server accepted it");
            Assert.Contains("ValidatingAdmissionPolicy", stderr, StringComparison.Ordinal);
            Assert.Contains($"denied request: {c.RefusedField}: ", stderr, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task KubectlApply_Samples_AreStored()
    {
        server.Require();
        await server.Admin.MustAsync(null, "apply", "-f", Crds.CrdFiles.Samples);
        Assert.Contains("aquarium", await server.Admin.MustAsync(null, "get", "datasets", "-n", "vision", "-o", "name"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ObjectStoredBeforeThePolicy_FinalizerUpdate_PassesButSpecChangeIsRefused()
    {
        server.Require();
        // Stored in a namespace the policies do not cover yet, with another namespace's role.
        await server.Admin.MustAsync(null, "create", "namespace", "legacy");
        var manifest = PolicyCases.All.Single(c => c.Name == "TrainingRun naming another namespace's role").Manifest()
            .Replace("namespace: vision", "namespace: legacy", StringComparison.Ordinal);
        await server.Admin.MustAsync(manifest, "create", "-f", "-");
        await server.Admin.MustAsync(null, "label", "namespace", "legacy", $"{ApiServerFixture.Label}=true");

        // The operator's finalizer write leaves the spec alone: never blocked, or deletion would hang.
        await server.Admin.MustAsync(null, "patch", "trainingrun", "aquarium-ssd", "-n", "legacy", "--type=merge",
            "-p", """{"metadata":{"finalizers":["detector.dev/cleanup"]}}""");
        var (code, _, stderr) = await server.Admin.RunAsync(null, "patch", "trainingrun", "aquarium-ssd", "-n", "legacy", "--type=merge",
            "-p", """{"spec":{"roleArn":"arn:aws:iam::123456789012:role/detector/finance/other"}}""");
        Assert.True(code != 0, "a spec change keeping a refused role was accepted");
        Assert.Contains("denied request: spec.roleArn: ", stderr, StringComparison.Ordinal);
    }
}
