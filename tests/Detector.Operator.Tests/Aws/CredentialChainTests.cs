using Detector.Operator.Aws;

namespace Detector.Operator.Tests.Aws;

/// <summary>The client's default credentials come from AWSSDK.Core's chain; these tests drive it through the environment.</summary>
[Collection(AwsEnvironmentCollection.Name)]
public class CredentialChainTests
{
    [Fact]
    public async Task Call_NoCredentialsInOptions_UsesEnvironmentVariables()
    {
        await using var server = await StubAwsServer.StartAsync((_, _) => new StubReply(200));
        using var scope = new EnvironmentScope(new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIDENV", ["AWS_SECRET_ACCESS_KEY"] = "env-secret", ["AWS_SESSION_TOKEN"] = "env-token",
        });
        using var client = SageMakerClient.Create(new() { Region = "us-west-2", ServiceUrl = server.Url, RequestsPerSecond = 0 });

        await client.StopTrainingJobAsync(new() { TrainingJobName = "j" });

        var request = Assert.Single(server.Requests);
        Assert.Contains("Credential=AKIDENV/", request.Header("Authorization"));
        Assert.Equal("env-token", request.Header("X-Amz-Security-Token"));
        Assert.True(StubAwsServer.HasValidSignature(request, "env-secret", "us-west-2"));
    }

    [Fact]
    public async Task Call_ContainerCredentialsFullUri_FetchesWithTheAuthorizationTokenAndSigns()
    {
        var expiration = DateTimeOffset.UtcNow.AddHours(6).ToString("yyyy-MM-ddTHH:mm:ssZ");
        await using var server = await StubAwsServer.StartAsync((request, _) => request.Path == "/credentials"
            ? new StubReply(200, $$"""{"AccessKeyId":"AKIDPOD","SecretAccessKey":"pod-secret","Token":"pod-token","Expiration":"{{expiration}}"}""",
                "application/json")
            : new StubReply(200));
        using var scope = new EnvironmentScope(new Dictionary<string, string>
        {
            // EKS Pod Identity sets these two (with a token file); ECS uses the relative URI instead.
            ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = new Uri(server.Url, "/credentials").ToString(),
            ["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = "pod-identity-token",
        });
        using var client = SageMakerClient.Create(new() { Region = "eu-central-1", ServiceUrl = server.Url, RequestsPerSecond = 0 });

        await client.DescribeTrainingJobAsync(new() { TrainingJobName = "j" });
        await client.DescribeTrainingJobAsync(new() { TrainingJobName = "j" });

        var fetches = server.Requests.Where(r => r.Path == "/credentials").ToList();
        Assert.Equal("pod-identity-token", Assert.Single(fetches).Header("Authorization"));
        var calls = server.Requests.Where(r => r.Path == "/").ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, call =>
        {
            Assert.Contains("Credential=AKIDPOD/", call.Header("Authorization"));
            Assert.Equal("pod-token", call.Header("X-Amz-Security-Token"));
            Assert.True(StubAwsServer.HasValidSignature(call, "pod-secret", "eu-central-1"));
        });
    }

    [Fact]
    public async Task Call_WebIdentityTokenFile_ExchangesItThroughStsLikeIrsa()
    {
        var expiration = DateTimeOffset.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ");
        await using var server = await StubAwsServer.StartAsync((request, _) => request.Text.Contains("Action=AssumeRoleWithWebIdentity")
            ? new StubReply(200, $"""
                <AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <AssumeRoleWithWebIdentityResult>
                    <Credentials><AccessKeyId>AKIDIRSA</AccessKeyId><SecretAccessKey>irsa-secret</SecretAccessKey>
                      <SessionToken>irsa-token</SessionToken><Expiration>{expiration}</Expiration></Credentials>
                    <SubjectFromWebIdentityToken>system:serviceaccount:detector:operator</SubjectFromWebIdentityToken>
                    <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/detector/s</Arn><AssumedRoleId>AROAEXAMPLE:s</AssumedRoleId></AssumedRoleUser>
                  </AssumeRoleWithWebIdentityResult>
                  <ResponseMetadata><RequestId>sts-1</RequestId></ResponseMetadata>
                </AssumeRoleWithWebIdentityResponse>
                """, "text/xml")
            : new StubReply(200));
        var tokenFile = Path.Combine(Path.GetTempPath(), $"detector-irsa-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(tokenFile, "eyJhbGciOiJSUzI1NiJ9.projected-service-account-token.sig");
        try
        {
            using var scope = new EnvironmentScope(new Dictionary<string, string>
            {
                // What the EKS pod identity webhook injects for IRSA; the STS endpoint points at the stub.
                ["AWS_WEB_IDENTITY_TOKEN_FILE"] = tokenFile,
                ["AWS_ROLE_ARN"] = "arn:aws:iam::123456789012:role/detector",
                ["AWS_REGION"] = "us-east-1",
                ["AWS_ENDPOINT_URL_STS"] = server.Url.ToString(),
            });
            using var client = SageMakerClient.Create(new() { Region = "us-east-1", ServiceUrl = server.Url, RequestsPerSecond = 0 });

            await client.StopTrainingJobAsync(new() { TrainingJobName = "j" });

            var sts = Assert.Single(server.Requests, r => r.Text.Contains("Action=AssumeRoleWithWebIdentity"));
            Assert.Contains("WebIdentityToken=eyJhbGciOiJSUzI1NiJ9.projected-service-account-token.sig", sts.Text);
            var call = Assert.Single(server.Requests, r => r.Header("X-Amz-Target") == "SageMaker.StopTrainingJob");
            Assert.Contains("Credential=AKIDIRSA/", call.Header("Authorization"));
            Assert.Equal("irsa-token", call.Header("X-Amz-Security-Token"));
            Assert.True(StubAwsServer.HasValidSignature(call, "irsa-secret", "us-east-1"));
        }
        finally
        {
            File.Delete(tokenFile);
        }
    }

    [Fact]
    public async Task Call_NoCredentialsAnywhere_ThrowsAccessDeniedSayingSo()
    {
        using var scope = new EnvironmentScope(new Dictionary<string, string>());
        using var client = SageMakerClient.Create(new()
        {
            Region = "us-east-1", ServiceUrl = new Uri("http://127.0.0.1:9/"), RequestsPerSecond = 0, MaxRetries = 0,
        });

        var error = await Assert.ThrowsAsync<SageMakerException>(() => client.StopTrainingJobAsync(new() { TrainingJobName = "j" }));

        Assert.Equal((SageMakerErrorKind.AccessDenied, "MissingCredentials"), (error.Kind, error.ErrorCode));
        Assert.Contains("No AWS credentials found", error.Message);
    }
}
