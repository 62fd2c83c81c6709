using System.Text.Json.Nodes;
using Detector.Operator.Tests.Fakes.SageMaker;

namespace Detector.Operator.Tests.FakeSageMakerTests;

public sealed class FakeSageMakerRegistryTests : FakeSageMakerSession
{
    [SkippableFact]
    public async Task ModelPackages_VersionsCountUpAndAClientTokenRetryMakesNoNewVersion()
    {
        await Client.OkAsync("CreateModelPackageGroup", new JsonObject { ["ModelPackageGroupName"] = "aquarium", ["ModelPackageGroupDescription"] = "fish" });

        var v1 = Text(await Client.OkAsync("CreateModelPackage", Package("token-1")), "ModelPackageArn");
        var retry = Text(await Client.OkAsync("CreateModelPackage", Package("token-1")), "ModelPackageArn");
        var v2 = Text(await Client.OkAsync("CreateModelPackage", Package("token-2")), "ModelPackageArn");
        var described = await Client.OkAsync("DescribeModelPackage", new JsonObject { ["ModelPackageName"] = v1 });
        Sm.Advance(TimeSpan.FromSeconds(10));
        var completed = await Client.OkAsync("DescribeModelPackage", new JsonObject { ["ModelPackageName"] = v1 });

        Assert.Equal("arn:aws:sagemaker:us-east-1:123456789012:model-package/aquarium/1", v1);
        Assert.Equal(v1, retry);
        Assert.EndsWith("/aquarium/2", v2, StringComparison.Ordinal);
        Assert.Equal((1, "PendingManualApproval", "InProgress"),
            (described["ModelPackageVersion"]!.GetValue<int>(), Text(described, "ModelApprovalStatus"), Text(described, "ModelPackageStatus")));
        Assert.Equal("Completed", Text(completed, "ModelPackageStatus"));
        Assert.Equal("s3://data/models/job/output/model.tar.gz", Text(described["InferenceSpecification"]!["Containers"]![0]!, "ModelDataUrl"));
    }

    [SkippableFact]
    public async Task UpdateModelPackage_Approves_AndListFiltersByApproval()
    {
        await Client.OkAsync("CreateModelPackageGroup", new JsonObject { ["ModelPackageGroupName"] = "aquarium" });
        var v1 = Text(await Client.OkAsync("CreateModelPackage", Package("a")), "ModelPackageArn");
        await Client.OkAsync("CreateModelPackage", Package("b"));

        await Client.OkAsync("UpdateModelPackage", new JsonObject { ["ModelPackageArn"] = v1, ["ModelApprovalStatus"] = "Approved" });
        var approved = await Client.OkAsync("ListModelPackages", new JsonObject { ["ModelPackageGroupName"] = "aquarium", ["ModelApprovalStatus"] = "Approved" });
        var all = await Client.OkAsync("ListModelPackages", new JsonObject { ["ModelPackageGroupName"] = "aquarium", ["SortOrder"] = "Descending" });

        Assert.Equal([v1], approved["ModelPackageSummaryList"]!.AsArray().Select(p => Text(p!, "ModelPackageArn")));
        Assert.Equal([2, 1], all["ModelPackageSummaryList"]!.AsArray().Select(p => p!["ModelPackageVersion"]!.GetValue<int>()));
    }

    [SkippableTheory]
    [InlineData("DescribeModelPackageGroup", "ModelPackageGroupName", "ghost", "ModelPackageGroup ghost does not exist.")]
    [InlineData("DescribeModelPackage", "ModelPackageName", "arn:aws:sagemaker:us-east-1:123456789012:model-package/ghost/1",
        "ModelPackage arn:aws:sagemaker:us-east-1:123456789012:model-package/ghost/1 does not exist.")]
    [InlineData("DescribeModel", "ModelName", "ghost", "Could not find model \"arn:aws:sagemaker:us-east-1:123456789012:model/ghost\".")]
    [InlineData("DescribeEndpointConfig", "EndpointConfigName", "ghost", "Could not find endpoint configuration \"arn:aws:sagemaker:us-east-1:123456789012:endpoint-config/ghost\".")]
    [InlineData("DescribeEndpoint", "EndpointName", "ghost", "Could not find endpoint \"arn:aws:sagemaker:us-east-1:123456789012:endpoint/ghost\".")]
    [InlineData("DescribeInferenceComponent", "InferenceComponentName", "ghost",
        "Could not find inference component \"arn:aws:sagemaker:us-east-1:123456789012:inference-component/ghost\".")]
    public async Task Describe_Missing_IsValidationExceptionWithTheResourceMessage(string operation, string member, string name, string message)
    {
        var answer = await Client.CallAsync(operation, new JsonObject { [member] = name });

        Assert.Equal((400, "ValidationException", message), (answer.Status, answer.Code, answer.Message));
    }

    [SkippableFact]
    public async Task DeleteModelPackageGroup_WithVersions_IsRefused()
    {
        await Client.OkAsync("CreateModelPackageGroup", new JsonObject { ["ModelPackageGroupName"] = "aquarium" });
        await Client.OkAsync("CreateModelPackage", Package("a"));

        var answer = await Client.CallAsync("DeleteModelPackageGroup", new JsonObject { ["ModelPackageGroupName"] = "aquarium" });
        var again = await Client.CallAsync("CreateModelPackageGroup", new JsonObject { ["ModelPackageGroupName"] = "aquarium" });
        await Client.OkAsync("DescribeModelPackageGroup", new JsonObject { ["ModelPackageGroupName"] = "aquarium" });

        Assert.Equal((400, "ValidationException"), (answer.Status, answer.Code));
        Assert.Equal("Model Package Group already exists: arn:aws:sagemaker:us-east-1:123456789012:model-package-group/aquarium", again.Message);
    }

    internal static JsonObject Package(string token) => new()
    {
        ["ModelPackageGroupName"] = "aquarium",
        ["ClientToken"] = token,
        ["ModelApprovalStatus"] = "PendingManualApproval",
        ["InferenceSpecification"] = new JsonObject
        {
            ["Containers"] = new JsonArray(new JsonObject
            {
                ["Image"] = SageMakerRequests.Image, ["ModelDataUrl"] = "s3://data/models/job/output/model.tar.gz",
            }),
            ["SupportedContentTypes"] = new JsonArray("image/jpeg", "image/png", "application/x-image"),
            ["SupportedResponseMIMETypes"] = new JsonArray("application/json"),
            ["SupportedRealtimeInferenceInstanceTypes"] = new JsonArray("ml.m5.xlarge", "ml.g4dn.xlarge"),
        },
    };

    private static string Text(JsonNode node, string member) => node[member]!.GetValue<string>();
}
