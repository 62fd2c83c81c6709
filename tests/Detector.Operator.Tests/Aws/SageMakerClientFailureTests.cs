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

    [Fact]
    public async Task Call_CredentialRefreshFailsOnce_IsRetriedAsTransient()
    {
        var credentials = new FlakyCredentials(new AmazonClientException("Unable to reach the credentials endpoint"));
        var handler = new ScriptedHandler((_, request, _) =>
        {
            Assert.Contains("Credential=AKIDFLAKY/", request.Headers.NonValidated["Authorization"].ToString());
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("{}") });
        });
        using var client = SageMakerClient.Create(Options(handler) with { Credentials = credentials });

        await client.StopTrainingJobAsync(new() { TrainingJobName = "j" });

        Assert.Equal((2, 1), (credentials.Calls, handler.Calls));
        Assert.Single(_delays);
    }

    [Fact]
    public async Task Call_StsRefusesTheIdentity_ThrowsAccessDeniedWithoutRetry()
    {
        var refused = new AmazonServiceException("Not authorized to perform sts:AssumeRoleWithWebIdentity")
        {
            StatusCode = System.Net.HttpStatusCode.Forbidden,
        };
        var handler = new ScriptedHandler((_, _, _) => throw new InvalidOperationException("no call expected"));
        using var client = SageMakerClient.Create(Options(handler) with { Credentials = new FlakyCredentials(refused) });

        var error = await Assert.ThrowsAsync<SageMakerException>(() => client.StopTrainingJobAsync(new() { TrainingJobName = "j" }));

        Assert.Equal(("CredentialsRefreshFailed", SageMakerErrorKind.AccessDenied, 403), (error.ErrorCode, error.Kind, error.StatusCode));
        Assert.Contains("sts:AssumeRoleWithWebIdentity", error.Message);
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task Call_BestEffortClientWhoseRateLimitIsBusy_FailsAtOnceWithoutARequest()
    {
        var handler = new ScriptedHandler((_, _, _) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("{}") }));
        using var client = SageMakerClient.Create(Options(handler) with
        {
            RequestsPerSecond = 1, Burst = 1, MaxRateLimitWait = TimeSpan.FromMilliseconds(500),
        });

        await client.StopTrainingJobAsync(new() { TrainingJobName = "a" });                       // the burst token
        var error = await Assert.ThrowsAsync<SageMakerException>(() => client.StopTrainingJobAsync(new() { TrainingJobName = "b" }));

        Assert.Equal(("ClientRateLimited", SageMakerErrorKind.Throttling), (error.ErrorCode, error.Kind));
        Assert.Equal(1, handler.Calls);
        Assert.Empty(_delays);                                                                      // nobody was made to wait
        _clock.Advance(TimeSpan.FromSeconds(1));
        await client.StopTrainingJobAsync(new() { TrainingJobName = "c" });                       // refilled: sent
        Assert.Equal(2, handler.Calls);
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
        SageMakerClient.Create(Options(handler, maxRetries, delay));

    private SageMakerClientOptions Options(ScriptedHandler handler, int maxRetries = 3, Func<TimeSpan, CancellationToken, Task>? delay = null) =>
        new()
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
        };
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

/// <summary>Credentials whose first refresh fails, as an STS or container endpoint hiccup would.</summary>
internal sealed class FlakyCredentials(Exception firstFailure) : AWSCredentials
{
    private int _calls;

    public int Calls => _calls;

    public override ImmutableCredentials GetCredentials() =>
        Interlocked.Increment(ref _calls) == 1 ? throw firstFailure : new ImmutableCredentials("AKIDFLAKY", "secret", "token");
}
