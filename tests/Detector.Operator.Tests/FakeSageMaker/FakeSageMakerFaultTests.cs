using System.Text.Json.Nodes;
using Detector.Operator.Tests.Fakes.SageMaker;

namespace Detector.Operator.Tests.FakeSageMakerTests;

public sealed class FakeSageMakerFaultTests : FakeSageMakerSession
{
    private static readonly JsonObject s_describe = new() { ["TrainingJobName"] = "ghost" };

    [SkippableFact]
    public async Task InjectThrottling_HalfTheCalls_ThrottlesAboutHalfDeterministically()
    {
        var codes = await Run(seed: 7);
        var again = await Run(seed: 7);

        var throttled = codes.Count(c => c == "ThrottlingException");
        Assert.InRange(throttled, 70, 130);
        Assert.Equal(codes, again);
        Assert.All(codes, c => Assert.Contains(c, new[] { "ThrottlingException", "ValidationException" }));
        Assert.Contains(Sm.Requests, r => r is { StatusCode: 400, ErrorCode: "ThrottlingException", ErrorMessage: "Rate exceeded" });
        Assert.Empty(Sm.ValidationFailures);
    }

    [SkippableFact]
    public async Task FailNext_QueuesOneErrorForThatOperation()
    {
        Sm.FailNext("DescribeTrainingJob", 503, "ServiceUnavailable", "Service is unavailable");

        var other = await Client.CallAsync("DescribeHyperParameterTuningJob", new JsonObject { ["HyperParameterTuningJobName"] = "x" });
        var failed = await Client.CallAsync("DescribeTrainingJob", s_describe);
        var next = await Client.CallAsync("DescribeTrainingJob", s_describe);

        Assert.Equal("ResourceNotFound", other.Code);
        Assert.Equal((503, "ServiceUnavailable"), (failed.Status, failed.Code));
        Assert.Equal("ValidationException", next.Code);
    }

    [SkippableFact]
    public async Task FailNextAfterCommit_CreatesTheJobButLosesTheAnswer()
    {
        Sm.FailNextAfterCommit("CreateTrainingJob", 500, "InternalFailure", "We encountered an internal error. Please try again.");

        var lost = await Client.CallAsync("CreateTrainingJob", SageMakerRequests.TrainingJob("job"));
        var retry = await Client.CallAsync("CreateTrainingJob", SageMakerRequests.TrainingJob("job"));

        Assert.Equal((500, "InternalFailure"), (lost.Status, lost.Code));
        Assert.Equal("ResourceInUse", retry.Code);
        Assert.Equal(["job"], Sm.TrainingJobs);
        Assert.Equal(1, Sm.CreateCount("CreateTrainingJob"));
    }

    [SkippableFact]
    public async Task InjectServerErrors_AllCalls_Answers500InternalFailure()
    {
        Sm.InjectServerErrors(1.0, seed: 3);

        var answer = await Client.CallAsync("DescribeTrainingJob", s_describe);

        Assert.Equal((500, "InternalFailure"), (answer.Status, answer.Code));
    }

    [SkippableFact]
    public async Task SetLatency_OnTheFakeClock_AnswersOnlyAfterTheClockMoves()
    {
        Sm.SetLatency(TimeSpan.FromSeconds(5));

        var parked = Sm.NextDelayStarted;
        var call = Client.CallAsync("DescribeTrainingJob", s_describe);
        await parked;
        Sm.Advance(TimeSpan.FromSeconds(4));
        var early = call.IsCompleted;
        Sm.Advance(TimeSpan.FromSeconds(1));
        var answer = await call;

        Assert.False(early);
        Assert.Equal("ValidationException", answer.Code);
    }

    private async Task<List<string?>> Run(int seed)
    {
        Sm.InjectThrottling(0.5, seed);
        var codes = new List<string?>();
        for (var i = 0; i < 200; i++)
            codes.Add((await Client.CallAsync("DescribeTrainingJob", s_describe)).Code);
        Sm.InjectThrottling(0);
        return codes;
    }
}
