using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Detector.Operator.Aws;
using Detector.Testing;

namespace Detector.Operator.Tests.Aws;

public class SageMakerRuntimeClientTests
{
    private static readonly byte[] s_jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 0xFF, 0xD9];
    private readonly List<TimeSpan> _delays = [];

    [Fact]
    public async Task InvokeEndpoint_InferenceComponent_PostsTheBytesWithHeadersSigned()
    {
        await using var server = await StubAwsServer.StartAsync((_, _) => new StubReply(200, """{"prediction":[[1.0,0.9,0.1,0.2,0.3,0.4]]}""",
            "application/json", new Dictionary<string, string> { ["x-Amzn-Invoked-Production-Variant"] = "AllTraffic" }));
        using var client = Client(server);

        var response = await client.InvokeEndpointAsync(new()
        {
            EndpointName = "birds-endpoint", Body = s_jpeg, ContentType = "image/jpeg", Accept = "application/json;annotation=1",
            InferenceComponentName = "birds-ic-3",
        });

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/endpoints/birds-endpoint/invocations"), (request.Method, request.Path));
        Assert.Equal(s_jpeg, request.Body);
        Assert.Equal("image/jpeg", request.Header("Content-Type"));
        Assert.Equal("application/json;annotation=1", request.Header("Accept"));
        Assert.Equal("birds-ic-3", request.Header("X-Amzn-SageMaker-Inference-Component"));
        Assert.Equal("", request.Header("X-Amz-Target"));
        Assert.Contains("/eu-west-1/sagemaker/aws4_request", request.Header("Authorization"));
        Assert.Contains("x-amzn-sagemaker-inference-component", request.Header("Authorization"));
        Assert.True(StubAwsServer.HasValidSignature(request, "secret", "eu-west-1"));
        Assert.Equal("""{"prediction":[[1.0,0.9,0.1,0.2,0.3,0.4]]}"""u8.ToArray(), response.Body);
        Assert.Equal(("application/json", "AllTraffic"), (response.ContentType, response.InvokedProductionVariant));
    }

    [Theory]
    [InlineData(424, "ModelError", SageMakerErrorKind.Validation)]
    [InlineData(400, "ValidationError", SageMakerErrorKind.Validation)]
    public async Task InvokeEndpoint_RestJsonErrorHeader_IsClassifiedWithoutRetry(int status, string code, SageMakerErrorKind kind)
    {
        await using var server = await StubAwsServer.StartAsync((_, _) => new StubReply(status,
            """{"Message":"Received server error (500) from primary with message \"boom\"","OriginalStatusCode":500}""", "application/json",
            new Dictionary<string, string> { ["x-amzn-ErrorType"] = code + ":http://internal.amazon.com/coral/com.amazon.sagemaker/", ["x-amzn-RequestId"] = "rt-1" }));
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<SageMakerException>(() =>
            client.InvokeEndpointAsync(new() { EndpointName = "e", Body = s_jpeg, ContentType = "image/jpeg" }));

        Assert.Equal((code, kind, status, "rt-1"), (error.ErrorCode, error.Kind, error.StatusCode, error.RequestId));
        Assert.StartsWith("Received server error (500)", error.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task InvokeEndpoint_ThrottledWithoutMessage_IsRetried()
    {
        await using var server = await StubAwsServer.StartAsync((_, call) => call == 0
            ? new StubReply(400, """{"message":null}""", "application/json", new Dictionary<string, string> { ["x-amzn-ErrorType"] = "ThrottlingException" })
            : new StubReply(200, "[]", "application/json"));
        using var client = Client(server);

        var response = await client.InvokeEndpointAsync(new() { EndpointName = "e", Body = s_jpeg });

        Assert.Equal("[]"u8.ToArray(), response.Body);
        Assert.Equal(2, server.Requests.Count);
        Assert.Single(_delays);
    }

    [Fact]
    public async Task InvokeEndpoint_BodyOverTheLimit_IsRefusedBeforeAnyCall()
    {
        await using var server = await StubAwsServer.StartAsync((_, _) => new StubReply(200));
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            client.InvokeEndpointAsync(new() { EndpointName = "e", Body = new byte[SageMakerRuntimeClient.MaxBodyBytes + 1] }));

        Assert.Contains("InvokeEndpointRequest.Body", error.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void Create_NoOverride_UsesTheRuntimeHostOfTheRegion() =>
        Assert.Equal(new Uri("https://runtime.sagemaker.cn-northwest-1.amazonaws.com.cn/"),
            SageMakerRuntimeClient.Create(new() { Region = "cn-northwest-1", Credentials = new BasicAWSCredentials("a", "b") }).ServiceUrl);

    [SkippableFact]
    public void Records_MatchTheRuntimeModel()
    {
        var model = JsonNode.Parse(File.ReadAllText(SharedData.RequireFile("aws-models/sagemaker-runtime-2017-05-13.json")))!;
        foreach (var (type, shapeName) in new[] { (typeof(InvokeEndpointRequest), "InvokeEndpointInput"), (typeof(InvokeEndpointResponse), "InvokeEndpointOutput") })
        {
            var shape = model["shapes"]![shapeName]!;
            var required = shape["required"]!.AsArray().Select(r => (string)r!).Order().ToList();
            var properties = type.GetProperties().Where(p => p.Name != "EqualityContract").ToList();
            Assert.Equal(shape["members"]!.AsObject().Select(m => m.Key).Order(), properties.Select(p => p.Name).Order());
            Assert.Equal(required, properties.Where(p => p.GetCustomAttribute<RequiredMemberAttribute>() is not null).Select(p => p.Name).Order());
        }
    }

    private SageMakerRuntimeClient Client(StubAwsServer server) => SageMakerRuntimeClient.Create(new()
    {
        Region = "eu-west-1",
        RuntimeServiceUrl = server.Url,
        Credentials = new BasicAWSCredentials("AKIDRT", "secret"),
        RequestsPerSecond = 0,
        Jitter = () => 0.5,
        Delay = (d, _) =>
        {
            _delays.Add(d);
            return Task.CompletedTask;
        },
    });
}
