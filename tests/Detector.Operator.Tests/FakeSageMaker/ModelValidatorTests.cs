using System.Text.Json.Nodes;
using Detector.Operator.Tests.Fakes.SageMaker;
using Detector.Testing;

namespace Detector.Operator.Tests.FakeSageMakerTests;

public sealed class ModelValidatorTests
{
    private const string NamePattern = "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}";

    [SkippableFact]
    public void Validate_OperatorShapedTrainingAndTuningRequests_Pass()
    {
        Assert.True(Check("CreateTrainingJobRequest", SageMakerRequests.TrainingJob("job-1")).Passed);
        Assert.True(Check("CreateTrainingJobRequest", SageMakerRequests.TrainingJob("job-1", spot: true)).Passed);
        Assert.True(Check("CreateHyperParameterTuningJobRequest", SageMakerRequests.TuningJob("tune-1")).Passed);
    }

    [SkippableTheory]
    [InlineData("missing required", "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null")]
    [InlineData("bad enum", "1 validation error detected: Value 'Stream' at 'algorithmSpecification.trainingInputMode' failed to satisfy constraint: "
        + "Member must satisfy enum value set: [Pipe, File, FastFile]")]
    [InlineData("too long name", "2 validation errors detected: Value '" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' at 'trainingJobName' "
        + "failed to satisfy constraint: Member must have length less than or equal to 63; Value '" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        + "' at 'trainingJobName' failed to satisfy constraint: Member must satisfy regular expression pattern: " + NamePattern)]
    [InlineData("bad pattern", "1 validation error detected: Value 'my_job' at 'trainingJobName' failed to satisfy constraint: "
        + "Member must satisfy regular expression pattern: " + NamePattern)]
    [InlineData("out-of-range int", "1 validation error detected: Value '0' at 'stoppingCondition.maxRuntimeInSeconds' failed to satisfy constraint: "
        + "Member must have value greater than or equal to 1")]
    [InlineData("list element", "1 validation error detected: Value 'bad uri' at 'inputDataConfig.2.member.dataSource.s3DataSource.s3Uri' "
        + "failed to satisfy constraint: Member must satisfy regular expression pattern: (https|s3)://([^/]+)/?(.*)")]
    [InlineData("map value", "1 validation error detected: Value '{epochs=" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
        + "}' at 'hyperParameters' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 2500]")]
    public void Validate_BrokenTrainingRequest_GivesAwsMessage(string breakage, string message)
    {
        var body = SageMakerRequests.TrainingJob("job-1");
        switch (breakage)
        {
            case "missing required": body.Remove("RoleArn"); break;
            case "bad enum": body["AlgorithmSpecification"]!["TrainingInputMode"] = "Stream"; break;
            case "too long name": body["TrainingJobName"] = new string('a', 64); break;
            case "bad pattern": body["TrainingJobName"] = "my_job"; break;
            case "out-of-range int": body["StoppingCondition"]!["MaxRuntimeInSeconds"] = 0; break;
            case "list element": body["InputDataConfig"]![1]!["DataSource"]!["S3DataSource"]!["S3Uri"] = "bad uri"; break;
            case "map value": body["HyperParameters"]!["epochs"] = new string('x', 50); break;
        }
        if (breakage == "map value")
        {
            // The value limit is 2500 characters; build the message's value at that size.
            var huge = new string('x', 2501);
            body["HyperParameters"]!["epochs"] = huge;
            message = message.Replace(new string('x', 50), huge, StringComparison.Ordinal);
        }

        var check = Check("CreateTrainingJobRequest", body);

        Assert.Null(check.SerializationError);
        Assert.Equal(message, ModelValidator.Message(check.Violations));
    }

    [SkippableTheory]
    [InlineData("unknown member", "Unknown member 'Foo' at 'algorithmSpecification' (shape AlgorithmSpecification)")]
    [InlineData("string for int", "Expected a number at 'resourceConfig.instanceCount' (shape TrainingInstanceCount, type integer) but got string")]
    [InlineData("fractional int", "Number 1.5 at 'resourceConfig.volumeSizeInGB' is not a valid integer (shape OptionalVolumeSizeInGB)")]
    [InlineData("object for list", "Expected a JSON array at 'inputDataConfig' (shape InputDataConfig, type list) but got object")]
    [InlineData("number for bool", "Expected a boolean at 'enableManagedSpotTraining' (shape Boolean, type boolean) but got number")]
    [InlineData("unknown top-level", "Unknown member 'TrainingJobname' at '(request)' (shape CreateTrainingJobRequest)")]
    public void Validate_WrongTypesOrUnknownMembers_IsSerializationError(string breakage, string message)
    {
        var body = SageMakerRequests.TrainingJob("job-1");
        switch (breakage)
        {
            case "unknown member": body["AlgorithmSpecification"]!["Foo"] = "x"; break;
            case "string for int": body["ResourceConfig"]!["InstanceCount"] = "1"; break;
            case "fractional int": body["ResourceConfig"]!["VolumeSizeInGB"] = 1.5; break;
            case "object for list": body["InputDataConfig"] = new JsonObject(); break;
            case "number for bool": body["EnableManagedSpotTraining"] = 1; break;
            case "unknown top-level": body["TrainingJobname"] = "x"; break;
        }

        Assert.Equal(message, Check("CreateTrainingJobRequest", body).SerializationError);
    }

    [SkippableFact]
    public void Validate_TuningNameOver32_IsRejected()
    {
        var check = Check("CreateHyperParameterTuningJobRequest", SageMakerRequests.TuningJob(new string('t', 33)));

        Assert.Contains(check.Violations, v => v is { Path: "hyperParameterTuningJobName", Constraint: "Member must have length less than or equal to 32" });
    }

    [SkippableFact]
    public void Validate_ListTagsMaxResultsBelow50_IsRejected()
    {
        var check = Check("ListTagsInput", new JsonObject { ["ResourceArn"] = "arn:aws:sagemaker:us-east-1:123456789012:training-job/x", ["MaxResults"] = 10 });

        Assert.Equal("1 validation error detected: Value '10' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 50",
            ModelValidator.Message(check.Violations));
    }

    [SkippableFact]
    public void Validate_ResponseMissingARequiredMember_IsAViolation()
    {
        var response = new JsonObject
        {
            ["TrainingJobName"] = "j", ["TrainingJobArn"] = "arn:aws:sagemaker:us-east-1:123456789012:training-job/j", ["TrainingJobStatus"] = "InProgress",
            ["SecondaryStatus"] = "Starting", ["StoppingCondition"] = new JsonObject { ["MaxRuntimeInSeconds"] = 60 }, ["CreationTime"] = 1.5,
        };

        var check = Check("DescribeTrainingJobResponse", response);

        Assert.Equal("1 validation error detected: Value null at 'modelArtifacts' failed to satisfy constraint: Member must not be null",
            ModelValidator.Message(check.Violations));
    }

    private static ModelCheck Check(string shape, JsonObject body) =>
        ModelValidator.Validate(ServiceModel.Load(SharedData.SageMakerModel), shape, body);
}
