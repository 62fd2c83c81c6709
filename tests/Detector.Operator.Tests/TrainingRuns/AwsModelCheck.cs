using System.Text.Json.Nodes;
using Detector.Operator.Aws;
using Detector.Operator.Tests.Fakes.SageMaker;
using Detector.Testing;

namespace Detector.Operator.Tests.TrainingRuns;

/// <summary>Checks a request record against the AWS API model with the fake SageMaker's validator (the same one the fake runs).</summary>
public static class AwsModelCheck
{
    /// <summary>Asserts that <paramref name="request"/>, serialized as the client sends it, satisfies the model's <paramref name="shapeName"/>.</summary>
    public static void AssertValid(string shapeName, object request)
    {
        var model = ServiceModel.Load(SharedData.SageMakerModel);
        var body = JsonNode.Parse(AwsJson.Serialize(request));
        var check = ModelValidator.Validate(model, shapeName, body);
        Assert.True(check.Passed, check.SerializationError ?? ModelValidator.Message(check.Violations));
    }
}
