using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;

namespace Detector.Operator.Tests.Runtime;

public sealed class ControllerTests
{
    private static readonly ObjectKey Key = KubeSamples.Key;

    [Fact]
    public async Task Reconcile_Throws_BacksOffOneTwoFourEightThenResetsAfterSuccess()
    {
        await using var h = new ControllerHarness((i, _, _) => i is 5 ? Task.FromResult(ReconcileResult.Done) : throw new HttpRequestException("boom"),
            seed: KubeSamples.Dataset());
        h.Start();
        Assert.Equal(1, (await h.NextCallAsync()).Index);

        foreach (var seconds in new[] { 1, 2, 4, 8 })
        {
            var delay = await h.NextScheduleAsync();
            Assert.Equal(TimeSpan.FromSeconds(seconds), delay);
            h.FakeClock.Advance(delay - TimeSpan.FromMilliseconds(1));
            Assert.True(h.Controller.Queue.Delayed.ContainsKey(Key));
            h.FakeClock.Advance(TimeSpan.FromMilliseconds(1));
            await h.NextCallAsync();
        }

        // The success of call 5 reset the backoff: the next failure waits 1 s again, not 16 s. (Reading the failure count
        // here would race the worker, which records the success after the call has started.)
        await Annotate(h, "again");
        Assert.Equal(6, (await h.NextCallAsync()).Index);
        Assert.Equal(TimeSpan.FromSeconds(1), await h.NextScheduleAsync());
        Assert.Equal(5, h.Counter(h.Metrics.ReconcileErrors, "Dataset", Reasons.Retrying));
        Assert.Equal(1, h.Counter(h.Metrics.ReconcileTotal, "Dataset", ControllerMetrics.ResultSuccess));
    }

    [Fact]
    public async Task Reconcile_RequeueAfter_RunsAgainAfterExactlyThatDelay()
    {
        await using var h = new ControllerHarness((i, _, _) => Task.FromResult(i == 1 ? ReconcileResult.After(TimeSpan.FromSeconds(30)) : ReconcileResult.Done),
            seed: KubeSamples.Dataset());
        h.Start();
        await h.NextCallAsync();
        Assert.Equal(TimeSpan.FromSeconds(30), await h.NextScheduleAsync());

        h.FakeClock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(h.HasPendingCall);
        h.FakeClock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await h.NextCallAsync()).Index);
        Assert.Equal(1, h.Counter(h.Metrics.ReconcileTotal, "Dataset", ControllerMetrics.ResultRequeue));
    }

    [Fact]
    public async Task Watch_OwnStatusWrite_DoesNotReconcileAgainButSpecChangeDoes()
    {
        ControllerHarness? self = null;
        await using var h = self = new ControllerHarness(async (i, seen, ct) =>
        {
            await self!.Store.UpdateStatusIfChangedAsync(seen!, new DatasetStatus { Phase = $"Pass{i}" }, ct);
            return ReconcileResult.Done;
        }, seed: KubeSamples.Dataset());
        h.Start();
        await h.NextCallAsync();

        var ds = h.Kube.Get<Dataset>(Key)!;
        ds.Spec = ds.Spec with { Parallelism = 2 };
        await h.Store.UpdateAsync(ds, default);
        var second = await h.NextCallAsync();
        Assert.Equal(2, second.Seen!.Spec.Parallelism);

        await Annotate(h, "marker");
        var third = await h.NextCallAsync();
        // Had a status write echoed back into the queue, an extra reconcile would come before the marker one.
        Assert.Equal((3, "marker"), (third.Index, Annotations.ReconcileRequestedAt(third.Seen!)));
        Assert.Equal(3, h.Kube.Writes<Dataset>(Fakes.KubeOperation.UpdateStatus));
    }

    [Fact]
    public async Task Watch_OwnedJobChanges_EnqueueTheOwningDataset()
    {
        await using var h = new ControllerHarness((_, _, _) => Task.FromResult(ReconcileResult.Done), seed: KubeSamples.Dataset());
        h.Controller.Owns<V1Job>(KubeResources.Job);
        h.Start();
        await h.NextCallAsync();

        var owner = h.Kube.Get<Dataset>(Key)!;
        var jobs = h.Kube.Store<V1Job>();
        var job = await jobs.CreateAsync(new V1Job
        {
            Metadata = new V1ObjectMeta { Name = "aquarium-prepare", NamespaceProperty = "ml", OwnerReferences = [owner.ControllerReference()] },
        }, default);
        Assert.Equal(Key, (await h.NextCallAsync()).Key);

        job.Status = new V1JobStatus { Succeeded = 1 };
        await jobs.UpdateStatusAsync(job, default);
        Assert.Equal((3, Key), ((await h.NextCallAsync()).Index, Key));
    }

    [Fact]
    public async Task Watches_AReferencedObjectChanges_EnqueuesTheReferringPrimary()
    {
        await using var h = new ControllerHarness((_, _, _) => Task.FromResult(ReconcileResult.Done), seed: KubeSamples.Dataset());
        // A Job stands in for any kind referred to by name; its label names the Dataset that refers to it.
        h.Controller.Watches<V1Job>(KubeResources.Job, (job, cached) =>
            cached.Where(d => d.Metadata.Name == job.Metadata.Labels?["referred-by"]).Select(ObjectKey.Of));
        h.Start();
        await h.NextCallAsync();

        var jobs = h.Kube.Store<V1Job>();
        await jobs.CreateAsync(new V1Job
        {
            Metadata = new V1ObjectMeta { Name = "unrelated", NamespaceProperty = "ml", Labels = new Dictionary<string, string> { ["referred-by"] = "nobody" } },
        }, default);
        await jobs.CreateAsync(new V1Job
        {
            Metadata = new V1ObjectMeta { Name = "referenced", NamespaceProperty = "ml", Labels = new Dictionary<string, string> { ["referred-by"] = Key.Name } },
        }, default);

        Assert.Equal((2, Key), ((await h.NextCallAsync()).Index, Key));
    }

    [Fact]
    public async Task Watch_Delete_ReconcilesTheGoneKey()
    {
        await using var h = new ControllerHarness((_, _, _) => Task.FromResult(ReconcileResult.Done), seed: KubeSamples.Dataset());
        h.Start();
        await h.NextCallAsync();
        await h.Store.DeleteAsync(Key, default);
        var call = await h.NextCallAsync();
        Assert.Null(call.Seen);
    }

    [Fact]
    public async Task Watch_HistoryExpired_RelistsAndStillSeesChanges()
    {
        await using var h = new ControllerHarness((_, _, _) => Task.FromResult(ReconcileResult.Done), seed: KubeSamples.Dataset());
        h.Start();
        await h.NextCallAsync();

        h.Kube.ExpireHistory();
        await h.Store.CreateAsync(KubeSamples.Dataset("second"), default);
        h.Kube.EndWatches();
        Assert.Equal(new ObjectKey("ml", "second"), (await h.NextCallAsync()).Key);
    }

    [Fact]
    public async Task Metrics_ObjectsGaugeCountsCachedPhases()
    {
        await using var h = new ControllerHarness((_, _, _) => Task.FromResult(ReconcileResult.Done), seed:
            [KubeSamples.Dataset("a", phase: "Ready"), KubeSamples.Dataset("b", phase: "Ready"), KubeSamples.Dataset("c", phase: "Pending")]);
        h.Start();
        for (var i = 0; i < 3; i++)
            await h.NextCallAsync();

        using var sink = new MemoryStream();
        await h.Metrics.Registry.CollectAndExportAsTextAsync(sink);
        Assert.Equal(2, h.Metrics.Objects.WithLabels("Dataset", "Ready").Value);
        Assert.Equal(1, h.Metrics.Objects.WithLabels("Dataset", "Pending").Value);
        Assert.True(h.Controller.HasSynced);
    }

    [Fact]
    public async Task Shutdown_WaitsForInFlightReconcileWithoutCancellingIt()
    {
        var release = new TaskCompletionSource<ReconcileResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var h = new ControllerHarness((_, _, ct) => { entered.TrySetResult(ct); return release.Task; }, seed: KubeSamples.Dataset());
        h.Start();
        var token = await entered.Task.WaitAsync(ControllerHarness.Guard);

        var stopping = h.StopAsync();
        Assert.False(stopping.IsCompleted);
        release.SetResult(ReconcileResult.Done);
        await stopping;
        Assert.False(token.IsCancellationRequested);
    }

    [Fact]
    public async Task Shutdown_InFlightReconcilePastTimeout_IsCancelled()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var h = new ControllerHarness(async (_, _, ct) =>
        {
            entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return ReconcileResult.Done;
        }, new ControllerOptions { Workers = 1, ShutdownTimeout = TimeSpan.FromMilliseconds(50) }, TimeProvider.System, seed: KubeSamples.Dataset());
        h.Start();
        await entered.Task.WaitAsync(ControllerHarness.Guard);
        await h.StopAsync();
        Assert.Equal(0, h.Counter(h.Metrics.ReconcileErrors, "Dataset", Reasons.Retrying));
    }

    [Fact]
    public async Task Manager_IsReadyOnlyAfterCachesSynced()
    {
        var kube = new Fakes.InMemoryKube(KubeSamples.Dataset());
        var manager = new ControllerManager(kube, ["ml"], TimeProvider.System, NullLoggerFactory.Instance, new ControllerMetrics(Metrics.NewCustomRegistry()));
        var reconciled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        manager.Register(KubeResources.Dataset, new LambdaReconciler(() => reconciled.TrySetResult())).Owns<V1Job>(KubeResources.Job);
        Assert.False(manager.IsReady);

        using var cts = new CancellationTokenSource();
        var run = manager.RunAsync(cts.Token);
        await reconciled.Task.WaitAsync(ControllerHarness.Guard);
        await WaitForAsync(() => manager.IsReady);
        await cts.CancelAsync();
        await run.WaitAsync(ControllerHarness.Guard);
        Assert.False(manager.IsReady);
    }

    private static async Task Annotate(ControllerHarness h, string value)
    {
        var ds = h.Kube.Get<Dataset>(Key)!;
        ds.Metadata.Annotations = new Dictionary<string, string> { [Annotations.ReconcileRequestedAtName] = value };
        await h.Store.UpdateAsync(ds, default);
    }

    // The owned informer may list a moment after the primary one; readiness is a level, not an event, so poll it briefly.
    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + ControllerHarness.Guard;
        while (!condition() && DateTime.UtcNow < deadline)
            await Task.Yield();
        Assert.True(condition());
    }

    private sealed class LambdaReconciler(Action onCall) : IReconciler<Dataset>
    {
        public Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct)
        {
            onCall();
            return Task.FromResult(ReconcileResult.Done);
        }
    }
}
