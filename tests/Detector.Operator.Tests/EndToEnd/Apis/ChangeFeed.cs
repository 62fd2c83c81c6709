using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.EndToEnd.Apis;

/// <summary>
/// Watches resources of the test's namespaces on the real server (list, then watch from its resourceVersion; relist on
/// 410 Gone or a closed stream) and signals every change, so a test's wait re-checks its condition exactly when
/// something happened, never on a timer. The objects themselves are read from the server when the condition runs.
/// </summary>
public sealed class ChangeFeed : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Starts watching; call <see cref="StartAsync"/> to wait until every watch is open.</summary>
    public ChangeFeed(HttpClient adminHttp) => _http = adminHttp;

    /// <summary>Completes at the next change (watch event, or a <see cref="Signal"/> from another source).</summary>
    public Task NextChange
    {
        get
        {
            lock (_stop)
                return _next.Task;
        }
    }

    /// <summary>Wakes every waiter (also called for changes outside the server, e.g. a logged request).</summary>
    public void Signal()
    {
        TaskCompletionSource previous;
        lock (_stop)
            (previous, _next) = (_next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        previous.TrySetResult();
    }

    /// <summary>Opens a watch per (resource, namespace) and returns when each has listed once.</summary>
    public async Task StartAsync(IEnumerable<(RestResource Resource, string Namespace)> watched)
    {
        var listed = new List<Task>();
        foreach (var (resource, ns) in watched)
        {
            var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            listed.Add(first.Task);
            _loops.Add(Task.Run(() => WatchLoopAsync(resource.CollectionPath(ns), first)));
        }
        await Task.WhenAll(listed).WaitAsync(TimeSpan.FromSeconds(30));
    }

    private async Task WatchLoopAsync(string path, TaskCompletionSource listed)
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                var list = JsonNode.Parse(await _http.GetStringAsync(path, token))!;
                var version = list["metadata"]?["resourceVersion"]?.GetValue<string>();
                listed.TrySetResult();
                Signal();
                using var response = await _http.GetAsync($"{path}?watch=true&allowWatchBookmarks=true&resourceVersion={version}",
                    HttpCompletionOption.ResponseHeadersRead, token);
                response.EnsureSuccessStatusCode();
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(token));
                while (await reader.ReadLineAsync(token) is { } line)
                {
                    var type = JsonNode.Parse(line)?["type"]?.GetValue<string>();
                    if (type == "ERROR")
                        break;   // e.g. 410 Gone: list again.
                    if (type != "BOOKMARK")
                        Signal();
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or System.Text.Json.JsonException)
            {
                if (token.IsCancellationRequested)
                    return;
                // The server restarted a watch or a read failed: list again after a breath.
                await Task.Delay(100, CancellationToken.None);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_loops).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
        }
        _stop.Dispose();
    }
}
