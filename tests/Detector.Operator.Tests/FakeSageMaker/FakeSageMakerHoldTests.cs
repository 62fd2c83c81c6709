namespace Detector.Operator.Tests.FakeSageMakerTests;

public sealed class FakeSageMakerHoldTests : FakeSageMakerSession
{
    [SkippableFact]
    public async Task HoldNextAnswer_Fail_CommitsTheCallThenAnswersTheErrorInstead()
    {
        var hold = Sm.HoldNextAnswer("CreateTrainingJob");

        var call = Client.CallAsync("CreateTrainingJob", SageMakerRequests.TrainingJob("job"));
        await hold.Committed.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(call.IsCompleted);
        Assert.Equal(["job"], Sm.TrainingJobs);
        Assert.Equal(1, Sm.CreateCount("CreateTrainingJob"));
        hold.Fail(400, "AnswerLost", "lost");
        var lost = await call;
        var retry = await Client.CallAsync("CreateTrainingJob", SageMakerRequests.TrainingJob("job"));

        Assert.Equal((400, "AnswerLost"), (lost.Status, lost.Code));
        Assert.Equal("ResourceInUse", retry.Code);   // The hold took one call; the retry meets what it made.
        Assert.Equal(1, Sm.CreateCount("CreateTrainingJob"));
    }

    [SkippableFact]
    public async Task HoldNextAnswer_Release_SendsTheRealAnswerAndSkipsCallsThatDidNotCommit()
    {
        await Client.OkAsync("CreateTrainingJob", SageMakerRequests.TrainingJob("first"));
        var hold = Sm.HoldNextAnswer("CreateTrainingJob");

        var refused = await Client.CallAsync("CreateTrainingJob", SageMakerRequests.TrainingJob("first"));   // Not committed: not held.
        var call = Client.CallAsync("CreateTrainingJob", SageMakerRequests.TrainingJob("second"));
        await hold.Committed.WaitAsync(TimeSpan.FromSeconds(30));
        hold.Release();
        var created = await call;

        Assert.Equal("ResourceInUse", refused.Code);
        Assert.Equal(200, created.Status);
        Assert.EndsWith("training-job/second", created.Body["TrainingJobArn"]?.GetValue<string>());
    }
}
