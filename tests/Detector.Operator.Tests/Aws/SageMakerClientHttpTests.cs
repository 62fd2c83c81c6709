using System.Text.Json.Nodes;
using Amazon.Runtime;
using Detector.Operator.Aws;
using Microsoft.Extensions.Time.Testing;

namespace Detector.Operator.Tests.Aws;

public class SageMakerClientHttpTests
{
    private const string AccessKey = "AKIDTEST";
    private const string SecretKey = "secret/test+key";
    private static readonly DateTimeOffset s_now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(s_now);
    private readonly List<TimeSpan> _delays = [];

    [Fact]
    public async Task DescribeTrainingJob_OverHttp_SendsASignedJson11Post()
    {
        await using var server = await StubAwsServer.StartAsync((_, _) => new StubReply(200,
            """{"TrainingJobName":"job-1","TrainingJobStatus":"InProgress","SecondaryStatus":"Training","CreationTime":1772600000}"""));
        using var client = Client(server);

        var job = await client.DescribeTrainingJobAsync(new() { TrainingJobName = "job-1" });

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/"), (request.Method, request.Path));
        Assert.Equal("application/x-amz-json-1.1", request.Header("Content-Type"));
        Assert.Equal("SageMaker.DescribeTrainingJob", request.Header("X-Amz-Target"));
        Assert.Equal("""{"TrainingJobName":"job-1"}""", request.Text);
        Assert.Equal("20260304T050607Z", request.Header("X-Amz-Date"));
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={AccessKey}/20260304/us-east-1/sagemaker/aws4_request, " +
            "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=", request.Header("Authorization"));
        Assert.True(StubAwsServer.HasValidSignature(request, SecretKey, "us-east-1"));
        Assert.StartsWith("detector/", request.Header("User-Agent"));
        Assert.Equal("", request.Header("X-Amz-Security-Token"));
        Assert.Equal((TrainingJobStatus.InProgress, "Training"), (job.TrainingJobStatus, job.SecondaryStatus));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_772_600_000), job.CreationTime);
    }

    [Fact]
    public async Task Call_SessionCredentials_SendsAndSignsTheSecurityToken()
    {
        await using var server = await StubAwsServer.StartAsync((_, _) => new StubReply(200));
        using var client = Client(server, o => o with { Credentials = new SessionAWSCredentials(AccessKey, SecretKey, "session-token-1") });

        await client.StopTrainingJobAsync(new() { TrainingJobName = "job-1" });

        var request = Assert.Single(server.Requests);
        Assert.Equal("session-token-1", request.Header("X-Amz-Security-Token"));
        Assert.Contains("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target,", request.Header("Authorization"));
        Assert.True(StubAwsServer.HasValidSignature(request, SecretKey, "us-east-1"));
    }

    [Fact]
    public async Task CreateTrainingJob_FullRequest_BodyIsTheRecordWithoutNulls()
    {
        await using var server = await StubAwsServer.StartAsync((_, _) =>
            new StubReply(200, """{"TrainingJobArn":"arn:aws:sagemaker:us-east-1:123456789012:training-job/job-1"}"""));
        using var client = Client(server);

        var created = await client.CreateTrainingJobAsync(new()
        {
            TrainingJobName = "job-1",
            RoleArn = "arn:aws:iam::123456789012:role/sm",
            AlgorithmSpecification = new() { TrainingImage = "811284229777.dkr.ecr.us-east-1.amazonaws.com/object-detection:1", TrainingInputMode = TrainingInputMode.File },
            HyperParameters = new() { ["num_classes"] = "7" },
            InputDataConfig = [new() { ChannelName = "train", ContentType = "application/x-recordio",
                DataSource = new() { S3DataSource = new() { S3DataType = S3DataType.S3Prefix, S3Uri = "s3://b/train/" } } }],
            OutputDataConfig = new() { S3OutputPath = "s3://b/out" },
            ResourceConfig = new() { InstanceType = "ml.p3.2xlarge", InstanceCount = 1, VolumeSizeInGB = 50 },
            StoppingCondition = new() { MaxRuntimeInSeconds = 3600 },
        });

        var body = JsonNode.Parse(Assert.Single(server.Requests).Text)!;
        Assert.Equal("SageMaker.CreateTrainingJob", server.Requests[0].Header("X-Amz-Target"));
        Assert.Equal("s3://b/train/", (string)body["InputDataConfig"]![0]!["DataSource"]!["S3DataSource"]!["S3Uri"]!);
        Assert.Equal(1, (int)body["ResourceConfig"]!["InstanceCount"]!);
        Assert.Null(body["VpcConfig"]);
        Assert.DoesNotContain("null", server.Requests[0].Text);
        Assert.Equal("arn:aws:sagemaker:us-east-1:123456789012:training-job/job-1", created.TrainingJobArn);
    }

    [Theory]
    [InlineData("DescribeTrainingJob", "com.amazonaws.sagemaker#ValidationException", "Requested resource not found.", SageMakerErrorKind.NotFound)]
    [InlineData("DescribeHyperParameterTuningJob", "ResourceNotFound", "Could not find hyperparameter tuning job 't'.", SageMakerErrorKind.NotFound)]
    [InlineData("CreateTrainingJob", "ResourceInUse", "Training job names must be unique", SageMakerErrorKind.AlreadyExists)]
    [InlineData("CreateHyperParameterTuningJob", "ResourceInUse", "A hyperparameter tuning job with the name, t, already exists.", SageMakerErrorKind.AlreadyExists)]
    [InlineData("CreateTrainingJob", "ValidationException", "1 validation error detected", SageMakerErrorKind.Validation)]
    [InlineData("CreateTrainingJob", "ResourceLimitExceeded", "The account-level service limit", SageMakerErrorKind.ResourceLimit)]
    [InlineData("DescribeTrainingJob", "AccessDeniedException", "not authorized", SageMakerErrorKind.AccessDenied)]
    public async Task Call_ErrorResponse_ThrowsClassifiedWithoutRetrying(string operation, string type, string message,
        SageMakerErrorKind kind)
    {
        await using var server = await StubAwsServer.StartAsync((_, _) => StubReply.Error(400, type, message, "req-42"));
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<SageMakerException>(() => Invoke(client, operation));

        Assert.Equal((kind, AwsErrors.TrimErrorCode(type), message, 400, "req-42"),
            (error.Kind, error.ErrorCode, error.Message, error.StatusCode, error.RequestId));
        Assert.Single(server.Requests);
        Assert.Empty(_delays);
    }

    [Fact]
    public async Task Call_ThrottledTwice_RetriesWithGrowingDelaysThenSucceeds()
    {
        await using var server = await StubAwsServer.StartAsync((_, call) =>
            call < 2 ? StubReply.Error(400, "ThrottlingException", "Rate exceeded") : new StubReply(200, """{"TrainingJobName":"job-1"}"""));
        using var client = Client(server);

        var job = await client.DescribeTrainingJobAsync(new() { TrainingJobName = "job-1" });

        Assert.Equal("job-1", job.TrainingJobName);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal([TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)], _delays);
        Assert.Equal(["attempt=1; max=4", "attempt=2; max=4", "attempt=3; max=4"], server.Requests.Select(r => r.Header("amz-sdk-request")));
        Assert.Single(server.Requests.Select(r => r.Header("amz-sdk-invocation-id")).Distinct());
        Assert.All(server.Requests, r => Assert.True(StubAwsServer.HasValidSignature(r, SecretKey, "us-east-1")));
    }

    [Fact]
    public async Task Call_ServerErrorEveryTime_GivesUpAfterMaxRetriesAsTransient()
    {
        await using var server = await StubAwsServer.StartAsync((_, _) => StubReply.Error(500, "InternalFailure", "We encountered an internal error."));
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<SageMakerException>(() => client.DescribeTrainingJobAsync(new() { TrainingJobName = "j" }));

        Assert.Equal((SageMakerErrorKind.Transient, "InternalFailure", 500), (error.Kind, error.ErrorCode, error.StatusCode));
        Assert.Equal(4, server.Requests.Count);
        Assert.Equal([100, 200, 400], _delays.Select(d => d.TotalMilliseconds));
    }

    [Fact]
    public async Task Call_HtmlBadGatewayWithoutType_IsRetriedAndNamedByStatus()
    {
        await using var server = await StubAwsServer.StartAsync((_, call) =>
            call == 0 ? new StubReply(502, "<html>Bad Gateway</html>", "text/html") : new StubReply(200));
        using var client = Client(server);

        await client.StopHyperParameterTuningJobAsync(new() { HyperParameterTuningJobName = "t" });

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal("SageMaker.StopHyperParameterTuningJob", server.Requests[1].Header("X-Amz-Target"));
    }

    [Fact]
    public async Task Call_RateLimit_DelaysCallsBeyondTheBurstAcrossOperations()
    {
        await using var server = await StubAwsServer.StartAsync((_, _) => new StubReply(200));
        using var client = Client(server, o => o with { RequestsPerSecond = 2, Burst = 2 });

        await client.StopTrainingJobAsync(new() { TrainingJobName = "a" });
        await client.StopHyperParameterTuningJobAsync(new() { HyperParameterTuningJobName = "b" });
        await client.AddTagsAsync(new() { ResourceArn = "arn:x", Tags = [new() { Key = "k", Value = "v" }] });
        await client.ListTagsAsync(new() { ResourceArn = "arn:x" });

        // The delay advances the fake clock, so each wait covers exactly one token at 2 per second.
        Assert.Equal([TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(0.5)], _delays);
        Assert.Equal(4, server.Requests.Count);
    }

    internal static Task Invoke(ISageMaker client, string operation) => operation switch
    {
        "DescribeTrainingJob" => client.DescribeTrainingJobAsync(new() { TrainingJobName = "j" }),
        "DescribeHyperParameterTuningJob" => client.DescribeHyperParameterTuningJobAsync(new() { HyperParameterTuningJobName = "t" }),
        "CreateTrainingJob" => client.CreateTrainingJobAsync(new()
        {
            TrainingJobName = "j", RoleArn = "arn:aws:iam::123456789012:role/sm", OutputDataConfig = new() { S3OutputPath = "s3://b/o" },
        }),
        "CreateHyperParameterTuningJob" => client.CreateHyperParameterTuningJobAsync(new()
        {
            HyperParameterTuningJobName = "t",
            HyperParameterTuningJobConfig = new() { Strategy = HyperParameterTuningJobStrategyType.Bayesian, ResourceLimits = new() { MaxParallelTrainingJobs = 1 } },
        }),
        _ => throw new ArgumentException(operation),
    };

    private SageMakerClient Client(StubAwsServer server, Func<SageMakerClientOptions, SageMakerClientOptions>? configure = null)
    {
        var options = new SageMakerClientOptions
        {
            Region = "us-east-1",
            ServiceUrl = server.Url,
            Credentials = new BasicAWSCredentials(AccessKey, SecretKey),
            MaxRetries = 3,
            RetryBaseDelay = TimeSpan.FromMilliseconds(100),
            RetryMaxDelay = TimeSpan.FromSeconds(10),
            RequestsPerSecond = 0,
            TimeProvider = _clock,
            Jitter = () => 1.0,
            Delay = (delay, _) =>
            {
                lock (_delays)
                    _delays.Add(delay);
                _clock.Advance(delay);
                return Task.CompletedTask;
            },
        };
        return SageMakerClient.Create(configure?.Invoke(options) ?? options);
    }
}
