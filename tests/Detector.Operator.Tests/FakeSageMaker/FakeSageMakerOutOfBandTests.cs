using System.Text.Json.Nodes;
using Detector.Operator.Tests.Fakes.SageMaker;

namespace Detector.Operator.Tests.FakeSageMakerTests;

/// <summary>The out-of-band controls (<c>FakeSageMaker.OutOfBand.cs</c>): at once, and by the rules of the calls they stand for.</summary>
public sealed class FakeSageMakerOutOfBandTests : FakeSageMakerSession
{
    [SkippableFact]
    public async Task OutOfBandChanges_TakeEffectAtOnce_AndDescribeShowsThem()
    {
        await ServingAsync();

        Sm.SetInferenceComponentCopiesOutOfBand("fish-ic", 4);
        var copies = await Client.OkAsync("DescribeInferenceComponent", new JsonObject { ["InferenceComponentName"] = "fish-ic" });
        Sm.UpdateEndpointOutOfBand("fish", "fish-console-copy");
        var moved = await Client.OkAsync("DescribeEndpoint", new JsonObject { ["EndpointName"] = "fish" });
        var copy = await Client.OkAsync("DescribeEndpointConfig", new JsonObject { ["EndpointConfigName"] = "fish-console-copy" });
        Sm.DeleteInferenceComponentOutOfBand("fish-ic");
        var gone = await Client.CallAsync("DescribeInferenceComponent", new JsonObject { ["InferenceComponentName"] = "fish-ic" });

        Assert.Equal(("InService", 4, 4), (copies["InferenceComponentStatus"]!.GetValue<string>(),
            copies["RuntimeConfig"]!["DesiredCopyCount"]!.GetValue<int>(), copies["RuntimeConfig"]!["CurrentCopyCount"]!.GetValue<int>()));
        Assert.Equal(("InService", "fish-console-copy"), (moved["EndpointStatus"]!.GetValue<string>(), moved["EndpointConfigName"]!.GetValue<string>()));
        Assert.Equal("ml.m5.xlarge", copy["ProductionVariants"]![0]!["InstanceType"]!.GetValue<string>());
        Assert.Equal(copy["EndpointConfigArn"]!.GetValue<string>(), Sm.EndpointConfig("fish-console-copy")!["EndpointConfigArn"]!.GetValue<string>());
        Assert.Contains("fish-config", Sm.EndpointConfigs);   // The original stays.
        Assert.Equal(("ValidationException", "Could not find inference component \"arn:aws:sagemaker:us-east-1:123456789012:inference-component/fish-ic\"."),
            (gone.Code, gone.Message));
        Assert.Empty(Sm.InferenceComponents);
        Assert.Null(Sm.EndpointConfig("no-such-config"));
    }

    [SkippableFact]
    public async Task OutOfBandChanges_WhileBusyOrToAnExistingName_AreRefusedAsTheApiWould()
    {
        await ServingAsync();
        await Client.OkAsync("UpdateInferenceComponentRuntimeConfig", new JsonObject
        {
            ["InferenceComponentName"] = "fish-ic", ["DesiredRuntimeConfig"] = new JsonObject { ["CopyCount"] = 2 },
        });

        var busy = Assert.Throws<ServiceError>(() => Sm.SetInferenceComponentCopiesOutOfBand("fish-ic", 3));
        var existing = Assert.Throws<ServiceError>(() => Sm.UpdateEndpointOutOfBand("fish", "fish-config"));
        var missing = Assert.Throws<ServiceError>(() => Sm.DeleteInferenceComponentOutOfBand("other-ic"));

        Assert.StartsWith("Cannot update inference component", busy.Message);
        Assert.StartsWith("Cannot create already existing endpoint configuration", existing.Message);
        Assert.StartsWith("Could not find inference component", missing.Message);
    }

    // An InService endpoint "fish" on "fish-config" with the InService component "fish-ic" (one copy).
    private async Task ServingAsync()
    {
        await Client.OkAsync("CreateTrainingJob", SageMakerRequests.TrainingJob("job"));
        Sm.Advance(TimeSpan.FromHours(1));
        await Client.OkAsync("CreateModel", new JsonObject
        {
            ["ModelName"] = "fish-v1", ["ExecutionRoleArn"] = SageMakerRequests.Role,
            ["PrimaryContainer"] = new JsonObject { ["Image"] = SageMakerRequests.Image, ["ModelDataUrl"] = "s3://data/models/job/output/model.tar.gz" },
        });
        await Client.OkAsync("CreateEndpointConfig", new JsonObject
        {
            ["EndpointConfigName"] = "fish-config", ["ExecutionRoleArn"] = SageMakerRequests.Role,
            ["ProductionVariants"] = new JsonArray(new JsonObject { ["VariantName"] = "AllTraffic", ["InstanceType"] = "ml.m5.xlarge", ["InitialInstanceCount"] = 1 }),
        });
        var endpoint = new JsonObject { ["EndpointName"] = "fish", ["EndpointConfigName"] = "fish-config" };
        if ((await Client.CallAsync("CreateEndpoint", endpoint)).Status != 200)   // The config's first miss (eventual consistency).
            await Client.OkAsync("CreateEndpoint", endpoint);
        Sm.Advance(TimeSpan.FromMinutes(6));
        await Client.OkAsync("CreateInferenceComponent", new JsonObject
        {
            ["InferenceComponentName"] = "fish-ic", ["EndpointName"] = "fish", ["VariantName"] = "AllTraffic",
            ["Specification"] = new JsonObject
            {
                ["ModelName"] = "fish-v1",
                ["ComputeResourceRequirements"] = new JsonObject { ["MinMemoryRequiredInMb"] = 1024, ["NumberOfCpuCoresRequired"] = 1 },
            },
            ["RuntimeConfig"] = new JsonObject { ["CopyCount"] = 1 },
        });
        Sm.Advance(TimeSpan.FromMinutes(4));
    }
}
