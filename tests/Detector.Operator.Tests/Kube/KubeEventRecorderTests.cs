using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.Fakes;
using Detector.Operator.Tests.Runtime;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Detector.Operator.Tests.Kube;

public sealed class KubeEventRecorderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Record_NewEvent_WritesInvolvedObjectAndSource()
    {
        var (kube, recorder, _) = Create();
        var ds = Owner();
        await recorder.RecordAsync(ds, EventTypes.Normal, "JobCreated", "Created preparation Job aquarium-prepare", default);

        var evt = Assert.Single(kube.All<Corev1Event>());
        Assert.Equal(("Dataset", "aquarium", "ml", "uid-1"), (evt.InvolvedObject.Kind, evt.InvolvedObject.Name, evt.InvolvedObject.NamespaceProperty, evt.InvolvedObject.Uid));
        Assert.Equal((EventTypes.Normal, "JobCreated", "detector", 1), (evt.Type, evt.Reason, evt.Source.Component, evt.Count!.Value));
        Assert.Equal(Start.UtcDateTime, evt.FirstTimestamp);
        Assert.Equal("ml", evt.Metadata.NamespaceProperty);
    }

    [Fact]
    public async Task Record_SameEventAgain_BumpsCountAndLastTimestamp()
    {
        var (kube, recorder, clock) = Create();
        await recorder.RecordAsync(Owner(), EventTypes.Warning, "JobFailed", "Preparation failed", default);
        clock.Advance(TimeSpan.FromMinutes(1));
        await recorder.RecordAsync(Owner(), EventTypes.Warning, "JobFailed", "Preparation failed", default);

        var evt = Assert.Single(kube.All<Corev1Event>());
        Assert.Equal((2, Start.UtcDateTime, Start.AddMinutes(1).UtcDateTime), (evt.Count!.Value, evt.FirstTimestamp!.Value, evt.LastTimestamp!.Value));
    }

    [Fact]
    public async Task Record_ApiFails_DoesNotThrow()
    {
        var (kube, recorder, _) = Create();
        kube.FailNext<Corev1Event>(KubeOperation.Get);
        await recorder.RecordAsync(Owner(), EventTypes.Normal, "X", "y", default);
        Assert.Empty(kube.All<Corev1Event>());
    }

    [Fact]
    public async Task Normal_FireAndForget_FlushWaitsForTheWrite()
    {
        var (kube, recorder, _) = Create();
        recorder.Normal(Owner(), "Ready", "Dataset is ready");
        await recorder.FlushAsync();
        Assert.Equal("Ready", Assert.Single(kube.All<Corev1Event>()).Reason);
    }

    [Fact]
    public async Task Record_AggregatedByReason_SameReasonNewMessage_BumpsOneEventAndKeepsTheNewestMessage()
    {
        var clock = new FakeTimeProvider(Start);
        var kube = new InMemoryKube(clock);
        var recorder = new KubeEventRecorder(kube.Store<Corev1Event>(), clock, NullLogger<KubeEventRecorder>.Instance, "pod-a", aggregateByReason: true);
        await recorder.RecordAsync(Owner(), EventTypes.Warning, "Retrying", "Network error: connection refused", default);
        clock.Advance(TimeSpan.FromMinutes(2));
        await recorder.RecordAsync(Owner(), EventTypes.Warning, "Retrying", "The API server answered 503: etcdserver: request timed out", default);

        var evt = Assert.Single(kube.All<Corev1Event>());
        Assert.Equal((2, "The API server answered 503: etcdserver: request timed out"), (evt.Count!.Value, evt.Message));
        Assert.Equal((Start.UtcDateTime, Start.AddMinutes(2).UtcDateTime), (evt.FirstTimestamp!.Value, evt.LastTimestamp!.Value));
    }

    [Fact]
    public async Task Record_ByMessage_SameReasonNewMessage_IsASecondEvent()
    {
        var (kube, recorder, _) = Create();
        await recorder.RecordAsync(Owner(), EventTypes.Normal, "JobCreated", "Created Job a-prep", default);
        await recorder.RecordAsync(Owner(), EventTypes.Normal, "JobCreated", "Created Job a-merge", default);
        Assert.Equal(2, kube.All<Corev1Event>().Count);
    }

    [Theory]
    [InlineData("key AKIAABCDEFGHIJKLMNOP leaked", "key [REDACTED] leaked")]
    [InlineData("aws_secret_access_key=abc/def+ghi", "aws_secret_access_key=[REDACTED]")]
    [InlineData("Job failed: exit code 1", "Job failed: exit code 1")]
    public void Redact_BlanksSecrets(string message, string expected) => Assert.Equal(expected, KubeEventRecorder.Redact(message));

    private static (InMemoryKube Kube, KubeEventRecorder Recorder, FakeTimeProvider Clock) Create()
    {
        var clock = new FakeTimeProvider(Start);
        var kube = new InMemoryKube(clock);
        return (kube, new KubeEventRecorder(kube.Store<Corev1Event>(), clock, NullLogger<KubeEventRecorder>.Instance, "pod-a"), clock);
    }

    private static Dataset Owner()
    {
        var ds = KubeSamples.Dataset();
        ds.Metadata.Uid = "uid-1";
        return ds;
    }
}
