using System.Text;
using System.Text.Json.Nodes;
using Detector.Operator.Tests.Fakes.SageMaker;

namespace Detector.Operator.Tests.FakeSageMakerTests;

public sealed class FakeSageMakerEndpointTests : IAsyncLifetime
{
    private static readonly byte[] s_jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 0xFF, 0xD9];
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
    public async Task InferenceComponentEndpoint_CreatesServesRollsAndTearsDown()
    {
        await _client.OkAsync("CreateTrainingJob", SageMakerRequests.TrainingJob("job"));
        _sm.Advance(TimeSpan.FromHours(1));
        await _client.OkAsync("CreateModel", Model("fish-v1", "s3://data/models/job/output/model.tar.gz"));
        await _client.OkAsync("CreateModel", Model("fish-v2", "s3://data/models/job/output/model.tar.gz"));
        await _client.OkAsync("CreateEndpointConfig", EndpointConfig("fish-config"));

        var early = await _client.CallAsync("CreateEndpoint", new JsonObject { ["EndpointName"] = "fish", ["EndpointConfigName"] = "fish-config" });
        await _client.OkAsync("CreateEndpoint", new JsonObject { ["EndpointName"] = "fish", ["EndpointConfigName"] = "fish-config" });
        var creating = _sm.Endpoint("fish")!;
        Assert.Equal((true, 20), (creating["DataCaptureConfig"]!["EnableCapture"]!.GetValue<bool>(), creating["DataCaptureConfig"]!["CurrentSamplingPercentage"]!.GetValue<int>()));
        var tooEarly = await _client.CallAsync("CreateInferenceComponent", Component("fish-ic", "fish-v1"));
        _sm.Advance(TimeSpan.FromMinutes(6));
        await _client.OkAsync("CreateInferenceComponent", Component("fish-ic", "fish-v1"));
        _sm.Advance(TimeSpan.FromMinutes(4));
        var serving = _sm.InferenceComponent("fish-ic")!;
        // Over HTTP too, so the fake's answers are checked against the output shapes.
        await _client.OkAsync("DescribeEndpoint", new JsonObject { ["EndpointName"] = "fish" });
        await _client.OkAsync("DescribeInferenceComponent", new JsonObject { ["InferenceComponentName"] = "fish-ic" });
        await _client.OkAsync("DescribeEndpointConfig", new JsonObject { ["EndpointConfigName"] = "fish-config" });
        await _client.OkAsync("DescribeModel", new JsonObject { ["ModelName"] = "fish-v1" });
        var (status, body, _, variant) = await _client.InvokeAsync("fish", s_jpeg, "image/jpeg", "fish-ic");
        var (_, again, _, _) = await _client.InvokeAsync("fish", s_jpeg, "image/jpeg", "fish-ic");

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

        _sm.FailNextInferenceComponentUpdate("fish-ic", "Rolling update failed: the new copies did not pass health checks");
        await _client.OkAsync("UpdateInferenceComponent", ComponentUpdate("fish-v2"));
        var updating = _sm.InferenceComponent("fish-ic")!;
        _sm.Advance(TimeSpan.FromMinutes(3));
        var rolledBack = _sm.InferenceComponent("fish-ic")!;
        await _client.OkAsync("UpdateInferenceComponent", ComponentUpdate("fish-v2"));
        _sm.Advance(TimeSpan.FromMinutes(3));
        var rolled = _sm.InferenceComponent("fish-ic")!;

        Assert.Equal("Updating", Text(updating, "InferenceComponentStatus"));
        Assert.Equal(("InService", "fish-v1", "Rolling update failed: the new copies did not pass health checks"),
            (Text(rolledBack, "InferenceComponentStatus"), Text(rolledBack["Specification"]!, "ModelName"), Text(rolledBack, "FailureReason")));
        Assert.Equal(("InService", "fish-v2", 2), (Text(rolled, "InferenceComponentStatus"), Text(rolled["Specification"]!, "ModelName"),
            rolled["RuntimeConfig"]!["CurrentCopyCount"]!.GetValue<int>()));
        Assert.Null(rolled["FailureReason"]);

        await _client.OkAsync("DeleteInferenceComponent", new JsonObject { ["InferenceComponentName"] = "fish-ic" });
        _sm.Advance(TimeSpan.FromMinutes(1));
        await _client.OkAsync("DeleteEndpoint", new JsonObject { ["EndpointName"] = "fish" });
        var deleting = _sm.Endpoint("fish")!;
        var recreate = await _client.CallAsync("CreateEndpoint", new JsonObject { ["EndpointName"] = "fish", ["EndpointConfigName"] = "fish-config" });
        _sm.Advance(TimeSpan.FromMinutes(1));
        await _client.OkAsync("DeleteEndpointConfig", new JsonObject { ["EndpointConfigName"] = "fish-config" });
        await _client.OkAsync("DeleteModel", new JsonObject { ["ModelName"] = "fish-v1" });
        await _client.OkAsync("DeleteModel", new JsonObject { ["ModelName"] = "fish-v2" });

        Assert.Equal("Deleting", Text(deleting, "EndpointStatus"));
        Assert.Equal("Cannot create already existing endpoint \"arn:aws:sagemaker:us-east-1:123456789012:endpoint/fish\".", recreate.Message);
        Assert.Empty(_sm.InferenceComponents);
        Assert.Empty(_sm.Endpoints);
        Assert.Empty(_sm.EndpointConfigs);
        Assert.Empty(_sm.Models);
        Assert.Empty(_sm.ResponseProblems);
        Assert.Empty(_sm.ValidationFailures);
    }

    [SkippableFact]
    public async Task Invoke_BadHeadersBodiesOrThrottled_AnswersRuntimeErrors()
    {
        await _client.OkAsync("CreateModel", Model("m", "s3://data/m.tar.gz"));
        await _client.OkAsync("CreateEndpointConfig", EndpointConfig("c"));
        await _client.CallAsync("CreateEndpoint", new JsonObject { ["EndpointName"] = "e", ["EndpointConfigName"] = "c" });
        await _client.OkAsync("CreateEndpoint", new JsonObject { ["EndpointName"] = "e", ["EndpointConfigName"] = "c" });
        _sm.Advance(TimeSpan.FromMinutes(6));
        await _client.OkAsync("CreateInferenceComponent", Component("ic", "m", endpoint: "e"));
        _sm.Advance(TimeSpan.FromMinutes(4));

        var noHeader = await _client.InvokeAsync("e", s_jpeg, "image/jpeg");
        var text = await _client.InvokeAsync("e", Encoding.UTF8.GetBytes("hello"), "text/plain", "ic");
        var missing = await _client.InvokeAsync("nope", s_jpeg, "image/jpeg", "ic");
        _sm.FailNext("InvokeEndpoint", 400, "ThrottlingException", "Rate exceeded");
        var throttled = await _client.InvokeAsync("e", s_jpeg, "image/jpeg", "ic");
        var served = await _client.InvokeAsync("e", s_jpeg, "application/x-image", "ic");

        Assert.Equal((400, "ValidationError"), (noHeader.Status, noHeader.ErrorType));
        Assert.Equal((424, "ModelError"), (text.Status, text.ErrorType));
        Assert.Equal((400, "ValidationError"), (missing.Status, missing.ErrorType));
        Assert.Equal("Endpoint nope of account 123456789012 not found.", JsonNode.Parse(missing.Body)!["message"]!.GetValue<string>());
        Assert.Equal((400, "ThrottlingException"), (throttled.Status, throttled.ErrorType));
        Assert.Equal(200, served.Status);
        Assert.Equal(5, _sm.CallCount("InvokeEndpoint"));
    }

    [SkippableFact]
    public async Task CreateEndpointConfig_ForComponentsWithoutRole_IsRefused()
    {
        var body = EndpointConfig("c");
        body.Remove("ExecutionRoleArn");

        var answer = await _client.CallAsync("CreateEndpointConfig", body);

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
