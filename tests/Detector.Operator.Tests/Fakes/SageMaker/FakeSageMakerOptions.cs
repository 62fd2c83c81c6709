using Amazon.S3;
using Microsoft.Extensions.Time.Testing;

namespace Detector.Operator.Tests.Fakes.SageMaker;

/// <summary>How a <see cref="FakeSageMaker"/> starts.</summary>
public sealed record FakeSageMakerOptions
{
    /// <summary>The region requests must be signed for and ARNs name.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>The account id in ARNs.</summary>
    public string AccountId { get; init; } = "123456789012";

    /// <summary>The only access key the fake accepts.</summary>
    public string AccessKey { get; init; } = "AKIDFAKESAGEMAKER000";

    /// <summary>Its secret key.</summary>
    public string SecretKey { get; init; } = "fake/SageMaker+secret/key/for/tests/only0";

    /// <summary>When set, requests must carry this <c>X-Amz-Security-Token</c> (temporary credentials); else none.</summary>
    public string? SessionToken { get; init; }

    /// <summary>The simulated clock: job state machines advance only when the test advances it.</summary>
    public FakeTimeProvider Clock { get; init; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>
    /// The wall clock the signature date is checked against. The client signs with real time while tests move
    /// <see cref="Clock"/> by hours, so the two are kept apart.
    /// </summary>
    public TimeProvider SigningClock { get; init; } = TimeProvider.System;

    /// <summary>How far a request's <c>X-Amz-Date</c> may be from <see cref="SigningClock"/> (AWS: 15 minutes).</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How long each phase of a training job takes, unless a <see cref="TrainingScript"/> says otherwise.</summary>
    public TrainingTimings Timings { get; init; } = new();

    /// <summary>How long endpoints, inference components and model package validation take.</summary>
    public HostingTimings Hosting { get; init; } = new();

    /// <summary>
    /// How many CreateEndpoint calls per new endpoint config fail with "Could not find endpoint configuration" before
    /// the config is visible: SageMaker's eventual consistency right after CreateEndpointConfig (reference §0 #12).
    /// </summary>
    public int EndpointConfigConsistencyFailures { get; init; } = 1;

    /// <summary>Billable seconds of a managed spot job as a fraction of its training seconds (the spot saving).</summary>
    public double SpotBillableFraction { get; init; } = 0.3;

    /// <summary>
    /// When set, CreateTrainingJob checks every <c>s3://</c> input channel against this S3 server (configure it like
    /// <c>S3rverServer.CreateClient()</c>); a channel with no object under its prefix fails the job while downloading,
    /// as SageMaker does. Null: channels are not checked.
    /// </summary>
    public IAmazonS3? S3 { get; init; }

    /// <summary>
    /// Per training instance type, how many instances running training jobs may use at once (the account quota);
    /// a CreateTrainingJob beyond it fails with ResourceLimitExceeded. Null or a missing type: unlimited.
    /// </summary>
    public IReadOnlyDictionary<string, int>? TrainingInstanceQuotas { get; init; }

    /// <summary>When set, only these role ARNs can be assumed; any other fails the Create with SageMaker's message.</summary>
    public IReadOnlySet<string>? AssumableRoles { get; init; }

    /// <summary>The AWS model to validate against; default ../shared/aws-models/sagemaker-2017-07-24.json.</summary>
    public string? ModelPath { get; init; }

    /// <summary>The runtime model (InvokeEndpoint); default ../shared/aws-models/sagemaker-runtime-2017-05-13.json.</summary>
    public string? RuntimeModelPath { get; init; }
}

/// <summary>Durations of a training job's secondary statuses.</summary>
/// <param name="Starting">Starting (instances launching).</param>
/// <param name="Downloading">Downloading input data.</param>
/// <param name="Training">Training.</param>
/// <param name="Uploading">Uploading the model artifact.</param>
/// <param name="Stopping">From StopTrainingJob to Stopped.</param>
public sealed record TrainingTimings(TimeSpan Starting, TimeSpan Downloading, TimeSpan Training, TimeSpan Uploading, TimeSpan Stopping)
{
    /// <summary>2 min starting, 3 min downloading, 20 min training, 1 min uploading, 30 s stopping.</summary>
    public TrainingTimings()
        : this(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(30))
    {
    }

    /// <summary>From creation to completion.</summary>
    public TimeSpan Total => Starting + Downloading + Training + Uploading;
}

/// <summary>Durations of the hosting state machines.</summary>
/// <param name="EndpointCreating">Creating → InService.</param>
/// <param name="EndpointUpdating">Updating → InService.</param>
/// <param name="EndpointDeleting">Deleting → gone.</param>
/// <param name="ComponentCreating">Inference component Creating → InService.</param>
/// <param name="ComponentUpdating">Inference component Updating → InService.</param>
/// <param name="ComponentDeleting">Inference component Deleting → gone.</param>
/// <param name="PackageValidation">Model package InProgress → Completed.</param>
public sealed record HostingTimings(TimeSpan EndpointCreating, TimeSpan EndpointUpdating, TimeSpan EndpointDeleting, TimeSpan ComponentCreating,
    TimeSpan ComponentUpdating, TimeSpan ComponentDeleting, TimeSpan PackageValidation)
{
    /// <summary>6 min to create an endpoint, 5 to update, 1 to delete; 4, 3 and 1 for components; 10 s package validation.</summary>
    public HostingTimings()
        : this(TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(3),
            TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10))
    {
    }
}

/// <summary>What a scripted training job does instead of the defaults (see <c>FakeSageMaker.ScriptTrainingJob</c>).</summary>
public sealed record TrainingScript
{
    /// <summary>The final <c>validation:mAP</c>; null: derived from the hyperparameters.</summary>
    public double? Metric { get; init; }

    /// <summary>Phase durations; null: the fake's defaults.</summary>
    public TrainingTimings? Timings { get; init; }

    /// <summary>When set, the job fails at the end of <see cref="FailDuring"/> with this reason.</summary>
    public string? FailureReason { get; init; }

    /// <summary>The secondary status during which it fails (Starting, Downloading, Training or Uploading).</summary>
    public string FailDuring { get; init; } = "Training";
}
