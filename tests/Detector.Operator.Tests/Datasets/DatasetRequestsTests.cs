using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Datasets;
using k8s.Models;

namespace Detector.Operator.Tests.Datasets;

public sealed class DatasetRequestsTests
{
    private static readonly DatasetJobSettings s_settings = DatasetSamples.JobSettings;

    [Fact]
    public void BuildPrepareJob_SampleDataset_MatchesGolden()
    {
        var dataset = DatasetSamples.Dataset(s => s with
        {
            Resources = new V1ResourceRequirements
            {
                Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("2"), ["memory"] = new("4Gi") },
                Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("4Gi") },
            },
        });
        var job = DatasetRequests.BuildPrepareJob(dataset, DatasetNames.SpecHash(dataset), s_settings);
        GoldenFiles.AssertJson("dataset-prepare-job.json", job);
    }

    [Fact]
    public void BuildPrepareJob_HttpSha256ScratchAndBoxBudget_ArePassedToPrepareAndTheEmptyDir()
    {
        var sha = new string('a', 64);
        var dataset = DatasetSamples.Dataset(s => s with
        {
            Source = new DatasetSource { Http = new HttpSource { Url = "https://example.com/data.zip", Sha256 = sha } },
            ScratchSize = "10Gi",
            Validation = s.Validation with { MaxBoxesPerImage = 5000 },
        });

        var job = DatasetRequests.BuildPrepareJob(dataset, DatasetNames.SpecHash(dataset), s_settings);

        var args = job.Spec.Template.Spec.Containers[0].Args;
        Assert.Equal(sha, args[args.IndexOf("--sha256") + 1]);
        Assert.Equal("5000", args[args.IndexOf("--max-boxes-per-image") + 1]);
        Assert.Equal((9L << 30).ToString(System.Globalization.CultureInfo.InvariantCulture), args[args.IndexOf("--scratch-bytes") + 1]);
        Assert.Equal("10Gi", job.Spec.Template.Spec.Volumes.Single().EmptyDir.SizeLimit.ToString());
    }

    [Fact]
    public void SpecHash_UnsetBoxBudget_IsTheHashOfDatasetsMadeBeforeTheField()
    {
        var dataset = DatasetSamples.Dataset(s => s);

        Assert.Equal(DatasetNames.SpecHash(dataset), DatasetNames.SpecHash(DatasetSamples.Dataset(s => s with { ScratchSize = "99Gi" })));
        Assert.NotEqual(DatasetNames.SpecHash(dataset), DatasetNames.SpecHash(DatasetSamples.Dataset(s => s with { Validation = s.Validation with { MaxBoxesPerImage = 5 } })));
    }

    [Fact]
    public void BuildPrepareJob_Parallelism4_IsIndexedWithShardArgument()
    {
        var dataset = DatasetSamples.Dataset(s => s with { Parallelism = 4 });
        var job = DatasetRequests.BuildPrepareJob(dataset, DatasetNames.SpecHash(dataset), s_settings);
        GoldenFiles.AssertJson("dataset-shards-job.json", job);
        Assert.Equal(("Indexed", 4, 4), (job.Spec.CompletionMode, job.Spec.Completions, job.Spec.Parallelism));
        var args = job.Spec.Template.Spec.Containers[0].Args;
        Assert.Equal("$(JOB_COMPLETION_INDEX)/4", args[args.IndexOf("--shard") + 1]);
    }

    [Fact]
    public void BuildMergeJob_Parallelism4_MergesFourShardsIntoTheSamePrefix()
    {
        var dataset = DatasetSamples.Dataset(s => s with { Parallelism = 4 });
        var hash = DatasetNames.SpecHash(dataset);
        var job = DatasetRequests.BuildMergeJob(dataset, hash, s_settings);
        GoldenFiles.AssertJson("dataset-merge-job.json", job);
        Assert.Equal(
            ["prepare", "merge", "--output", DatasetNames.OutputPrefix(dataset, hash), "--shards", "4",
             "--s3-endpoint-url", "http://minio.storage:9000", "--s3-force-path-style", "true"],
            job.Spec.Template.Spec.Containers[0].Args);
    }

    [Fact]
    public void BuildPrepareJob_AnyDataset_RunsNonRootReadOnlyWithoutCapabilities()
    {
        var job = Build(DatasetSamples.Dataset());
        var pod = job.Spec.Template.Spec;
        var container = Assert.Single(pod.Containers);
        Assert.Equal((true, 65532L, "RuntimeDefault"), (pod.SecurityContext.RunAsNonRoot, pod.SecurityContext.RunAsUser, pod.SecurityContext.SeccompProfile.Type));
        Assert.Equal((true, false), (container.SecurityContext.ReadOnlyRootFilesystem, container.SecurityContext.AllowPrivilegeEscalation));
        Assert.Equal(["ALL"], container.SecurityContext.Capabilities.Drop);
        Assert.Equal("/tmp", Assert.Single(container.VolumeMounts).MountPath);
        Assert.NotNull(Assert.Single(pod.Volumes).EmptyDir);
        Assert.Equal("FallbackToLogsOnError", container.TerminationMessagePolicy);
    }

    [Fact]
    public void BuildPrepareJob_AnyDataset_IsControlledByTheDatasetAndLabelled()
    {
        var dataset = DatasetSamples.Dataset();
        var hash = DatasetNames.SpecHash(dataset);
        var job = DatasetRequests.BuildPrepareJob(dataset, hash, s_settings);
        var owner = Assert.Single(job.Metadata.OwnerReferences);
        Assert.Equal((ApiGroup.ApiVersion, "Dataset", dataset.Metadata.Uid, true, true),
            (owner.ApiVersion, owner.Kind, owner.Uid, owner.Controller, owner.BlockOwnerDeletion));
        Assert.Equal("detector", job.Metadata.Labels["app.kubernetes.io/managed-by"]);
        Assert.Equal(dataset.Metadata.Name, job.Metadata.Labels["detector.dev/dataset"]);
        Assert.Equal(hash, job.Metadata.Labels["detector.dev/spec-hash"]);
        Assert.Equal(hash, job.Spec.Template.Metadata.Labels["detector.dev/spec-hash"]);
    }

    [Fact]
    public void BuildPrepareJob_KaggleSource_TakesCredentialsFromTheNamedSecretOnly()
    {
        var dataset = DatasetSamples.Dataset(s => s with
        {
            Source = new DatasetSource { Kaggle = new KaggleSource { Dataset = "owner/fish", CredentialsSecretName = "kaggle-creds" } },
        });
        var container = Build(dataset).Spec.Template.Spec.Containers[0];
        Assert.Equal("kaggle:owner/fish", container.Args[container.Args.IndexOf("--source") + 1]);
        var secretEnv = container.Env.Where(e => e.ValueFrom?.SecretKeyRef is not null).ToList();
        Assert.Equal(["KAGGLE_USERNAME", "KAGGLE_KEY"], secretEnv.Select(e => e.Name));
        Assert.All(secretEnv, e => Assert.Equal("kaggle-creds", e.ValueFrom.SecretKeyRef.Name));
        Assert.DoesNotContain(container.Env, e => e.Name.StartsWith("AWS_", StringComparison.Ordinal));
    }

    [Fact]
    public void BuildPrepareJob_S3SourceWithSecret_TakesAwsKeysFromThatSecret()
    {
        var dataset = DatasetSamples.Dataset(s => s with
        {
            Source = new DatasetSource { S3 = new S3Source { Uri = "s3://raw/x/", CredentialsSecretName = "minio-creds" } },
        });
        var env = Build(dataset).Spec.Template.Spec.Containers[0].Env;
        Assert.Equal("minio-creds", env.Single(e => e.Name == "AWS_ACCESS_KEY_ID").ValueFrom.SecretKeyRef.Name);
        Assert.Equal("minio-creds", env.Single(e => e.Name == "AWS_SECRET_ACCESS_KEY").ValueFrom.SecretKeyRef.Name);
    }

    [Theory]
    [InlineData(null, "detector-dataset")]
    [InlineData("team-a-data", "team-a-data")]
    public void BuildPrepareJob_ServiceAccount_SpecWinsOverDefault(string? fromSpec, string expected)
    {
        var job = Build(DatasetSamples.Dataset(s => s with { ServiceAccountName = fromSpec }));
        Assert.Equal(expected, job.Spec.Template.Spec.ServiceAccountName);
    }

    [Fact]
    public void BuildPrepareJob_NoClasses_OmitsTheClassesOption()
    {
        var args = Build(DatasetSamples.Dataset(s => s with { Classes = [] })).Spec.Template.Spec.Containers[0].Args;
        Assert.DoesNotContain("--classes", args);
    }

    [Fact]
    public void BuildPrepareJob_AwsWithoutEndpoint_PassesNoStorageOverrides()
    {
        var job = DatasetRequests.BuildPrepareJob(DatasetSamples.Dataset(), "0123456789", new DatasetJobSettings { Image = "img" });
        var container = job.Spec.Template.Spec.Containers[0];
        Assert.DoesNotContain(container.Args, a => a.StartsWith("--s3-", StringComparison.Ordinal));
        Assert.DoesNotContain(container.Env, e => e.Name.StartsWith("DETECTOR_S3_", StringComparison.Ordinal));
    }

    private static V1Job Build(Dataset dataset) => DatasetRequests.BuildPrepareJob(dataset, DatasetNames.SpecHash(dataset), s_settings);
}
