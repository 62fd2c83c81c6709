using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.Fakes;

namespace Detector.Operator.Tests.Runtime;

/// <summary>The one place every kind's reconcile failures become visible: condition, Warning Event, metric.</summary>
public sealed class ControllerFailureTests
{
    private static readonly ObjectKey Key = KubeSamples.Key;

    [Fact]
    public async Task Failure_RepeatedByRetries_WritesStatusAndEventOnceThenSuccessClearsIt()
    {
        var success = false;
        await using var h = new ControllerHarness((_, _, _) => Volatile.Read(ref success)
            ? Task.FromResult(ReconcileResult.Done)
            : throw new HttpRequestException("Connection refused (s3.eu-west-1.amazonaws.com:443)"), seed: KubeSamples.Dataset());
        h.Start();
        await h.NextCallAsync();
        foreach (var _ in Enumerable.Range(0, 3))
            await RetryAsync(h);
        await h.StopAsync();

        Assert.Equal(1, h.Kube.Writes<Dataset>(KubeOperation.UpdateStatus));
        var warning = Assert.Single(h.Events.All);
        Assert.Equal((EventTypes.Warning, Reasons.Retrying), (warning.Type, warning.Reason));
        var ready = Conditions.Get(h.Kube.Get<Dataset>(Key)!.Status!.Conditions, Conditions.Ready)!;
        Assert.Equal(("False", Reasons.Retrying), (ready.Status, ready.Reason));
        Assert.Contains("Connection refused", ready.Message);
        Assert.Equal(4, h.Counter(h.Metrics.ReconcileErrors, "Dataset", Reasons.Retrying));
    }

    [Fact]
    public async Task Failure_AfterASuccess_IsReportedAgain()
    {
        await using var h = new ControllerHarness((i, _, _) => i == 2
            ? Task.FromResult(ReconcileResult.After(TimeSpan.FromSeconds(30)))
            : throw new HttpRequestException("Connection refused"), seed: KubeSamples.Dataset());
        h.Start();
        await h.NextCallAsync();
        await RetryAsync(h);                                  // call 2 succeeds and asks for another look in 30 s
        await RetryAsync(h);                                  // call 3 fails the same way as call 1
        await h.StopAsync();

        Assert.Equal(2, h.Failures.Reports);
        Assert.Equal(2, h.Events.All.Count);
    }

    [Fact]
    public async Task Failure_WithANewMessage_IsWrittenAgain()
    {
        await using var h = new ControllerHarness((i, _, _) => throw new HttpRequestException(i < 3 ? "Connection refused" : "Name or service not known"),
            seed: KubeSamples.Dataset());
        h.Start();
        await h.NextCallAsync();
        await RetryAsync(h);
        await RetryAsync(h);
        await h.StopAsync();

        Assert.Equal(2, h.Kube.Writes<Dataset>(KubeOperation.UpdateStatus));
        Assert.Contains("Name or service not known", Conditions.Get(h.Kube.Get<Dataset>(Key)!.Status!.Conditions, Conditions.Ready)!.Message);
    }

    [Fact]
    public async Task Failure_Terminal_IsNotRetriedAndFailsThePhase()
    {
        await using var h = new ControllerHarness((_, _, _) => throw new InvalidSpecException("spec.output.s3.uri: the bucket name is not valid"),
            seed: KubeSamples.Dataset());
        h.Start();
        await h.NextCallAsync();
        await h.StopAsync();

        Assert.Empty(h.Controller.Queue.Delayed);
        var status = h.Kube.Get<Dataset>(Key)!.Status!;
        Assert.Equal("Failed", status.Phase);
        Assert.True(Conditions.IsTrue(status.Conditions, Conditions.Stalled));
        Assert.Equal(Reasons.InvalidSpec, Conditions.Get(status.Conditions, Conditions.Ready)!.Reason);
        Assert.Equal(1, h.Counter(h.Metrics.ReconcileErrors, "Dataset", Reasons.InvalidSpec));
    }

    [Fact]
    public async Task Failure_NeedingAPerson_IsStalledAndRecheckedOnTheSlowTimerNotInALoop()
    {
        await using var h = new ControllerHarness((_, _, _) => throw new SageMakerException("AccessDeniedException",
            "User: arn:aws:sts::1:assumed-role/op/x is not authorized to perform: sagemaker:CreateTrainingJob on resource: arn:aws:sagemaker:us-east-1:1:training-job/a",
            400, "req-1", SageMakerErrorKind.AccessDenied, operation: "CreateTrainingJob"), seed: KubeSamples.Dataset());
        h.Start();
        await h.NextCallAsync();
        Assert.Equal(ControllerOptions.DefaultStalledRecheck, await h.NextScheduleAsync());   // not the 1 s backoff
        h.FakeClock.Advance(ControllerOptions.DefaultStalledRecheck);
        await h.NextCallAsync();                                                             // the slow re-check
        Assert.Equal(ControllerOptions.DefaultStalledRecheck, await h.NextScheduleAsync());  // and no faster after it
        await h.StopAsync();

        Assert.Equal(0, h.Controller.Queue.Failures(Key));
        Assert.Equal(1, h.Kube.Writes<Dataset>(KubeOperation.UpdateStatus));
        var warning = Assert.Single(h.Events.All);
        Assert.Equal((EventTypes.Warning, Reasons.AccessDenied), (warning.Type, warning.Reason));
        var status = h.Kube.Get<Dataset>(Key)!.Status!;
        Assert.True(Conditions.IsTrue(status.Conditions, Conditions.Stalled));
        Assert.NotEqual("Failed", status.Phase);                                             // the phase is kept
        Assert.Contains("sagemaker:CreateTrainingJob", Conditions.Get(status.Conditions, Conditions.Ready)!.Message);
    }

    [Fact]
    public async Task Failure_OnAPausedObject_WritesNothing()
    {
        var paused = KubeSamples.Dataset();
        paused.Metadata.Annotations = new Dictionary<string, string> { [Annotations.PausedName] = "true" };
        await using var h = new ControllerHarness((_, _, _) => throw new HttpRequestException("Connection refused"), seed: paused);
        h.Start();
        await h.NextCallAsync();
        await h.StopAsync();

        Assert.Equal(0, h.Kube.Writes<Dataset>(KubeOperation.UpdateStatus));
        Assert.Empty(h.Events.All);
    }

    [Fact]
    public async Task Failure_ReportItselfFails_IsShownOnTheNextAttempt()
    {
        await using var h = new ControllerHarness((_, _, _) => throw new HttpRequestException("Connection refused"), seed: KubeSamples.Dataset());
        h.Kube.FailNext<Dataset>(KubeOperation.UpdateStatus, new HttpRequestException("API server unavailable"));
        h.Start();
        await h.NextCallAsync();
        await RetryAsync(h);
        await h.StopAsync();

        Assert.Equal(1, h.Kube.Writes<Dataset>(KubeOperation.UpdateStatus));
        Assert.Equal(Reasons.Retrying, Conditions.Get(h.Kube.Get<Dataset>(Key)!.Status!.Conditions, Conditions.Ready)!.Reason);
    }

    // Waits for the scheduled backoff of the last failure (or RequeueAfter of a success), lets it pass, and waits for the call.
    private static async Task RetryAsync(ControllerHarness h)
    {
        var delay = await h.NextScheduleAsync();
        h.FakeClock.Advance(delay);
        await h.NextCallAsync();
    }
}
