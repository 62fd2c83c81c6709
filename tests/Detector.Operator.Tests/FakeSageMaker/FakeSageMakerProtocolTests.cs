using System.Text.Json.Nodes;
using Detector.Operator.Tests.Fakes.SageMaker;

namespace Detector.Operator.Tests.FakeSageMakerTests;

public sealed class FakeSageMakerProtocolTests : FakeSageMakerSession
{
    [SkippableFact]
    public async Task Call_SignedWithTheFakesKey_IsServedAndLogged()
    {
        var answer = await Client.CallAsync("DescribeTrainingJob", new JsonObject { ["TrainingJobName"] = "missing" });

        Assert.Equal((400, "ValidationException", "Requested resource not found."), (answer.Status, answer.Code, answer.Message));
        var call = Assert.Single(Sm.Requests);
        Assert.Equal(("DescribeTrainingJob", 400, "ValidationException"), (call.Operation, call.StatusCode, call.ErrorCode));
        Assert.Empty(Sm.ValidationFailures); // a not-found answer is not a client bug
    }

    [SkippableTheory]
    [InlineData("wrong secret", "InvalidSignatureException", "The request signature we calculated does not match the signature you provided.")]
    [InlineData("unknown key", "UnrecognizedClientException", "The security token included in the request is invalid.")]
    [InlineData("body changed", "InvalidSignatureException", "The request signature we calculated does not match the signature you provided.")]
    [InlineData("target changed", "InvalidSignatureException", "The request signature we calculated does not match the signature you provided.")]
    [InlineData("old date", "InvalidSignatureException", "Signature expired: ")]
    [InlineData("wrong region", "InvalidSignatureException", "Credential should be scoped to a valid region, not 'eu-west-1'.")]
    [InlineData("no authorization", "MissingAuthenticationTokenException", "Missing Authentication Token")]
    public async Task Call_BadSignature_Is403WithAwsCode(string breakage, string code, string messageStart)
    {
        var body = new JsonObject { ["TrainingJobName"] = "x" };
        var answer = breakage switch
        {
            "wrong secret" => await Client.CallAsync("DescribeTrainingJob", body, secretKey: "not-the-secret"),
            "unknown key" => await Client.CallAsync("DescribeTrainingJob", body, accessKey: "AKIDSOMEONEELSE0000"),
            "body changed" => await Client.CallAsync("DescribeTrainingJob", body, tamper: r => r.Content = Json("{\"TrainingJobName\":\"y\"}")),
            "target changed" => await Client.CallAsync("DescribeTrainingJob", body, tamper: r =>
            {
                r.Headers.Remove("X-Amz-Target");
                r.Headers.TryAddWithoutValidation("X-Amz-Target", "SageMaker.StopTrainingJob");
            }),
            "old date" => await Client.CallAsync("DescribeTrainingJob", body, signedAt: DateTimeOffset.UtcNow.AddMinutes(-20)),
            "wrong region" => await Client.CallAsync("DescribeTrainingJob", body, region: "eu-west-1"),
            _ => await Client.CallAsync("DescribeTrainingJob", body, tamper: r => r.Headers.Remove("Authorization")),
        };

        Assert.Equal((403, code), (answer.Status, answer.Code));
        Assert.StartsWith(messageStart, answer.Message, StringComparison.Ordinal);
        Assert.Equal($"{code}:http://internal.amazon.com/coral/com.amazon.coral.service/", answer.ErrorTypeHeader);
        Assert.Equal(code, Assert.Single(Sm.ValidationFailures).ErrorCode);
    }

    [SkippableFact]
    public async Task Call_UnknownTarget_IsUnknownOperationException()
    {
        var answer = await Client.CallAsync("Nope", new JsonObject(), target: "SageMaker.CreateTrainingJobs");

        Assert.Equal((400, "UnknownOperationException"), (answer.Status, answer.Code));
        Assert.Equal("com.amazon.coral.service#UnknownOperationException", answer.Body["__type"]!.GetValue<string>());
    }

    [SkippableTheory]
    [InlineData("{\"TrainingJobName\":", "SerializationException")]
    [InlineData("", "SerializationException")]
    [InlineData("[]", "SerializationException")]
    public async Task Call_BodyNotAJsonObject_IsSerializationException(string raw, string code)
    {
        var answer = await Client.CallAsync("DescribeTrainingJob", null, rawBody: raw);

        Assert.Equal((400, code), (answer.Status, answer.Code));
        Assert.Single(Sm.ValidationFailures);
    }

    [SkippableFact]
    public async Task Call_PlainJsonContentType_IsRejected()
    {
        var answer = await Client.CallAsync("DescribeTrainingJob", new JsonObject { ["TrainingJobName"] = "x" }, contentType: "application/json");

        Assert.Equal((400, "UnknownOperationException"), (answer.Status, answer.Code));
    }

    [SkippableFact]
    public async Task Call_ModelViolation_IsValidationExceptionAndRecorded()
    {
        var body = SageMakerRequests.TrainingJob("my_job");

        var answer = await Client.CallAsync("CreateTrainingJob", body);

        Assert.Equal((400, "ValidationException"), (answer.Status, answer.Code));
        Assert.Equal("1 validation error detected: Value 'my_job' at 'trainingJobName' failed to satisfy constraint: "
            + "Member must satisfy regular expression pattern: [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}", answer.Message);
        var failure = Assert.Single(Sm.ValidationFailures);
        Assert.Equal(("CreateTrainingJob", "ValidationException"), (failure.Operation, failure.ErrorCode));
        Assert.Empty(Sm.TrainingJobs);
    }

    [SkippableFact]
    public async Task Call_OperationTheFakeDoesNotImplement_Is501()
    {
        var answer = await Client.CallAsync("ListDomains", new JsonObject());

        Assert.Equal((501, "NotImplementedByFake"), (answer.Status, answer.Code));
    }

    private static ByteArrayContent Json(string text)
    {
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/x-amz-json-1.1");
        return content;
    }
}
