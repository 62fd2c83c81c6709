using System.Threading.Channels;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runtime;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Detector.Operator.Tests.Runtime;

public sealed class InformerTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Run_WatchGoneWithChangesInTheGap_RelistsAndDeliversEveryAddUpdateDelete()
    {
        var source = new ScriptedWatchSource<Dataset>()
            .List("3", Obj("a", "1"), Obj("b", "2"), Obj("c", "3"))
            .Watch([new(WatchEventType.Modified, Obj("a", "4"))], new WatchGoneException("410"))
            // During the gap: a modified again, b deleted, d added; c unchanged.
            .List("8", Obj("a", "6"), Obj("c", "3"), Obj("d", "7"))
            .Watch([new(WatchEventType.Added, Obj("e", "9"))]);
        var (events, run, stop) = Start(source);

        var seen = await ReadAsync(events, 8);

        Assert.Equal(
            ["Added a 1", "Added b 2", "Added c 3", "Updated a 4", "Updated a 6", "Added d 7", "Deleted b 2", "Added e 9"],
            seen);
        Assert.Equal(["3", "8"], source.WatchedFrom);
        await stop();
        await run;
    }

    [Fact]
    public async Task Run_ErrorEvent_RelistsLikeGone()
    {
        var source = new ScriptedWatchSource<Dataset>()
            .List("1", Obj("a", "1"))
            .Watch([new(WatchEventType.Error, Obj("status", "0"))])
            .List("5", Obj("a", "5"));
        var (events, run, stop) = Start(source);

        Assert.Equal(["Added a 1", "Updated a 5"], await ReadAsync(events, 2));
        Assert.Equal(2, source.Lists);
        await stop();
        await run;
    }

    [Fact]
    public async Task Run_StreamEndsAfterBookmark_ResumesFromBookmarkVersionWithoutRelist()
    {
        var source = new ScriptedWatchSource<Dataset>()
            .List("1", Obj("a", "1"))
            .Watch([new(WatchEventType.Bookmark, Obj("", "40"))], ends: true)
            .Watch([new(WatchEventType.Deleted, Obj("a", "41"))]);
        var (events, run, stop) = Start(source);

        Assert.Equal(["Added a 1", "Deleted a 1"], await ReadAsync(events, 2));
        Assert.Equal(["1", "40"], source.WatchedFrom);
        Assert.Equal(1, source.Lists);
        await stop();
        await run;
    }

    [Fact]
    public async Task Run_ReplayedEventWithSameVersion_IsNotDeliveredTwice()
    {
        var source = new ScriptedWatchSource<Dataset>()
            .List("2", Obj("a", "2"))
            .Watch([new(WatchEventType.Modified, Obj("a", "2")), new(WatchEventType.Added, Obj("b", "3"))]);
        var (events, run, stop) = Start(source);

        Assert.Equal(["Added a 2", "Added b 3"], await ReadAsync(events, 2));
        await stop();
        await run;
    }

    private static (Channel<string> Events, Task Run, Func<Task> Stop) Start(ScriptedWatchSource<Dataset> source)
    {
        var events = Channel.CreateUnbounded<string>();
        var informer = new Informer<Dataset>(source,
            e => events.Writer.TryWrite($"{e.Type} {e.Object.Metadata.Name} {e.Object.Metadata.ResourceVersion}"),
            new FakeTimeProvider(), NullLogger.Instance);
        var cts = new CancellationTokenSource();
        var run = Task.Run(() => informer.RunAsync(cts.Token));
        return (events, run.WaitAsync(Guard), async () => { await cts.CancelAsync(); });
    }

    private static async Task<List<string>> ReadAsync(Channel<string> events, int count)
    {
        var seen = new List<string>();
        while (seen.Count < count)
            seen.Add(await events.Reader.ReadAsync().AsTask().WaitAsync(Guard));
        return seen;
    }

    private static Dataset Obj(string name, string rv)
    {
        var ds = KubeSamples.Dataset(name);
        ds.Metadata.ResourceVersion = rv;
        return ds;
    }
}
