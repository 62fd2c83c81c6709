using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Detector.Operator.Aws;
using Detector.Testing;

namespace Detector.Operator.Tests.Aws;

public class SageMakerClientWiringTests
{
    // ISageMaker's own methods and those of its role interfaces (training, registry, hosting).
    private static IEnumerable<System.Reflection.MethodInfo> Methods =>
        typeof(ISageMaker).GetInterfaces().Append(typeof(ISageMaker)).SelectMany(i => i.GetMethods());

    public static TheoryData<string> Operations => [.. Methods.Select(m => m.Name[..^"Async".Length])];

    [SkippableTheory]
    [MemberData(nameof(Operations))]
    public async Task Method_Called_TargetsItsOwnModelOperation(string operation)
    {
        var model = JsonNode.Parse(await File.ReadAllTextAsync(SharedData.SageMakerModel))!;
        await using var server = await StubAwsServer.StartAsync((_, _) => new StubReply(200));
        using var client = SageMakerClient.Create(new()
        {
            Region = "us-east-1", ServiceUrl = server.Url, Credentials = new BasicAWSCredentials("a", "b"), RequestsPerSecond = 0,
        });
        var method = Methods.Single(m => m.Name == operation + "Async");
        // An empty request (required members unset, as the lenient reader allows) is enough to see where the call goes.
        var request = JsonSerializer.Deserialize("{}", method.GetParameters()[0].ParameterType, AwsJson.Read);

        await (Task)method.Invoke(client, [request, CancellationToken.None])!;

        Assert.NotNull(model["operations"]![operation]);
        Assert.Equal("SageMaker." + operation, Assert.Single(server.Requests).Header("X-Amz-Target"));
        Assert.Equal("{}", server.Requests[0].Text);
    }
}
