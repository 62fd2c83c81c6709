using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using k8s;
using k8s.Models;
using AwsStoppingCondition = Detector.Operator.Aws.StoppingCondition;
using AwsVpcConfig = Detector.Operator.Aws.VpcConfig;

namespace Detector.Operator.Runs;

/// <summary>
/// Pure: the pieces a CreateTrainingJob request and a tuning job's training job definition share, from the spec fields
/// <see cref="ITrainingJobSpec"/> names. Every field is set explicitly; no I/O, no clock.
/// </summary>
public static class TrainingJobParts
{
    /// <summary>The RecordIO content type of both channels.</summary>
    public const string RecordIOContentType = "application/x-recordio";

    /// <summary>Tag key with the Kubernetes kind that owns the job.</summary>
    public const string KindTag = ApiGroup.Name + "/kind";

    /// <summary>Tag key with the owning object's namespace.</summary>
    public const string NamespaceTag = ApiGroup.Name + "/namespace";

    /// <summary>Tag key with the owning object's name.</summary>
    public const string NameTag = ApiGroup.Name + "/name";

    /// <summary>Tag key with the owning object's uid.</summary>
    public const string UidTag = ApiGroup.Name + "/uid";

    /// <summary>How many tags the operator adds to every job.</summary>
    public const int OperatorTagCount = 4;

    /// <summary>The train and validation channels: one RecordIO file each, fully replicated to every instance.</summary>
    public static List<Channel> Channels(DatasetInputs data) => [RecordIO("train", data.TrainRecUri), RecordIO("validation", data.ValidationRecUri)];

    /// <summary>Where the artifacts go, KMS-encrypted when a key is given.</summary>
    public static OutputDataConfig Output(ITrainingJobSpec spec) => new()
    {
        S3OutputPath = spec.Output.S3.Uri,
        KmsKeyId = spec.Output.KmsKeyId,
    };

    /// <summary>Instances and volume; the warm pool only when asked for.</summary>
    public static ResourceConfig Resources(ITrainingJobSpec spec) => new()
    {
        InstanceType = spec.Resources.InstanceType,
        InstanceCount = spec.Resources.InstanceCount,
        VolumeSizeInGB = spec.Resources.VolumeSizeGB,
        VolumeKmsKeyId = spec.Resources.VolumeKmsKeyId,
        KeepAlivePeriodInSeconds = spec.Resources.KeepAliveSeconds > 0 ? spec.Resources.KeepAliveSeconds : null,
    };

    /// <summary>The runtime limit, plus the spot wait limit with spot training.</summary>
    public static AwsStoppingCondition Stopping(ITrainingJobSpec spec) => new()
    {
        MaxRuntimeInSeconds = spec.StoppingCondition.MaxRuntimeSeconds,
        MaxWaitTimeInSeconds = IsSpot(spec) ? spec.Spot!.MaxWaitSeconds : null,
    };

    /// <summary>The VPC, or null.</summary>
    public static AwsVpcConfig? Vpc(ITrainingJobSpec spec) => spec.VpcConfig is { } vpc
        ? new AwsVpcConfig { SecurityGroupIds = [.. vpc.SecurityGroupIds], Subnets = [.. vpc.Subnets] }
        : null;

    /// <summary>Whether the job runs on spot capacity.</summary>
    public static bool IsSpot(ITrainingJobSpec spec) => spec.Spot is { Enabled: true };

    /// <summary>
    /// Checkpoints under <c>{checkpointS3Uri}/{jobName}/</c>: a new job (a spec edit) must not resume from the
    /// checkpoints of the previous one, which trained other hyperparameters.
    /// </summary>
    public static CheckpointConfig? Checkpoint(ITrainingJobSpec spec, string jobName) => spec.Spot?.CheckpointS3Uri is { Length: > 0 } uri
        ? new CheckpointConfig { S3Uri = $"{uri.TrimEnd('/')}/{jobName}/" }
        : null;

    /// <summary>The retry strategy, or null.</summary>
    public static RetryStrategy? Retry(ITrainingJobSpec spec) =>
        spec.MaxRetryAttempts is { } attempts ? new RetryStrategy { MaximumRetryAttempts = attempts } : null;

    /// <summary>The user's tags, sorted by key, then the operator's (which win on a clash: they find the job's owner).</summary>
    public static List<Tag> Tags(IKubernetesObject<V1ObjectMeta> owner, IReadOnlyDictionary<string, string> userTags)
    {
        var ours = OperatorTags(owner);
        return
        [
            .. userTags.Where(t => !ours.ContainsKey(t.Key)).OrderBy(t => t.Key, StringComparer.Ordinal)
                .Select(t => new Tag { Key = t.Key, Value = t.Value }),
            .. ours.Select(t => new Tag { Key = t.Key, Value = t.Value }),
        ];
    }

    /// <summary>The operator's tags: kind, namespace, name and uid of the owning object.</summary>
    public static IReadOnlyDictionary<string, string> OperatorTags(IKubernetesObject<V1ObjectMeta> owner) => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        [KindTag] = owner.Kind,
        [NamespaceTag] = owner.Metadata.NamespaceProperty ?? "",
        [NameTag] = owner.Metadata.Name,
        [UidTag] = owner.Metadata.Uid ?? "",
    };

    // The .rec files are MXNet RecordIO already: SageMaker must not wrap them again (RecordWrapperType is for raw
    // data; "if the input data is already in RecordIO format, you don't need to set this"), so None.
    // S3Prefix with the exact object key selects that one file: SageMaker wants exactly one .rec per channel.
    private static Channel RecordIO(string name, string s3Uri) => new()
    {
        ChannelName = name,
        ContentType = RecordIOContentType,
        CompressionType = CompressionType.None,
        RecordWrapperType = RecordWrapper.None,
        DataSource = new DataSource
        {
            S3DataSource = new S3DataSource
            {
                S3DataType = S3DataType.S3Prefix,
                S3Uri = s3Uri,
                S3DataDistributionType = S3DataDistribution.FullyReplicated,
            },
        },
    };
}
