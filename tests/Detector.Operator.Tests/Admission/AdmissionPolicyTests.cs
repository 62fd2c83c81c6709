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
    public async Task Create_Case_IsRefusedByTheServerNamingTheField(PolicyCase c)
    {
        server.Require();
        // A name of its own (a dry run, but the stored samples of another test share the names).
        var manifest = c.Object();
        manifest["metadata"]!["name"] = $"case-{PolicyCases.All.ToList().IndexOf(c)}";

        var refusal = await server.Cluster.CreateAsync(manifest, c.AsUser);

        if (c.RefusedField is null)
            Assert.True(refusal is null, $"{c.Name}: expected accepted, the server said: {refusal}");
        else
        {
            Assert.True(refusal is not null, $"{c.Name}: expected {c.RefusedField} refused, the server accepted it");
            Assert.Contains("ValidatingAdmissionPolicy", refusal, StringComparison.Ordinal);
            Assert.Contains($"denied request: {c.RefusedField}: ", refusal, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task Create_Samples_AreStored()
    {
        server.Require();
        foreach (var sample in PolicyCases.All.Where(c => c.Name.StartsWith("sample ", StringComparison.Ordinal)))
        {
            var refusal = await server.Cluster.CreateAsync(sample.Object(), store: true);
            Assert.True(refusal is null || refusal.Contains("already exists", StringComparison.Ordinal), $"{sample.Name}: {refusal}");
        }
    }

    [SkippableFact]
    public async Task ObjectStoredBeforeThePolicy_FinalizerUpdate_PassesButSpecChangeIsRefused()
    {
        server.Require();
        // Stored in a namespace the policies do not cover yet, with another namespace's role; then the policy arrives.
        await server.Cluster.LabelledNamespaceAsync("legacy", "");
        var manifest = PolicyCases.All.Single(c => c.Name == "TrainingRun naming another namespace's role").Object();
        manifest["metadata"]!["namespace"] = "legacy";
        Assert.Null(await server.Cluster.CreateAsync(manifest, store: true));
        await server.Cluster.LabelledNamespaceAsync("legacy", ApiServerFixture.Label);

        // The operator's finalizer write leaves the spec alone: never blocked, or deletion would hang.
        Assert.Null(await server.Cluster.PatchAsync("trainingruns", "legacy", "aquarium-ssd", """{"metadata":{"finalizers":["detector.dev/cleanup"]}}"""));
        // A spec change is judged, and this one keeps a refused role. (The policy binding may lag the label by a moment.)
        string? refusal = null;
        for (var attempt = 0; attempt < 50 && refusal is null; attempt++)
        {
            refusal = await server.Cluster.PatchAsync("trainingruns", "legacy", "aquarium-ssd",
                $$$"""{"spec":{"roleArn":"arn:aws:iam::123456789012:role/detector/finance/other-{{{attempt}}}"}}""");
            if (refusal is null) await Task.Delay(100);
        }
        Assert.NotNull(refusal);
        Assert.Contains("denied request: spec.roleArn: ", refusal, StringComparison.Ordinal);
    }
}
