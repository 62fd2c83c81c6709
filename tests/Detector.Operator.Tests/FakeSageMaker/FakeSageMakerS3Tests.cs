using Amazon.S3.Model;
using Detector.Operator.Tests.Fakes.SageMaker;
using Detector.Testing;

namespace Detector.Operator.Tests.FakeSageMakerTests;

public sealed class FakeSageMakerS3Tests
{
    [SkippableFact]
    public async Task TrainingJob_ChannelWithNoObjects_FailsWhileDownloadingAsSageMakerDoes()
    {
        var s3rver = S3rverServer.Shared;
        var bucket = await s3rver.CreateUniqueBucketAsync("sm");
        using var s3 = s3rver.CreateClient();
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = "aquarium/train/train.rec", ContentBody = "records", UseChunkEncoding = false,
        });
        await using var sm = await FakeSageMaker.StartAsync(new FakeSageMakerOptions { S3 = s3 });
        using var client = new SageMakerTestClient(sm);

        await client.OkAsync("CreateTrainingJob", SageMakerRequests.TrainingJob("no-validation", bucket));
        var other = SageMakerRequests.TrainingJob("no-bucket", bucket + "-gone");
        await client.OkAsync("CreateTrainingJob", other);
        sm.Advance(TimeSpan.FromMinutes(6));

        var job = sm.TrainingJob("no-validation")!;
        Assert.Equal(("Failed", "Failed"), (job["TrainingJobStatus"]!.GetValue<string>(), job["SecondaryStatus"]!.GetValue<string>()));
        Assert.Equal($"ClientError: No S3 objects found under S3 URL \"s3://{bucket}/aquarium/validation/\" given in input data source. "
            + $"Please ensure that the bucket exists in the selected region (us-east-1), that objects exist under that S3 prefix, and that the role "
            + $"\"{SageMakerRequests.Role}\" has \"s3:ListBucket\" permissions on bucket \"{bucket}\".", job["FailureReason"]!.GetValue<string>());
        Assert.Equal("Failed", sm.TrainingJob("no-bucket")!["TrainingJobStatus"]!.GetValue<string>());
        Assert.Contains($"\"s3://{bucket}-gone/aquarium/train/\"", sm.TrainingJob("no-bucket")!["FailureReason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task TrainingJob_AllChannelsPresent_Completes()
    {
        var s3rver = S3rverServer.Shared;
        var bucket = await s3rver.CreateUniqueBucketAsync("sm");
        using var s3 = s3rver.CreateClient();
        foreach (var channel in new[] { "train", "validation" })
            await s3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = bucket, Key = $"aquarium/{channel}/{channel}.rec", ContentBody = "records", UseChunkEncoding = false,
            });
        await using var sm = await FakeSageMaker.StartAsync(new FakeSageMakerOptions { S3 = s3 });
        using var client = new SageMakerTestClient(sm);

        await client.OkAsync("CreateTrainingJob", SageMakerRequests.TrainingJob("complete", bucket));
        sm.Advance(TimeSpan.FromHours(1));

        Assert.Equal("Completed", sm.TrainingJob("complete")!["TrainingJobStatus"]!.GetValue<string>());
    }
}
