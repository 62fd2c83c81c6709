using System.Text.Json.Nodes;
using k8s;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Datasets;
using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.EndToEnd;

namespace Detector.Operator.Tests.Datasets;

/// <summary>
/// Issue 19 part 6 over HTTP: the operator never writes spec. A Dataset applied as a user writes it (no
/// <c>classes</c>: the C# type defaults it to an empty list) keeps <c>generation</c> 1 through finalizer, Job,
/// Ready and deletion; the operator's only writes to the main resource are finalizer patches.
/// </summary>
public sealed class DatasetGenerationOverHttpTests
{
    [SkippableFact]
    public async Task DatasetWithoutClasses_GenerationStaysOneThroughItsWholeLife_AndTheOperatorNeverSendsSpec()
    {
        await using var env = await OperatorEnvironment.StartAsync();
        env.StartOperator();
        await CreateAsYamlWithoutClassesAsync(env, "aquarium");
        var generations = new List<long?>();
        bool Track(OperatorEnvironment e)
        {
            if (e.Dataset("aquarium") is { } d && d.Metadata.DeletionTimestamp is null)
                generations.Add(d.Metadata.Generation);
            return true;
        }

        await env.WaitForAsync(e => Track(e) && e.Dataset("aquarium")?.Status?.Phase == DatasetPhases.Preparing);
        var dataset = env.Dataset("aquarium")!;
        Assert.Contains(DatasetNames.Finalizer, dataset.Metadata.Finalizers);
        Assert.Null(env.Api.List("datasets", env.Namespace).Single()["spec"]!["classes"]);   // as the user wrote it
        await env.WriteManifestAsync(dataset.Status!.Outputs!.Prefix!, DatasetStatusMapperTests.Manifest());
        env.Api.SetJobSucceeded(env.Namespace, Assert.Single(env.Jobs).Metadata.Name);
        await env.WaitForAsync(e => Track(e) && e.Dataset("aquarium")?.Status?.Phase == DatasetPhases.Ready);
        Assert.Equal(1L, env.Dataset("aquarium")!.Status!.ObservedGeneration);

        await env.Datasets.DeleteAsync(new ObjectKey(env.Namespace, "aquarium"), CancellationToken.None);
        await env.WaitForAsync(e => Track(e) && e.Dataset("aquarium") is null);

        Assert.NotEmpty(generations);
        Assert.All(generations, g => Assert.Equal(1L, g));
        var writes = env.RequestsFor("datasets", "aquarium").Where(r => r is { IsWrite: true, Subresource: null } && r.Verb != "delete").ToList();
        Assert.Equal(2, writes.Count);                                  // add and remove the finalizer
        Assert.All(writes, w => Assert.Equal("patch", w.Verb));         // metadata-only patches, never a PUT of the spec
    }

    // What `kubectl apply` of a manifest without `classes` creates: the field is absent, not an empty list.
    private static async Task CreateAsYamlWithoutClassesAsync(OperatorEnvironment env, string name)
    {
        var body = new JsonObject
        {
            ["apiVersion"] = ApiGroup.ApiVersion,
            ["kind"] = "Dataset",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = env.Namespace },
            ["spec"] = new JsonObject
            {
                ["source"] = new JsonObject { ["s3"] = new JsonObject { ["uri"] = $"s3://{env.Bucket}/raw/aquarium/" } },
                ["output"] = new JsonObject { ["s3"] = new JsonObject { ["uri"] = $"s3://{env.Bucket}/prepared" } },
            },
        };
        using var client = env.Api.CreateClient();
        await client.CustomObjects.CreateNamespacedCustomObjectAsync<JsonObject>(body, ApiGroup.Name, ApiGroup.Version, env.Namespace, "datasets");
    }
}
