using System.Diagnostics;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Crds;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.EndToEnd;

namespace Detector.Operator.Tests.TrainingRuns;

/// <summary>
/// TrainingRun and TuningRun end to end over HTTP: operator process, real API server (envtest), fake SageMaker (AWS-model
/// validation, state machines on a controllable clock) and s3rver holding data prepared by the real pipeline.
/// </summary>
public sealed class TrainingLifecycleTests
{
    private static readonly TimeSpan s_wholeJob = TimeSpan.FromHours(1);

    [SkippableFact]
    public async Task Apply_DatasetThenTrainingAndTuning_CompleteWithMapAndBestJob_CreatingEachJobOnceAcrossRestarts()
    {
        await using var env = await SageMakerEnvironment.StartAsync();
        env.StartOperator();
        await env.PrepareDatasetAsync("aquarium");

        await env.TrainingRuns.CreateAsync(env.NewTrainingRun("ssd", "aquarium"), CancellationToken.None);
        await env.WaitForAsync(e => e.TrainingRun("ssd")?.Status?.Phase == TrainingRunPhase.Starting);
        var jobName = env.TrainingRun("ssd")!.Status!.TrainingJobName!;
        Assert.Equal(0, await env.StopOperatorAsync());
        env.StartOperator();
        await env.WaitForAsync(e => e.SageMaker.Requests.Count(r => r.Operation == "DescribeTrainingJob") >= 2);

        env.SageMaker.Advance(s_wholeJob);
        await env.WaitForAsync(e => e.TrainingRun("ssd")?.Status?.Phase == TrainingRunPhase.Completed);
        var status = env.TrainingRun("ssd")!.Status!;
        Assert.True(Conditions.IsTrue(status.Conditions, Conditions.Ready));
        Assert.InRange(status.MAP!.Value, 0.0001, 1);
        Assert.Contains(status.FinalMetrics, m => m.Name == "validation:mAP");
        Assert.Equal($"s3://{env.Kube.Bucket}/models/{jobName}/output/model.tar.gz", status.ModelArtifactUri);
        Assert.Equal(jobName, status.TrainingJobName);
        // `kubectl get trainingruns` shows the mAP column from .status.mAP.
        var column = CrdGenerator.ForKind(TrainingRun.KindName)!.Spec.Versions[0].AdditionalPrinterColumns.Single(c => c.Name == "mAP");
        Assert.Equal(".status.mAP", column.JsonPath);
        Assert.NotNull(env.Kube.Api.Get("trainingruns", env.Kube.Namespace, "ssd")!["status"]!["mAP"]);

        await env.TuningRuns.CreateAsync(env.NewTuningRun("hpo", "aquarium"), CancellationToken.None);
        await env.WaitForAsync(e => e.TuningRun("hpo")?.Status?.Phase == TuningRunPhase.Tuning && e.TuningRun("hpo")!.Status!.TuningJobName is not null);
        Assert.Equal(0, await env.StopOperatorAsync());
        env.StartOperator();
        env.SageMaker.Advance(TimeSpan.FromHours(4));
        await env.WaitForAsync(e => e.TuningRun("hpo")?.Status?.Phase == TuningRunPhase.Completed);
        var tuning = env.TuningRun("hpo")!.Status!;
        Assert.Equal(4, tuning.Counters!.Completed + tuning.Counters.Failed + tuning.Counters.Stopped);
        Assert.NotNull(tuning.BestTrainingJob!.MAP);
        Assert.StartsWith(tuning.TuningJobName!, tuning.BestTrainingJob.Name);
        Assert.EndsWith("/output/model.tar.gz", tuning.BestTrainingJob.ModelArtifactUri);
        Assert.Contains("learning_rate", tuning.BestTrainingJob.TunedHyperparameters.Keys);
        Assert.NotEmpty(tuning.TopTrials);
        Assert.Equal(tuning.BestTrainingJob.Name, tuning.TopTrials[0].Name);

        Assert.Equal(1, env.SageMaker.CreateCount("CreateTrainingJob"));
        Assert.Equal(1, env.SageMaker.CreateCount("CreateHyperParameterTuningJob"));
        Assert.Empty(env.SageMaker.ValidationFailures);
    }

    [SkippableFact]
    public async Task Throttling_HalfOfTheCalls_StillConvergesWithABoundedCallRate()
    {
        await using var env = await SageMakerEnvironment.StartAsync();
        env.StartOperator("--sagemaker-requests-per-second", "5");
        await env.PrepareDatasetAsync("aquarium");
        env.SageMaker.InjectThrottling(0.5, seed: 7);
        var clock = Stopwatch.StartNew();

        await env.TrainingRuns.CreateAsync(env.NewTrainingRun("ssd", "aquarium"), CancellationToken.None);
        await env.WaitForAsync(e => e.TrainingRun("ssd")?.Status?.TrainingJobName is not null);
        env.SageMaker.Advance(s_wholeJob);
        await env.WaitForAsync(e => e.TrainingRun("ssd")?.Status?.Phase == TrainingRunPhase.Completed);
        var elapsed = clock.Elapsed;
        var calls = env.SageMaker.Requests.Count;

        Assert.Contains(env.SageMaker.Requests, r => r.ErrorCode == "ThrottlingException");
        Assert.Equal(1, env.SageMaker.CreateCount("CreateTrainingJob"));
        // The client's token bucket (burst 5, 5 per second) bounds every call, retries included.
        Assert.True(calls <= 5 + 5 * elapsed.TotalSeconds + 1, $"{calls} calls in {elapsed.TotalSeconds:0.0} s");
        Assert.Empty(env.SageMaker.ValidationFailures);
    }

    [SkippableFact]
    public async Task Apply_InvalidHyperparameter_IsInvalidSpecWithZeroSageMakerCalls()
    {
        await using var env = await SageMakerEnvironment.StartAsync();
        env.StartOperator();
        await env.PrepareDatasetAsync("aquarium");

        // Valid for the CRD schema (it would refuse learningRate 2 itself), refused by the cross-field rules: kvStore needs several instances.
        await env.TrainingRuns.CreateAsync(env.NewTrainingRun("bad", "aquarium", s => s with { Hyperparameters = s.Hyperparameters with { KvStore = "dist_sync" } }), CancellationToken.None);
        await env.WaitForAsync(e => e.ReadyReason(e.TrainingRun("bad")) == Reasons.InvalidSpec);

        var ready = Conditions.Get(env.TrainingRun("bad")!.Status!.Conditions, Conditions.Ready)!;
        Assert.Contains("spec.hyperparameters.kvStore", ready.Message);
        Assert.True(Conditions.IsTrue(env.TrainingRun("bad")!.Status!.Conditions, Conditions.Stalled));
        Assert.Empty(env.SageMaker.Requests);
    }

    [SkippableFact]
    public async Task SageMakerValidationException_StallsWithItsMessageAndIsNotRetried()
    {
        await using var env = await SageMakerEnvironment.StartAsync();
        env.StartOperator();
        await env.PrepareDatasetAsync("aquarium");
        env.SageMaker.FailNext("CreateTrainingJob", 400, "ValidationException", "Could not assume role arn:aws:iam::123456789012:role/detector-vision-sagemaker");

        await env.TrainingRuns.CreateAsync(env.NewTrainingRun("refused", "aquarium"), CancellationToken.None);
        await env.WaitForAsync(e => e.ReadyReason(e.TrainingRun("refused")) == Reasons.SageMakerRejected);
        var ready = Conditions.Get(env.TrainingRun("refused")!.Status!.Conditions, Conditions.Ready)!;
        Assert.Contains("Could not assume role", ready.Message);

        // A second run goes through several poll cycles; the refused one is not tried again meanwhile.
        await env.TrainingRuns.CreateAsync(env.NewTrainingRun("other", "aquarium"), CancellationToken.None);
        await env.WaitForAsync(e => e.TrainingRun("other")?.Status?.TrainingJobName is not null
            && e.SageMaker.Requests.Count(r => r.Operation == "DescribeTrainingJob" && r.Body?["TrainingJobName"]?.GetValue<string>() == e.TrainingRun("other")!.Status!.TrainingJobName) >= 3);
        var refusedJob = env.TrainingRun("refused")!.Status!.TrainingJobName!;
        Assert.Equal(1, env.SageMaker.Requests.Count(r => r.Operation == "CreateTrainingJob" && r.Body?["TrainingJobName"]?.GetValue<string>() == refusedJob));
    }

    [SkippableFact]
    public async Task Delete_RunningTrainingRun_StopsItsJobThenGoes()
    {
        await using var env = await SageMakerEnvironment.StartAsync();
        env.StartOperator();
        await env.PrepareDatasetAsync("aquarium");
        await env.TrainingRuns.CreateAsync(env.NewTrainingRun("ssd", "aquarium"), CancellationToken.None);
        await env.WaitForAsync(e => e.TrainingRun("ssd")?.Status?.TrainingJobName is not null);
        var jobName = env.TrainingRun("ssd")!.Status!.TrainingJobName!;

        await env.TrainingRuns.DeleteAsync(new ObjectKey(env.Kube.Namespace, "ssd"), CancellationToken.None);
        await env.WaitForAsync(e => e.SageMaker.TrainingJob(jobName)?["TrainingJobStatus"]?.GetValue<string>() == "Stopping");
        Assert.NotNull(env.TrainingRun("ssd"));
        env.SageMaker.Advance(TimeSpan.FromMinutes(5));
        await env.WaitForAsync(e => e.TrainingRun("ssd") is null);

        Assert.Equal("Stopped", env.SageMaker.TrainingJob(jobName)!["TrainingJobStatus"]!.GetValue<string>());
        Assert.Equal(1, env.SageMaker.CreateCount("StopTrainingJob"));
    }
}
