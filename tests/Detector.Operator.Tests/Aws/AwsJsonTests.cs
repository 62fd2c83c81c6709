using System.Text;
using System.Text.Json;
using Detector.Operator.Aws;

namespace Detector.Operator.Tests.Aws;

public class AwsJsonTests
{
    [Fact]
    public void Serialize_Request_UsesMemberNamesAndOmitsNulls()
    {
        var request = new CreateTrainingJobRequest
        {
            TrainingJobName = "job-1",
            RoleArn = "arn:aws:iam::123456789012:role/sm",
            OutputDataConfig = new() { S3OutputPath = "s3://bucket/out" },
            StoppingCondition = new() { MaxRuntimeInSeconds = 3600 },
            EnableManagedSpotTraining = true,
        };

        var json = Encoding.UTF8.GetString(AwsJson.Serialize(request));

        Assert.Equal("""{"TrainingJobName":"job-1","RoleArn":"arn:aws:iam::123456789012:role/sm","OutputDataConfig":{"S3OutputPath":"s3://bucket/out"},"StoppingCondition":{"MaxRuntimeInSeconds":3600},"EnableManagedSpotTraining":true}""", json);
    }

    [Fact]
    public void Serialize_Timestamp_IsEpochSeconds()
    {
        var request = new ListTrainingJobsForHyperParameterTuningJobRequest { HyperParameterTuningJobName = "t" };
        var summary = new HyperParameterTrainingJobSummary
        {
            TrainingJobName = "j", TrainingJobArn = "arn", TrainingJobStatus = TrainingJobStatus.Completed,
            TunedHyperParameters = new() { ["learning_rate"] = "0.01" },
            CreationTime = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_250),
        };

        Assert.Equal("""{"HyperParameterTuningJobName":"t"}""", Encoding.UTF8.GetString(AwsJson.Serialize(request)));
        Assert.Contains("\"CreationTime\":1700000000.25", Encoding.UTF8.GetString(AwsJson.Serialize(summary)));
    }

    [Fact]
    public void Deserialize_Response_ReadsEpochSecondsNestedRecordsAndIgnoresUnknownMembers()
    {
        var body = """
            {"TrainingJobName":"job-1","TrainingJobArn":"arn:aws:sagemaker:us-east-1:1:training-job/job-1",
             "TrainingJobStatus":"Completed","SecondaryStatus":"Completed","CreationTime":1700000000.5,
             "ModelArtifacts":{"S3ModelArtifacts":"s3://b/out/job-1/output/model.tar.gz"},
             "StoppingCondition":{"MaxRuntimeInSeconds":86400},
             "FinalMetricDataList":[{"MetricName":"validation:mAP","Value":0.61,"Timestamp":1700000100}],
             "SomethingAddedNextYear":{"x":1}}
            """u8;

        var response = AwsJson.Deserialize<DescribeTrainingJobResponse>(body);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500), response.CreationTime);
        Assert.Equal("s3://b/out/job-1/output/model.tar.gz", response.ModelArtifacts.S3ModelArtifacts);
        var metric = Assert.Single(response.FinalMetricDataList!);
        Assert.Equal(("validation:mAP", 0.61), (metric.MetricName, metric.Value));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_100), metric.Timestamp);
    }

    [Fact]
    public void Deserialize_ResponseMissingARequiredMember_StillReads()
    {
        var response = AwsJson.Deserialize<DescribeTrainingJobResponse>("""{"TrainingJobName":"job-1"}"""u8);

        Assert.Equal("job-1", response.TrainingJobName);
        Assert.Null(response.TrainingJobStatus);
    }

    [Fact]
    public void Deserialize_EmptyBody_IsAnEmptyResponse() =>
        Assert.NotNull(AwsJson.Deserialize<StopTrainingJobResponse>(ReadOnlySpan<byte>.Empty));

    [Fact]
    public void Deserialize_IsoTimestampString_IsAccepted() =>
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
            AwsJson.Deserialize<MetricData>("""{"Timestamp":"2024-01-02T03:04:05Z"}"""u8).Timestamp);

    [Fact]
    public void Deserialize_WrongShape_FailsWithJsonException() =>
        Assert.ThrowsAny<JsonException>(() => AwsJson.Deserialize<MetricData>("""{"Value":"high"}"""u8));
}
