using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Kube;
using Detector.Operator.RegisteredModels;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.EndToEnd;
using Detector.Operator.Tests.TrainingRuns;

namespace Detector.Operator.Tests.RegisteredModels;

/// <summary>
/// RegisteredModel end to end over HTTP: the operator as <c>detector run</c> starts it, the real API server (envtest), the fake
/// SageMaker (AWS-model validation, the registry's ClientToken and validation timeline) and s3rver.
/// </summary>
public sealed class RegistrationLifecycleTests
{
    [SkippableFact]
    public async Task TrainingRunCompleted_AutomaticApproval_RegistersVersionOneApproved_AndARestartRegistersNothingTwice_AndAConsoleRejectionShows()
    {
        await using var env = await SageMakerEnvironment.StartAsync();
        env.StartOperator();
        await env.PrepareDatasetAsync("aquarium");
        await env.TrainingRuns.CreateAsync(env.NewTrainingRun("ssd", "aquarium"), CancellationToken.None);
        await env.WaitForAsync(e => e.TrainingRun("ssd")?.Status?.TrainingJobName is not null);
        env.SageMaker.Advance(TimeSpan.FromHours(1));
        await env.WaitForAsync(e => e.TrainingRun("ssd")?.Status?.Phase == TrainingRunPhase.Completed);
        var run = env.TrainingRun("ssd")!.Status!;

        var models = new KubeStore<RegisteredModel>(env.Kube.Api.CreateClient(), KubeResources.RegisteredModel);
        await models.CreateAsync(new RegisteredModel
        {
            Metadata = new() { Name = "ssd-model", NamespaceProperty = env.Kube.Namespace },
            Spec = new RegisteredModelSpec
            {
                Source = new ModelSource { TrainingRunRef = "ssd" },
                Approval = new ModelApproval { Mode = "Automatic", MinMetric = 0.1 },
            },
        }, CancellationToken.None);
        await env.WaitForAsync(_ => Model(env)?.Status?.Versions.Count == 1);
        env.SageMaker.Advance(TimeSpan.FromMinutes(1));   // The registry validates a new version for a few seconds.
        await env.WaitForAsync(_ => Model(env)?.Status?.Phase == RegisteredModelPhase.Ready);

        var status = Model(env)!.Status!;
        var version = Assert.Single(status.Versions);
        Assert.Equal((1, ModelApprovalStatus.Approved, ModelPackageStatus.Completed), (version.Version, version.ApprovalStatus, version.PackageStatus));
        Assert.Equal((run.TrainingJobName, run.ModelArtifactUri, run.MAP), (version.SourceJobName, version.ModelArtifactUri, version.MAP));
        Assert.Equal((1, 1), (status.LatestVersion, status.LatestApprovedVersion));
        Assert.True(Conditions.IsTrue(status.Conditions, Conditions.Ready));
        Assert.Equal(ModelApprovalStatus.Approved, env.SageMaker.ModelPackage(version.Arn!)!["ModelApprovalStatus"]!.GetValue<string>());
        Assert.Contains(status.ModelPackageGroupName, env.SageMaker.ModelPackageGroups);
        // The registry's ModelMetrics point at the model-quality report the operator wrote beside the artifact.
        var statistics = env.SageMaker.ModelPackage(version.Arn!)!["ModelMetrics"]!["ModelQuality"]!["Statistics"]!;
        var reportUri = statistics["S3Uri"]!.GetValue<string>();
        Assert.Equal(run.ModelArtifactUri![..run.ModelArtifactUri!.LastIndexOf('/')] + "/detector-model-quality.json", reportUri);
        Assert.True(await env.Kube.ExistsAsync(reportUri));

        Assert.Equal(0, await env.StopOperatorAsync());
        var lists = env.SageMaker.CallCount("ListModelPackages");
        env.StartOperator();
        await env.WaitForAsync(e => e.SageMaker.CallCount("ListModelPackages") > lists);

        Assert.Equal(1, env.SageMaker.CallCount("CreateModelPackage"));
        Assert.Equal(1, env.SageMaker.CreateCount("CreateModelPackageGroup"));
        Assert.Equal(1, Assert.Single(Model(env)!.Status!.Versions).Version);

        // Rejected in the console: the next poll shows it, and nothing is approved any more.
        env.SageMaker.SetApproval(version.Arn!, ModelApprovalStatus.Rejected);
        await env.WaitForAsync(_ => Model(env)?.Status?.Versions.SingleOrDefault()?.ApprovalStatus == ModelApprovalStatus.Rejected);
        Assert.Null(Model(env)!.Status!.LatestApprovedVersion);
        Assert.Empty(env.SageMaker.ValidationFailures);
    }

    private static RegisteredModel? Model(SageMakerEnvironment env) =>
        env.Kube.Api.Get<RegisteredModel>("registeredmodels", env.Kube.Namespace, "ssd-model");
}
