using System.Text.Json.Nodes;
using Detector.Operator.Tests.Fakes.SageMaker;

namespace Detector.Operator.Tests.FakeSageMakerTests;

public sealed class FakeSageMakerTuningTests : FakeSageMakerSession
{
    private static readonly TimeSpan s_childDuration = new TrainingTimings().Total;

    [SkippableFact]
    public async Task TuningJob_SpawnsChildrenPerParallelLimitAndPicksTheBest()
    {
        await Client.OkAsync("CreateHyperParameterTuningJob", SageMakerRequests.TuningJob("tune", maxJobs: 5, parallel: 2));

        var atStart = await Describe("tune");
        Sm.Advance(s_childDuration);
        var afterFirstWave = await Describe("tune");
        Sm.Advance(s_childDuration * 2);
        var done = await Describe("tune");

        Assert.Equal((2, 0), (Counter(atStart, "InProgress"), Counter(atStart, "Completed")));
        Assert.Equal((2, 2), (Counter(afterFirstWave, "InProgress"), Counter(afterFirstWave, "Completed")));
        Assert.Equal(("Completed", 5, 0), (Text(done, "HyperParameterTuningJobStatus"), Counter(done, "Completed"), Counter(done, "InProgress")));
        Assert.Equal(5, done["ObjectiveStatusCounters"]!["Succeeded"]!.GetValue<int>());
        var children = Sm.TrainingJobs;
        Assert.Equal(5, children.Count);
        Assert.All(children, c => Assert.Matches("^tune-00[1-5]-[0-9a-f]{8}$", c));
        var metrics = children.ToDictionary(c => c, c => Sm.TrainingJob(c)!["FinalMetricDataList"]![0]!["Value"]!.GetValue<double>());
        var best = done["BestTrainingJob"]!;
        Assert.Equal(metrics.MaxBy(m => m.Value).Key, Text(best, "TrainingJobName"));
        Assert.Equal(metrics.Values.Max(), best["FinalHyperParameterTuningJobObjectiveMetric"]!["Value"]!.GetValue<double>());
        Assert.Equal("validation:mAP", Text(best["FinalHyperParameterTuningJobObjectiveMetric"]!, "MetricName"));
        var tuned = best["TunedHyperParameters"]!.AsObject();
        Assert.Equal(["learning_rate", "mini_batch_size", "optimizer"], tuned.Select(p => p.Key));
        Assert.InRange(int.Parse(Text(tuned, "mini_batch_size"), System.Globalization.CultureInfo.InvariantCulture), 8, 64);
        var child = Sm.TrainingJob(Text(best, "TrainingJobName"))!;
        Assert.Equal("7", Text(child["HyperParameters"]!, "num_classes"));
        Assert.Equal("arn:aws:sagemaker:us-east-1:123456789012:hyper-parameter-tuning-job/tune", Text(child, "TuningJobArn"));
        Assert.Empty(Sm.ResponseProblems);
        Assert.Empty(Sm.ValidationFailures);
    }

    [SkippableFact]
    public async Task ListTrainingJobsForTuningJob_SortsByMetricAndPaginates()
    {
        await Client.OkAsync("CreateHyperParameterTuningJob", SageMakerRequests.TuningJob("tune", maxJobs: 5, parallel: 5));
        Sm.Advance(s_childDuration);

        var first = await Client.OkAsync("ListTrainingJobsForHyperParameterTuningJob", new JsonObject
        {
            ["HyperParameterTuningJobName"] = "tune", ["SortBy"] = "FinalObjectiveMetricValue", ["SortOrder"] = "Descending", ["MaxResults"] = 3,
        });
        var second = await Client.OkAsync("ListTrainingJobsForHyperParameterTuningJob", new JsonObject
        {
            ["HyperParameterTuningJobName"] = "tune", ["SortBy"] = "FinalObjectiveMetricValue", ["SortOrder"] = "Descending", ["MaxResults"] = 3,
            ["NextToken"] = Text(first, "NextToken"),
        });

        var values = first["TrainingJobSummaries"]!.AsArray().Concat(second["TrainingJobSummaries"]!.AsArray())
            .Select(s => s!["FinalHyperParameterTuningJobObjectiveMetric"]!["Value"]!.GetValue<double>()).ToList();
        Assert.Equal(5, values.Count);
        Assert.Equal(values.OrderDescending(), values);
        Assert.Null(second["NextToken"]);
    }

    [SkippableFact]
    public async Task StopTuningJob_StopsRunningChildrenAndEndsStopped()
    {
        await Client.OkAsync("CreateHyperParameterTuningJob", SageMakerRequests.TuningJob("tune", maxJobs: 4, parallel: 2));
        Sm.Advance(TimeSpan.FromMinutes(10));

        await Client.OkAsync("StopHyperParameterTuningJob", new JsonObject { ["HyperParameterTuningJobName"] = "tune" });
        var stopping = await Describe("tune");
        Sm.Advance(TimeSpan.FromMinutes(1));
        var stopped = await Describe("tune");

        Assert.Equal("Stopping", Text(stopping, "HyperParameterTuningJobStatus"));
        Assert.Equal(("Stopped", 2), (Text(stopped, "HyperParameterTuningJobStatus"), Counter(stopped, "Stopped")));
        Assert.All(Sm.TrainingJobs, c => Assert.Equal("Stopped", Text(Sm.TrainingJob(c)!, "TrainingJobStatus")));
        Assert.Equal(2, Sm.TrainingJobs.Count);
    }

    [SkippableFact]
    public async Task TuningJob_TargetMetricReached_StopsLaunching()
    {
        var body = SageMakerRequests.TuningJob("tune", maxJobs: 10, parallel: 1);
        // Every metric of the fake is at least 0.3, so the first child reaches the target.
        body["HyperParameterTuningJobConfig"]!["TuningJobCompletionCriteria"] = new JsonObject { ["TargetObjectiveMetricValue"] = 0.25 };
        await Client.OkAsync("CreateHyperParameterTuningJob", body);

        Sm.Advance(s_childDuration * 3);
        var done = await Describe("tune");

        Assert.Equal(("Completed", 1), (Text(done, "HyperParameterTuningJobStatus"), Sm.TrainingJobs.Count));
    }

    [SkippableFact]
    public async Task CreateTuningJob_ExistingName_IsResourceInUse()
    {
        await Client.OkAsync("CreateHyperParameterTuningJob", SageMakerRequests.TuningJob("tune"));

        var answer = await Client.CallAsync("CreateHyperParameterTuningJob", SageMakerRequests.TuningJob("tune"));

        Assert.Equal((400, "ResourceInUse", "A hyperparameter tuning job with the name, tune, already exists. Choose a different name."),
            (answer.Status, answer.Code, answer.Message));
    }

    [SkippableFact]
    public async Task DescribeTuningJob_Missing_IsResourceNotFound()
    {
        var answer = await Client.CallAsync("DescribeHyperParameterTuningJob", new JsonObject { ["HyperParameterTuningJobName"] = "ghost" });

        Assert.Equal((400, "ResourceNotFound", "Could not find hyperparameter tuning job ghost."), (answer.Status, answer.Code, answer.Message));
    }

    [SkippableTheory]
    [InlineData("hyperband early stopping", "TrainingJobEarlyStoppingType must be Off when the strategy is Hyperband (Hyperband stops jobs itself).")]
    [InlineData("momentum zero", "The range [0, 0.999] of momentum is outside its valid values (0, 1]")]
    [InlineData("static and tuned", "Hyperparameter(s) [optimizer] cannot be both static and tunable.")]
    [InlineData("wrong objective", "The objective metric validation:loss is not supported by the Object Detection algorithm; use validation:mAP.")]
    public async Task CreateTuningJob_BreaksASageMakerRule_IsValidationException(string breakage, string message)
    {
        var body = SageMakerRequests.TuningJob("tune");
        var config = body["HyperParameterTuningJobConfig"]!;
        switch (breakage)
        {
            case "hyperband early stopping":
                config["Strategy"] = "Hyperband";
                config["TrainingJobEarlyStoppingType"] = "Auto";
                break;
            case "momentum zero":
                config["ParameterRanges"]!["ContinuousParameterRanges"]!.AsArray().Add(new JsonObject { ["Name"] = "momentum", ["MinValue"] = "0", ["MaxValue"] = "0.999" });
                break;
            case "static and tuned":
                body["TrainingJobDefinition"]!["StaticHyperParameters"]!["optimizer"] = "sgd";
                break;
            case "wrong objective":
                config["HyperParameterTuningJobObjective"]!["MetricName"] = "validation:loss";
                break;
        }

        var answer = await Client.CallAsync("CreateHyperParameterTuningJob", body);

        Assert.Equal((400, "ValidationException", message), (answer.Status, answer.Code, answer.Message));
        Assert.Empty(Sm.TuningJobs);
    }

    private Task<JsonObject> Describe(string name) =>
        Client.OkAsync("DescribeHyperParameterTuningJob", new JsonObject { ["HyperParameterTuningJobName"] = name });

    private static int Counter(JsonNode job, string name) => job["TrainingJobStatusCounters"]![name]!.GetValue<int>();

    private static string Text(JsonNode node, string member) => node[member]!.GetValue<string>();
}
