using System.Text.Json.Nodes;
using Amazon.Runtime;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.EndToEnd;
using Detector.Operator.Tests.Fakes.ApiServer;
using k8s.Models;

namespace Detector.Operator.Tests.TrainingRuns;

/// <summary>
/// Issue 19 part 1 over HTTP (fake API server, fake SageMaker, the real SageMaker client): a failure only a person can
/// fix is shown once as <c>Stalled</c> with a specific reason, and not retried in a loop.
/// </summary>
public sealed class AwsFailureOverHttpTests
{
    private const string Denial = "User: arn:aws:sts::123456789012:assumed-role/detector-operator/op is not authorized to perform: " +
        "sagemaker:CreateTrainingJob on resource: arn:aws:sagemaker:us-east-1:123456789012:training-job/ssd " +
        "because no identity-based policy allows the sagemaker:CreateTrainingJob action";

    [SkippableFact]
    public async Task AccessDeniedOnCreateTrainingJob_StallsTheRunNamingTheAction_OneStatusWriteOneEvent_NoRetryLoop()
    {
        await using var env = await SageMakerEnvironment.StartAsync();
        env.StartOperator();
        await env.PrepareDatasetAsync("aquarium");
        env.SageMaker.FailNext("CreateTrainingJob", 400, "AccessDeniedException", Denial);
        await env.TrainingRuns.CreateAsync(env.NewTrainingRun("ssd", "aquarium"), CancellationToken.None);

        await env.WaitForAsync(e => e.ReadyReason(e.TrainingRun("ssd")) == Reasons.AccessDenied && Warnings(e, Reasons.AccessDenied).Any());
        var status = env.TrainingRun("ssd")!.Status!;
        Assert.True(Conditions.IsTrue(status.Conditions, Conditions.Stalled));
        Assert.Equal(TrainingRunPhase.Pending, status.Phase);
        var message = Conditions.Get(status.Conditions, Conditions.Ready)!.Message;
        Assert.Contains("sagemaker:CreateTrainingJob", message);
        Assert.Contains("arn:aws:sagemaker:us-east-1:123456789012:training-job/ssd", message);

        // Time passes (the Lease is renewed every 2 s: two renewals are more than the 1 s + 2 s of a backoff loop's
        // first retries), and nothing is tried or written again.
        await WaitForLeaseRenewalsAsync(env, 2);
        Assert.Equal(1, env.SageMaker.Requests.Count(r => r.Operation == "CreateTrainingJob"));
        Assert.Equal(1, env.Kube.RequestsFor("trainingruns", "ssd").Count(IsStatusWrite));
        var warning = Assert.Single(Warnings(env, Reasons.AccessDenied));
        Assert.Equal(1, warning["count"]!.GetValue<int>());
        Assert.Contains("sagemaker:CreateTrainingJob", warning["message"]!.GetValue<string>());

        // The refused attempt shows in the operator's AWS metrics (detector run serves the default registry).
        using var scrape = new MemoryStream();
        await Prometheus.Metrics.DefaultRegistry.CollectAndExportAsTextAsync(scrape);
        Assert.Contains("detector_aws_requests_total{service=\"SageMaker\",operation=\"CreateTrainingJob\",outcome=\"access_denied\"}",
            System.Text.Encoding.UTF8.GetString(scrape.ToArray()));
    }

    [SkippableFact]
    public async Task WrongCredentials_StallTheRunWithOperatorMisconfiguredNamingCredentials()
    {
        await using var env = await SageMakerEnvironment.StartAsync();
        var settings = env.Settings();
        env.StartOperator(settings with
        {
            SageMaker = settings.SageMaker with { Credentials = new BasicAWSCredentials(env.SageMaker.AccessKey, "not-the-secret-key") },
        });
        await env.PrepareDatasetAsync("aquarium");
        await env.TrainingRuns.CreateAsync(env.NewTrainingRun("ssd", "aquarium"), CancellationToken.None);

        await env.WaitForAsync(e => e.ReadyReason(e.TrainingRun("ssd")) == Reasons.OperatorMisconfigured);
        var status = env.TrainingRun("ssd")!.Status!;
        Assert.True(Conditions.IsTrue(status.Conditions, Conditions.Stalled));
        Assert.False(Conditions.IsTrue(status.Conditions, Conditions.Ready));
        var message = Conditions.Get(status.Conditions, Conditions.Ready)!.Message;
        Assert.Contains("credentials", message);
        Assert.Contains("InvalidSignatureException", message);
        var calls = env.SageMaker.Requests.Count;
        await WaitForLeaseRenewalsAsync(env, 2);
        Assert.Equal(calls, env.SageMaker.Requests.Count);                    // no retry loop
    }

    private static bool IsStatusWrite(ApiCall call) => call is { Subresource: "status", Verb: "update" or "patch" };

    private static IEnumerable<JsonObject> Warnings(SageMakerEnvironment env, string reason) =>
        env.Kube.Api.List("events", env.Kube.Namespace)
            .Where(e => e["type"]?.GetValue<string>() == "Warning" && e["reason"]?.GetValue<string>() == reason);

    // Waits for the operator's Lease to be renewed `count` more times: a measure of time passing, without a sleep.
    private static async Task WaitForLeaseRenewalsAsync(SageMakerEnvironment env, int count)
    {
        var seen = new HashSet<string?> { RenewTime(env) };
        await env.WaitForAsync(e =>
        {
            seen.Add(RenewTime(e));
            return seen.Count > count;
        });
    }

    private static string? RenewTime(SageMakerEnvironment env) =>
        env.Kube.Api.Get("leases", env.Kube.LeaseNamespace, env.Kube.LeaseName)?["spec"]?["renewTime"]?.GetValue<string>();
}
