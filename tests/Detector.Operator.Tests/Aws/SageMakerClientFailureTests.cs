using Amazon.Runtime;
using Detector.Operator.Aws;
using Microsoft.Extensions.Time.Testing;

namespace Detector.Operator.Tests.Aws;

/// <summary>Network failures, timeouts and cancellation, through an in-process handler (no sockets, no sleeps).</summary>
public class SageMakerClientFailureTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly List<TimeSpan> _delays = [];

    [Fact]
    public async Task Call_ConnectionRefusedThenOk_RetriesTheNetworkError()
    {
        var handler = new ScriptedHandler((call, _, _) => call == 0
            ? throw new HttpRequestException("Connection refused")
            : Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("{}") }));
        using var client = Client(handler);

        await client.StopTrainingJobAsync(new() { TrainingJobName = "j" });

        Assert.Equal(2, handler.Calls);
        Assert.Single(_delays);
    }

    [Fact]
    public async Task Call_NetworkDownEveryTime_ThrowsTransientNetworkErrorNamingTheHost()
    {
        var handler = new ScriptedHandler((_, _, _) => throw new HttpRequestException("Name or service not known"));
        using var client = Client(handler, maxRetries: 2);

        var error = await Assert.ThrowsAsync<SageMakerException>(() => client.StopTrainingJobAsync(new() { TrainingJobName = "j" }));

        Assert.Equal((SageMakerErrorKind.Transient, "NetworkError", 0), (error.Kind, error.ErrorCode, error.StatusCode));
        Assert.Contains("sagemaker.test:8443", error.Message);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public async Task Call_NoResponseWithinTimeout_ThrowsTransientRequestTimeout()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new ScriptedHandler(async (_, _, ct) =>
        {
            entered.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            throw new InvalidOperationException("unreachable");
        });
        using var client = Client(handler, maxRetries: 0);

        var call = client.DescribeTrainingJobAsync(new() { TrainingJobName = "j" });
        await entered.Task;
        _clock.Advance(TimeSpan.FromSeconds(30));
        var error = await Assert.ThrowsAsync<SageMakerException>(() => call);

        Assert.Equal((SageMakerErrorKind.Transient, "RequestTimeout"), (error.Kind, error.ErrorCode));
        Assert.Contains("DescribeTrainingJob", error.Message);
    }

    [Fact]
    public async Task Call_CallerCancelsInFlight_ThrowsOperationCanceledNotSageMakerException()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new ScriptedHandler(async (_, _, ct) =>
        {
            entered.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            throw new InvalidOperationException("unreachable");
        });
        using var client = Client(handler);
        using var cts = new CancellationTokenSource();

        var call = client.DescribeTrainingJobAsync(new() { TrainingJobName = "j" }, cts.Token);
        await entered.Task;
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Call_CancelledDuringBackoff_StopsRetrying()
    {
        using var cts = new CancellationTokenSource();
        var handler = new ScriptedHandler((_, _, _) => Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable)));
        using var client = Client(handler, delay: async (_, ct) =>
        {
            await cts.CancelAsync();
            ct.ThrowIfCancellationRequested();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.StopTrainingJobAsync(new() { TrainingJobName = "j" }, cts.Token));
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Call_SuccessWithBodyOfAnotherShape_ThrowsInvalidResponse()
    {
        var handler = new ScriptedHandler((_, _, _) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("""{"CreationTime":"soon"}""") }));
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<SageMakerException>(() => client.DescribeTrainingJobAsync(new() { TrainingJobName = "j" }));

        Assert.Equal(("InvalidResponse", SageMakerErrorKind.Other), (error.ErrorCode, error.Kind));
    }

    [Theory]
    [InlineData("ftp://sagemaker.test/")]
    public void Create_NonHttpEndpoint_NamesIt(string url)
    {
        var error = Assert.Throws<ArgumentException>(() => SageMakerClient.Create(new() { Region = "us-east-1", ServiceUrl = new Uri(url) }));
        Assert.Contains(url, error.Message);
    }

    [Fact]
    public void Create_NoServiceUrl_UsesTheRegionsHost() =>
        Assert.Equal(new Uri("https://api.sagemaker.cn-north-1.amazonaws.com.cn/"),
            SageMakerClient.Create(new() { Region = "cn-north-1", Credentials = new BasicAWSCredentials("a", "b") }).ServiceUrl);

    private SageMakerClient Client(ScriptedHandler handler, int maxRetries = 3, Func<TimeSpan, CancellationToken, Task>? delay = null) =>
        SageMakerClient.Create(new SageMakerClientOptions
        {
            Region = "eu-west-1",
            ServiceUrl = new Uri("https://sagemaker.test:8443/"),
            Credentials = new BasicAWSCredentials("AKID", "SECRET"),
            Handler = handler,
            MaxRetries = maxRetries,
            RequestsPerSecond = 0,
            TimeProvider = _clock,
            Jitter = () => 0.5,
            Delay = delay ?? ((d, _) =>
            {
                _delays.Add(d);
                return Task.CompletedTask;
            }),
        });
}

/// <summary>An HTTP handler answering from a script (call index, request, cancellation) → response.</summary>
internal sealed class ScriptedHandler(Func<int, HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond)
    : HttpMessageHandler
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        respond(Interlocked.Increment(ref _calls) - 1, request, cancellationToken);
}
