using System.Text.Json.Nodes;
using Detector.Operator.Tests.Fakes.SageMaker;

namespace Detector.Operator.Tests.FakeSageMakerTests;

public sealed class FakeSageMakerFaultTests : IAsyncLifetime
{
    private static readonly JsonObject s_describe = new() { ["TrainingJobName"] = "ghost" };
    private FakeSageMaker _sm = null!;
    private SageMakerTestClient _client = null!;

    public async Task InitializeAsync()
    {
        _sm = await FakeSageMaker.StartAsync();
        _client = new SageMakerTestClient(_sm);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        var problems = _sm.ResponseProblems;
        await _sm.DisposeAsync();
        Assert.Empty(problems);
    }

    [SkippableFact]
    public async Task InjectThrottling_HalfTheCalls_ThrottlesAboutHalfDeterministically()
    {
        var codes = await Run(seed: 7);
        var again = await Run(seed: 7);

        var throttled = codes.Count(c => c == "ThrottlingException");
        Assert.InRange(throttled, 70, 130);
        Assert.Equal(codes, again);
        Assert.All(codes, c => Assert.Contains(c, new[] { "ThrottlingException", "ValidationException" }));
        Assert.Contains(_sm.Requests, r => r is { StatusCode: 400, ErrorCode: "ThrottlingException", ErrorMessage: "Rate exceeded" });
        Assert.Empty(_sm.ValidationFailures);
    }

    [SkippableFact]
    public async Task FailNext_QueuesOneErrorForThatOperation()
    {
        _sm.FailNext("DescribeTrainingJob", 503, "ServiceUnavailable", "Service is unavailable");

        var other = await _client.CallAsync("DescribeHyperParameterTuningJob", new JsonObject { ["HyperParameterTuningJobName"] = "x" });
        var failed = await _client.CallAsync("DescribeTrainingJob", s_describe);
        var next = await _client.CallAsync("DescribeTrainingJob", s_describe);

        Assert.Equal("ResourceNotFound", other.Code);
        Assert.Equal((503, "ServiceUnavailable"), (failed.Status, failed.Code));
        Assert.Equal("ValidationException", next.Code);
    }

    [SkippableFact]
    public async Task FailNextAfterCommit_CreatesTheJobButLosesTheAnswer()
    {
        _sm.FailNextAfterCommit("CreateTrainingJob", 500, "InternalFailure", "We encountered an internal error. Please try again.");

        var lost = await _client.CallAsync("CreateTrainingJob", SageMakerRequests.TrainingJob("job"));
        var retry = await _client.CallAsync("CreateTrainingJob", SageMakerRequests.TrainingJob("job"));

        Assert.Equal((500, "InternalFailure"), (lost.Status, lost.Code));
        Assert.Equal("ResourceInUse", retry.Code);
        Assert.Equal(["job"], _sm.TrainingJobs);
        Assert.Equal(1, _sm.CreateCount("CreateTrainingJob"));
    }

    [SkippableFact]
    public async Task InjectServerErrors_AllCalls_Answers500InternalFailure()
    {
        _sm.InjectServerErrors(1.0, seed: 3);

        var answer = await _client.CallAsync("DescribeTrainingJob", s_describe);

        Assert.Equal((500, "InternalFailure"), (answer.Status, answer.Code));
    }

    [SkippableFact]
    public async Task SetLatency_OnTheFakeClock_AnswersOnlyAfterTheClockMoves()
    {
        _sm.SetLatency(TimeSpan.FromSeconds(5));

        var parked = _sm.NextDelayStarted;
        var call = _client.CallAsync("DescribeTrainingJob", s_describe);
        await parked;
        _sm.Advance(TimeSpan.FromSeconds(4));
        var early = call.IsCompleted;
        _sm.Advance(TimeSpan.FromSeconds(1));
        var answer = await call;

        Assert.False(early);
        Assert.Equal("ValidationException", answer.Code);
    }

    private async Task<List<string?>> Run(int seed)
    {
        _sm.InjectThrottling(0.5, seed);
        var codes = new List<string?>();
        for (var i = 0; i < 200; i++)
            codes.Add((await _client.CallAsync("DescribeTrainingJob", s_describe)).Code);
        _sm.InjectThrottling(0);
        return codes;
    }
}
