using System.Text.Json.Nodes;
using Detector.Operator.Tests.Fakes.SageMaker;

namespace Detector.Operator.Tests.FakeSageMakerTests;

public sealed class FakeSageMakerTrainingTests : FakeSageMakerSession
{
    [SkippableFact]
    public async Task TrainingJob_AdvancedByTheClock_WalksTheSecondaryStatusesToCompleted()
    {
        var created = await Client.OkAsync("CreateTrainingJob", SageMakerRequests.TrainingJob("Aquarium-1"));
        var seen = new List<(string, string)>();
        foreach (var step in new[] { 0, 2, 3, 20, 1 })
        {
            Sm.Advance(TimeSpan.FromMinutes(step));
            var job = await Describe("Aquarium-1");
            seen.Add((Text(job, "TrainingJobStatus"), Text(job, "SecondaryStatus")));
        }

        Assert.Equal("arn:aws:sagemaker:us-east-1:123456789012:training-job/aquarium-1", Text(created, "TrainingJobArn"));
        Assert.Equal([("InProgress", "Starting"), ("InProgress", "Downloading"), ("InProgress", "Training"), ("InProgress", "Uploading"),
            ("Completed", "Completed")], seen);
        var done = await Describe("Aquarium-1");
        Assert.Equal("s3://data/models/Aquarium-1/output/model.tar.gz", done["ModelArtifacts"]!["S3ModelArtifacts"]!.GetValue<string>());
        var map = Assert.Single(done["FinalMetricDataList"]!.AsArray(), m => Text(m!, "MetricName") == "validation:mAP")!;
        Assert.InRange(map["Value"]!.GetValue<double>(), 0.3, 0.9);
        Assert.Equal((24 * 60L, 24 * 60L), (done["TrainingTimeInSeconds"]!.GetValue<long>(), done["BillableTimeInSeconds"]!.GetValue<long>()));
        Assert.Equal(["Starting", "Downloading", "Training", "Uploading", "Completed"],
            done["SecondaryStatusTransitions"]!.AsArray().Select(t => Text(t!, "Status")));
        var start = Sm.Clock.GetUtcNow().AddMinutes(-26).ToUnixTimeSeconds();
        Assert.Equal((start, start + 120, start + 26 * 60), (Seconds(done, "CreationTime"), Seconds(done, "TrainingStartTime"), Seconds(done, "TrainingEndTime")));
        Assert.Equal("7", done["HyperParameters"]!["num_classes"]!.GetValue<string>());
        Assert.Empty(Sm.ResponseProblems);
        Assert.Empty(Sm.ValidationFailures);
    }

    [SkippableFact]
    public async Task TrainingJob_SameHyperparameters_SameMetric()
    {
        await Client.OkAsync("CreateTrainingJob", SageMakerRequests.TrainingJob("a"));
        await Client.OkAsync("CreateTrainingJob", SageMakerRequests.TrainingJob("b"));
        var other = SageMakerRequests.TrainingJob("c");
        other["HyperParameters"]!["learning_rate"] = "0.01";
        await Client.OkAsync("CreateTrainingJob", other);
        Sm.Advance(TimeSpan.FromHours(1));

        var metrics = new List<double>();
        foreach (var name in new[] { "a", "b", "c" })
            metrics.Add((await Describe(name))["FinalMetricDataList"]![0]!["Value"]!.GetValue<double>());

        Assert.Equal(metrics[0], metrics[1]);
        Assert.NotEqual(metrics[0], metrics[2]);
    }

    [SkippableFact]
    public async Task TrainingJob_Spot_BillsLessThanItTrains()
    {
        await Client.OkAsync("CreateTrainingJob", SageMakerRequests.TrainingJob("spot", spot: true));
        Sm.Advance(TimeSpan.FromHours(1));

        var job = await Describe("spot");

        Assert.Equal((1440L, 432L), (job["TrainingTimeInSeconds"]!.GetValue<long>(), job["BillableTimeInSeconds"]!.GetValue<long>()));
        Assert.True(job["EnableManagedSpotTraining"]!.GetValue<bool>());
    }

    [SkippableFact]
    public async Task TrainingJob_SpotWithoutMaxWait_IsRejected()
    {
        var body = SageMakerRequests.TrainingJob("spot");
        body["EnableManagedSpotTraining"] = true;

        var answer = await Client.CallAsync("CreateTrainingJob", body);

        Assert.Equal((400, "ValidationException", "Invalid MaxWaitTimeInSeconds. It must be present and be greater than or equal to MaxRuntimeInSeconds"),
            (answer.Status, answer.Code, answer.Message));
    }

    [SkippableFact]
    public async Task StopTrainingJob_WhileTraining_StopsThenRejectsASecondStop()
    {
        await Client.OkAsync("CreateTrainingJob", SageMakerRequests.TrainingJob("stop-me"));
        Sm.Advance(TimeSpan.FromMinutes(10));

        await Client.OkAsync("StopTrainingJob", new JsonObject { ["TrainingJobName"] = "stop-me" });
        var stopping = await Describe("stop-me");
        Sm.Advance(TimeSpan.FromSeconds(30));
        var stopped = await Describe("stop-me");
        var again = await Client.CallAsync("StopTrainingJob", new JsonObject { ["TrainingJobName"] = "stop-me" });

        Assert.Equal(("Stopping", "Stopping"), (Text(stopping, "TrainingJobStatus"), Text(stopping, "SecondaryStatus")));
        Assert.Equal(("Stopped", "Stopped"), (Text(stopped, "TrainingJobStatus"), Text(stopped, "SecondaryStatus")));
        Assert.Null(stopped["FinalMetricDataList"]);
        Assert.Equal((400, "ValidationException", "The request was rejected because the training job is in status Stopped."),
            (again.Status, again.Code, again.Message));
    }

    [SkippableFact]
    public async Task TrainingJob_ScriptedFailure_FailsWithTheReason()
    {
        Sm.ScriptTrainingJob("doomed", new TrainingScript { FailureReason = "AlgorithmError: out of memory", FailDuring = "Training" });
        await Client.OkAsync("CreateTrainingJob", SageMakerRequests.TrainingJob("doomed"));
        Sm.Advance(TimeSpan.FromMinutes(24));
        var stillTraining = await Describe("doomed");
        Sm.Advance(TimeSpan.FromMinutes(1));

        var job = await Describe("doomed");

        Assert.Equal("Training", Text(stillTraining, "SecondaryStatus"));
        Assert.Equal(("Failed", "Failed", "AlgorithmError: out of memory"), (Text(job, "TrainingJobStatus"), Text(job, "SecondaryStatus"), Text(job, "FailureReason")));
        Assert.Null(job["FinalMetricDataList"]);
    }

    [SkippableFact]
    public async Task TrainingJob_MissingNumClasses_FailsAsTheAlgorithmDoes()
    {
        var body = SageMakerRequests.TrainingJob("no-classes");
        ((JsonObject)body["HyperParameters"]!).Remove("num_classes");
        await Client.OkAsync("CreateTrainingJob", body);
        Sm.Advance(TimeSpan.FromMinutes(6));

        var job = await Describe("no-classes");

        Assert.Equal(("Failed", "ClientError: Missing required hyperparameter: num_classes"), (Text(job, "TrainingJobStatus"), Text(job, "FailureReason")));
    }

    [SkippableFact]
    public async Task CreateTrainingJob_ExistingNameInAnyCase_IsResourceInUse()
    {
        await Client.OkAsync("CreateTrainingJob", SageMakerRequests.TrainingJob("dup"));

        var answer = await Client.CallAsync("CreateTrainingJob", SageMakerRequests.TrainingJob("DUP"));

        Assert.Equal((400, "ResourceInUse"), (answer.Status, answer.Code));
        Assert.Equal("Training job names must be unique within an AWS account and region, and a training job with this name already exists "
            + "(arn:aws:sagemaker:us-east-1:123456789012:training-job/dup)", answer.Message);
        Assert.Equal(1, Sm.CreateCount("CreateTrainingJob"));
        Assert.Equal(2, Sm.CallCount("CreateTrainingJob"));
    }

    [SkippableTheory]
    [InlineData("DescribeTrainingJob")]
    [InlineData("StopTrainingJob")]
    public async Task MissingTrainingJob_IsValidationExceptionRequestedResourceNotFound(string operation)
    {
        var answer = await Client.CallAsync(operation, new JsonObject { ["TrainingJobName"] = "ghost" });

        Assert.Equal((400, "ValidationException", "Requested resource not found."), (answer.Status, answer.Code, answer.Message));
    }

    [SkippableFact]
    public async Task Tags_GivenAtCreate_AreListedAndCanBeAdded()
    {
        var arn = Text(await Client.OkAsync("CreateTrainingJob", SageMakerRequests.TrainingJob("tagged")), "TrainingJobArn");

        await Client.OkAsync("AddTags", new JsonObject { ["ResourceArn"] = arn, ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "team", ["Value"] = "vision" }) });
        var tags = await Client.OkAsync("ListTags", new JsonObject { ["ResourceArn"] = arn });

        Assert.Equal(["detector.dev/name=aquarium", "team=vision"], tags["Tags"]!.AsArray().Select(t => $"{Text(t!, "Key")}={Text(t!, "Value")}"));
    }

    [SkippableFact]
    public async Task CreateTrainingJob_OverTheInstanceQuota_IsResourceLimitExceededUntilAJobEnds()
    {
        await using var sm = await FakeSageMaker.StartAsync(new FakeSageMakerOptions
        {
            TrainingInstanceQuotas = new Dictionary<string, int> { ["ml.p3.2xlarge"] = 1 },
        });
        using var client = new SageMakerTestClient(sm);
        await client.OkAsync("CreateTrainingJob", SageMakerRequests.TrainingJob("first"));

        var second = await client.CallAsync("CreateTrainingJob", SageMakerRequests.TrainingJob("second"));
        sm.Advance(TimeSpan.FromHours(1));
        var later = await client.CallAsync("CreateTrainingJob", SageMakerRequests.TrainingJob("second"));

        Assert.Equal((400, "ResourceLimitExceeded"), (second.Status, second.Code));
        Assert.StartsWith("The account-level service limit 'ml.p3.2xlarge for training job usage' is 1 Instances, with current utilization of 1 Instances",
            second.Message, StringComparison.Ordinal);
        Assert.Equal(200, later.Status);
    }

    private Task<JsonObject> Describe(string name) => Client.OkAsync("DescribeTrainingJob", new JsonObject { ["TrainingJobName"] = name });

    private static string Text(JsonNode node, string member) => node[member]!.GetValue<string>();

    private static long Seconds(JsonNode node, string member) => (long)node[member]!.GetValue<double>();
}
