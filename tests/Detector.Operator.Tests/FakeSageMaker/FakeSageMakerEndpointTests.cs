using System.Text;
using System.Text.Json.Nodes;
using Detector.Operator.Tests.Fakes.SageMaker;

namespace Detector.Operator.Tests.FakeSageMakerTests;

public sealed class FakeSageMakerEndpointTests : FakeSageMakerSession
{
    private static readonly byte[] s_jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 0xFF, 0xD9];

    [SkippableFact]
    public async Task InferenceComponentEndpoint_CreatesServesRollsAndTearsDown()
    {
        await Client.OkAsync("CreateTrainingJob", SageMakerRequests.TrainingJob("job"));
        Sm.Advance(TimeSpan.FromHours(1));
        await Client.OkAsync("CreateModel", Model("fish-v1", "s3://data/models/job/output/model.tar.gz"));
        await Client.OkAsync("CreateModel", Model("fish-v2", "s3://data/models/job/output/model.tar.gz"));
        await Client.OkAsync("CreateEndpointConfig", EndpointConfig("fish-config"));

        var early = await Client.CallAsync("CreateEndpoint", new JsonObject { ["EndpointName"] = "fish", ["EndpointConfigName"] = "fish-config" });
        await Client.OkAsync("CreateEndpoint", new JsonObject { ["EndpointName"] = "fish", ["EndpointConfigName"] = "fish-config" });
        var creating = Sm.Endpoint("fish")!;
        Assert.Equal((true, 20), (creating["DataCaptureConfig"]!["EnableCapture"]!.GetValue<bool>(), creating["DataCaptureConfig"]!["CurrentSamplingPercentage"]!.GetValue<int>()));
        var tooEarly = await Client.CallAsync("CreateInferenceComponent", Component("fish-ic", "fish-v1"));
        Sm.Advance(TimeSpan.FromMinutes(6));
        await Client.OkAsync("CreateInferenceComponent", Component("fish-ic", "fish-v1"));
        Sm.Advance(TimeSpan.FromMinutes(4));
        var serving = Sm.InferenceComponent("fish-ic")!;
        // Over HTTP too, so the fake's answers are checked against the output shapes.
        await Client.OkAsync("DescribeEndpoint", new JsonObject { ["EndpointName"] = "fish" });
        await Client.OkAsync("DescribeInferenceComponent", new JsonObject { ["InferenceComponentName"] = "fish-ic" });
        await Client.OkAsync("DescribeEndpointConfig", new JsonObject { ["EndpointConfigName"] = "fish-config" });
        await Client.OkAsync("DescribeModel", new JsonObject { ["ModelName"] = "fish-v1" });
        var (status, body, _, variant) = await Client.InvokeAsync("fish", s_jpeg, "image/jpeg", "fish-ic");
        var (_, again, _, _) = await Client.InvokeAsync("fish", s_jpeg, "image/jpeg", "fish-ic");

        Assert.Equal((400, "ValidationException", "Could not find endpoint configuration \"arn:aws:sagemaker:us-east-1:123456789012:endpoint-config/fish-config\"."),
            (early.Status, early.Code, early.Message));
        Assert.Equal("Creating", Text(creating, "EndpointStatus"));
        Assert.Equal("ValidationException", tooEarly.Code);
        Assert.Equal(("InService", 1), (Text(serving, "InferenceComponentStatus"), serving["RuntimeConfig"]!["CurrentCopyCount"]!.GetValue<int>()));
        Assert.Equal((200, "AllTraffic"), (status, variant));
        Assert.Equal(body, again);
        var rows = JsonNode.Parse(body)!["prediction"]!.AsArray();
        Assert.InRange(rows.Count, 3, 5);
        Assert.All(rows, r =>
        {
            var v = r!.AsArray().Select(x => x!.GetValue<double>()).ToArray();
            Assert.InRange(v[0], 0, 6);                  // class ids below the training job's num_classes (7)
            Assert.True(v[2] < v[4] && v[3] < v[5], "xmin < xmax and ymin < ymax");
        });

        Sm.FailNextInferenceComponentUpdate("fish-ic", "Rolling update failed: the new copies did not pass health checks");
        await Client.OkAsync("UpdateInferenceComponent", ComponentUpdate("fish-v2"));
        var updating = Sm.InferenceComponent("fish-ic")!;
        Sm.Advance(TimeSpan.FromMinutes(3));
        var rolledBack = Sm.InferenceComponent("fish-ic")!;
        await Client.OkAsync("UpdateInferenceComponent", ComponentUpdate("fish-v2"));
        Sm.Advance(TimeSpan.FromMinutes(3));
        var rolled = Sm.InferenceComponent("fish-ic")!;

        Assert.Equal("Updating", Text(updating, "InferenceComponentStatus"));
        Assert.Equal(("InService", "fish-v1", "Rolling update failed: the new copies did not pass health checks"),
            (Text(rolledBack, "InferenceComponentStatus"), Text(rolledBack["Specification"]!, "ModelName"), Text(rolledBack, "FailureReason")));
        Assert.Equal(("InService", "fish-v2", 2), (Text(rolled, "InferenceComponentStatus"), Text(rolled["Specification"]!, "ModelName"),
            rolled["RuntimeConfig"]!["CurrentCopyCount"]!.GetValue<int>()));
        Assert.Null(rolled["FailureReason"]);

        await Client.OkAsync("DeleteInferenceComponent", new JsonObject { ["InferenceComponentName"] = "fish-ic" });
        Sm.Advance(TimeSpan.FromMinutes(1));
        await Client.OkAsync("DeleteEndpoint", new JsonObject { ["EndpointName"] = "fish" });
        var deleting = Sm.Endpoint("fish")!;
        var recreate = await Client.CallAsync("CreateEndpoint", new JsonObject { ["EndpointName"] = "fish", ["EndpointConfigName"] = "fish-config" });
        Sm.Advance(TimeSpan.FromMinutes(1));
        await Client.OkAsync("DeleteEndpointConfig", new JsonObject { ["EndpointConfigName"] = "fish-config" });
        await Client.OkAsync("DeleteModel", new JsonObject { ["ModelName"] = "fish-v1" });
        await Client.OkAsync("DeleteModel", new JsonObject { ["ModelName"] = "fish-v2" });

        Assert.Equal("Deleting", Text(deleting, "EndpointStatus"));
        Assert.Equal("Cannot create already existing endpoint \"arn:aws:sagemaker:us-east-1:123456789012:endpoint/fish\".", recreate.Message);
        Assert.Empty(Sm.InferenceComponents);
        Assert.Empty(Sm.Endpoints);
        Assert.Empty(Sm.EndpointConfigs);
        Assert.Empty(Sm.Models);
        Assert.Empty(Sm.ResponseProblems);
        Assert.Empty(Sm.ValidationFailures);
    }

    [SkippableFact]
    public async Task Invoke_BadHeadersBodiesOrThrottled_AnswersRuntimeErrors()
    {
        await Client.OkAsync("CreateModel", Model("m", "s3://data/m.tar.gz"));
        await Client.OkAsync("CreateEndpointConfig", EndpointConfig("c"));
        await Client.CallAsync("CreateEndpoint", new JsonObject { ["EndpointName"] = "e", ["EndpointConfigName"] = "c" });
        await Client.OkAsync("CreateEndpoint", new JsonObject { ["EndpointName"] = "e", ["EndpointConfigName"] = "c" });
        Sm.Advance(TimeSpan.FromMinutes(6));
        await Client.OkAsync("CreateInferenceComponent", Component("ic", "m", endpoint: "e"));
        Sm.Advance(TimeSpan.FromMinutes(4));

        var noHeader = await Client.InvokeAsync("e", s_jpeg, "image/jpeg");
        var text = await Client.InvokeAsync("e", Encoding.UTF8.GetBytes("hello"), "text/plain", "ic");
        var missing = await Client.InvokeAsync("nope", s_jpeg, "image/jpeg", "ic");
        Sm.FailNext("InvokeEndpoint", 400, "ThrottlingException", "Rate exceeded");
        var throttled = await Client.InvokeAsync("e", s_jpeg, "image/jpeg", "ic");
        var served = await Client.InvokeAsync("e", s_jpeg, "application/x-image", "ic");

        Assert.Equal((400, "ValidationError"), (noHeader.Status, noHeader.ErrorType));
        Assert.Equal((424, "ModelError"), (text.Status, text.ErrorType));
        Assert.Equal((400, "ValidationError"), (missing.Status, missing.ErrorType));
        Assert.Equal("Endpoint nope of account 123456789012 not found.", JsonNode.Parse(missing.Body)!["message"]!.GetValue<string>());
        Assert.Equal((400, "ThrottlingException"), (throttled.Status, throttled.ErrorType));
        Assert.Equal(200, served.Status);
        Assert.Equal(5, Sm.CallCount("InvokeEndpoint"));
    }

    [SkippableFact]
    public async Task UpdateWeightsAndCapacities_ChangesTheCountInPlace_OnlyWhenInServiceAndForAKnownVariant()
    {
        await Client.OkAsync("CreateEndpointConfig", EndpointConfig("fish-config"));
        await Client.CallAsync("CreateEndpoint", new JsonObject { ["EndpointName"] = "fish", ["EndpointConfigName"] = "fish-config" });   // eventual consistency
        await Client.OkAsync("CreateEndpoint", new JsonObject { ["EndpointName"] = "fish", ["EndpointConfigName"] = "fish-config" });
        var busy = await Client.CallAsync("UpdateEndpointWeightsAndCapacities", Capacity("AllTraffic", 2));
        Sm.Advance(TimeSpan.FromMinutes(6));
        var unknown = await Client.CallAsync("UpdateEndpointWeightsAndCapacities", Capacity("Blue", 2));
        await Client.OkAsync("UpdateEndpointWeightsAndCapacities", Capacity("AllTraffic", 2));
        var updating = Sm.Endpoint("fish")!;
        await Client.OkAsync("DescribeEndpoint", new JsonObject { ["EndpointName"] = "fish" });   // the answer checked against the output shape
        Sm.Advance(TimeSpan.FromMinutes(6));
        var done = Sm.Endpoint("fish")!;

        Assert.Equal(("ValidationException", "Cannot update in-progress endpoint \"arn:aws:sagemaker:us-east-1:123456789012:endpoint/fish\"."),
            (busy.Code, busy.Message));
        Assert.Equal("ValidationException", unknown.Code);
        Assert.Contains("[Blue]", unknown.Message);
        Assert.Equal(("Updating", 1, 2), (Text(updating, "EndpointStatus"), Count(updating, "CurrentInstanceCount"), Count(updating, "DesiredInstanceCount")));
        Assert.Equal(("InService", 2, 2, "fish-config"),
            (Text(done, "EndpointStatus"), Count(done, "CurrentInstanceCount"), Count(done, "DesiredInstanceCount"), Text(done, "EndpointConfigName")));

        static int Count(JsonObject endpoint, string member) => endpoint["ProductionVariants"]![0]![member]!.GetValue<int>();
        static JsonObject Capacity(string variant, int count) => new()
        {
            ["EndpointName"] = "fish",
            ["DesiredWeightsAndCapacities"] = new JsonArray(new JsonObject { ["VariantName"] = variant, ["DesiredInstanceCount"] = count }),
        };
    }

    [SkippableFact]
    public async Task CreateEndpointConfig_ForComponentsWithoutRole_IsRefused()
    {
        var body = EndpointConfig("c");
        body.Remove("ExecutionRoleArn");

        var answer = await Client.CallAsync("CreateEndpointConfig", body);

        Assert.Equal(("ValidationException", "ExecutionRoleArn is required when a production variant has no ModelName (inference component endpoints)."),
            (answer.Code, answer.Message));
    }

    private static JsonObject Model(string name, string artifact) => new()
    {
        ["ModelName"] = name,
        ["PrimaryContainer"] = new JsonObject { ["Image"] = SageMakerRequests.Image, ["ModelDataUrl"] = artifact },
        ["ExecutionRoleArn"] = SageMakerRequests.Role,
    };

    private static JsonObject EndpointConfig(string name) => new()
    {
        ["EndpointConfigName"] = name,
        ["ExecutionRoleArn"] = SageMakerRequests.Role,
        ["DataCaptureConfig"] = new JsonObject
        {
            ["EnableCapture"] = true, ["InitialSamplingPercentage"] = 20, ["DestinationS3Uri"] = "s3://data/capture",
            ["CaptureOptions"] = new JsonArray(new JsonObject { ["CaptureMode"] = "Input" }, new JsonObject { ["CaptureMode"] = "Output" }),
        },
        ["ProductionVariants"] = new JsonArray(new JsonObject
        {
            ["VariantName"] = "AllTraffic", ["InstanceType"] = "ml.m5.xlarge", ["InitialInstanceCount"] = 1,
            ["ManagedInstanceScaling"] = new JsonObject { ["Status"] = "ENABLED", ["MinInstanceCount"] = 1, ["MaxInstanceCount"] = 2 },
            ["RoutingConfig"] = new JsonObject { ["RoutingStrategy"] = "LEAST_OUTSTANDING_REQUESTS" },
        }),
    };

    private static JsonObject Component(string name, string model, string endpoint = "fish") => new()
    {
        ["InferenceComponentName"] = name,
        ["EndpointName"] = endpoint,
        ["VariantName"] = "AllTraffic",
        ["Specification"] = new JsonObject
        {
            ["ModelName"] = model,
            ["ComputeResourceRequirements"] = new JsonObject { ["MinMemoryRequiredInMb"] = 1024, ["NumberOfCpuCoresRequired"] = 1 },
        },
        ["RuntimeConfig"] = new JsonObject { ["CopyCount"] = 1 },
    };

    private static JsonObject ComponentUpdate(string model) => new()
    {
        ["InferenceComponentName"] = "fish-ic",
        ["Specification"] = new JsonObject
        {
            ["ModelName"] = model,
            ["ComputeResourceRequirements"] = new JsonObject { ["MinMemoryRequiredInMb"] = 1024, ["NumberOfCpuCoresRequired"] = 1 },
        },
        ["RuntimeConfig"] = new JsonObject { ["CopyCount"] = 2 },
        ["DeploymentConfig"] = new JsonObject
        {
            ["RollingUpdatePolicy"] = new JsonObject
            {
                ["MaximumBatchSize"] = new JsonObject { ["Type"] = "COPY_COUNT", ["Value"] = 1 },
                ["WaitIntervalInSeconds"] = 60,
            },
        },
    };

    private static string Text(JsonNode node, string member) => node[member]!.GetValue<string>();
}
