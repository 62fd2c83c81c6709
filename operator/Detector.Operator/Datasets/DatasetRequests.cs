using System.Globalization;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runtime;
using k8s.Models;

namespace Detector.Operator.Datasets;

/// <summary>
/// Pure: a Dataset spec → the Kubernetes Jobs that prepare its data with <c>detector prepare</c>. One Job when
/// parallelism is 1; otherwise an Indexed Job with one shard per completion index, then a merge Job.
/// </summary>
public static class DatasetRequests
{
    /// <summary>Name of the container in every dataset Job.</summary>
    public const string ContainerName = "prepare";

    /// <summary>Where the Job's scratch space (an emptyDir) is mounted; the root filesystem is read-only.</summary>
    public const string TmpPath = "/tmp";

    /// <summary>The work directory passed to <c>detector prepare --work-dir</c>.</summary>
    public const string WorkDir = TmpPath + "/work";

    /// <summary>Non-root user and group of the distroless/chiseled image.</summary>
    public const long NonRootUid = 65532;

    /// <summary>Env var the Job controller sets to the pod's completion index in an Indexed Job.</summary>
    public const string CompletionIndexEnv = "JOB_COMPLETION_INDEX";

    /// <summary>Value of the app.kubernetes.io/component label of the preparation Job.</summary>
    public const string PrepareComponent = "dataset-prepare";

    /// <summary>Value of the app.kubernetes.io/component label of the merge Job.</summary>
    public const string MergeComponent = "dataset-merge";

    /// <summary>True when the Dataset is prepared in shards (an Indexed Job and a merge Job).</summary>
    public static bool IsSharded(Dataset dataset) => dataset.Spec.Parallelism > 1;

    /// <summary>The preparation Job: all the data, or with parallelism N an Indexed Job whose pod i prepares shard i/N.</summary>
    public static V1Job BuildPrepareJob(Dataset dataset, string specHash, DatasetJobSettings settings)
    {
        var shards = Math.Max(1, dataset.Spec.Parallelism);
        var args = PrepareArgs(dataset, specHash, settings);
        if (shards > 1)
            // Kubernetes expands $(VAR) in args from the container's env, where the Job controller puts the index.
            args = [.. args, "--shard", $"$({CompletionIndexEnv})/{shards}"];
        var job = Job(dataset, DatasetNames.PrepareJob(dataset, specHash), specHash, PrepareComponent, args, settings);
        if (shards > 1)
        {
            job.Spec.CompletionMode = "Indexed";
            job.Spec.Completions = shards;
            job.Spec.Parallelism = shards;
        }
        return job;
    }

    /// <summary>The Job that concatenates the shards' outputs into one .rec per channel and writes manifest.json.</summary>
    public static V1Job BuildMergeJob(Dataset dataset, string specHash, DatasetJobSettings settings)
    {
        string[] args =
        [
            "prepare", "merge",
            "--output", DatasetNames.OutputPrefix(dataset, specHash),
            "--shards", Invariant(Math.Max(1, dataset.Spec.Parallelism)),
            .. StorageArgs(settings),
        ];
        return Job(dataset, DatasetNames.MergeJob(dataset, specHash), specHash, MergeComponent, args, settings);
    }

    /// <summary>The <c>detector prepare</c> arguments for a spec (without <c>--shard</c>).</summary>
    public static IReadOnlyList<string> PrepareArgs(Dataset dataset, string specHash, DatasetJobSettings settings)
    {
        var spec = dataset.Spec;
        var args = new List<string>
        {
            "prepare",
            "--source", DatasetNames.SourceArgument(spec.Source),
            "--output", DatasetNames.OutputPrefix(dataset, specHash),
        };
        // Empty classes means "read classes.txt / data.yaml from the source", which the tool does when the option is absent.
        if (spec.Classes.Count > 0)
            args.AddRange(["--classes", string.Join(',', spec.Classes)]);
        args.AddRange(
        [
            "--image-size", Invariant(spec.Preprocessing.ImageSize),
            "--pad-color", spec.Preprocessing.PadColor,
            "--jpeg-quality", Invariant(spec.Preprocessing.JpegQuality),
            "--validation-fraction", Invariant(spec.Split.ValidationFraction),
            "--seed", Invariant(spec.Split.Seed),
            "--test-split", spec.Split.TestSplit,
            "--on-invalid", spec.Validation.OnInvalid,
            "--max-skipped-fraction", Invariant(spec.Validation.MaxSkippedFraction),
            "--work-dir", WorkDir,
            // Download and extraction stop, naming the limit, before they would fill the emptyDir and get the pod evicted.
            "--scratch-bytes", Invariant(UsableScratchBytes(spec.ScratchSize)),
        ]);
        if (spec.Validation.MaxBoxesPerImage is { } maxBoxes)
            args.AddRange(["--max-boxes-per-image", Invariant(maxBoxes)]);
        if (spec.Source.Http?.Sha256 is { } sha256)
            args.AddRange(["--sha256", sha256]);
        args.AddRange(StorageArgs(settings));
        return args;
    }

    /// <summary>The share of the scratch quantity an archive and its extracted files may use (the rest is headroom for temp files).</summary>
    public static long UsableScratchBytes(string scratchSize) =>
        (long)(new ResourceQuantity(scratchSize).ToDecimal() * (decimal)Preprocessing.InputBudgets.ScratchUsableFraction);

    private static IEnumerable<string> StorageArgs(DatasetJobSettings settings)
    {
        if (!string.IsNullOrEmpty(settings.S3EndpointUrl))
        {
            yield return "--s3-endpoint-url";
            yield return settings.S3EndpointUrl;
        }
        if (settings.S3ForcePathStyle)
        {
            // An explicit value: the option takes zero or one argument, and --shard may follow it.
            yield return "--s3-force-path-style";
            yield return "true";
        }
    }

    private static V1Job Job(Dataset dataset, string name, string specHash, string component, IReadOnlyList<string> args, DatasetJobSettings settings)
    {
        var labels = Labels(dataset, specHash, component);
        return new V1Job
        {
            ApiVersion = "batch/v1",
            Kind = "Job",
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = dataset.Metadata.NamespaceProperty,
                Labels = labels,
                // The request the Job answers: a later reconcile-requested-at on the Dataset retries a failed Job.
                Annotations = Annotations.ReconcileRequestedAt(dataset) is { } requested
                    ? new Dictionary<string, string> { [Annotations.ReconcileRequestedAtName] = requested }
                    : null,
                OwnerReferences = [OwnerReference(dataset)],
            },
            Spec = new V1JobSpec
            {
                BackoffLimit = settings.BackoffLimit,
                TtlSecondsAfterFinished = settings.TtlSecondsAfterFinished,
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string>(labels) },
                    Spec = PodSpec(dataset, args, settings),
                },
            },
        };
    }

    /// <summary>Controller reference: the garbage collector deletes the Job with the Dataset, and the Job's events show its owner.</summary>
    public static V1OwnerReference OwnerReference(Dataset dataset) => new()
    {
        ApiVersion = ApiGroup.ApiVersion,
        Kind = Dataset.KindName,
        Name = dataset.Metadata.Name,
        Uid = dataset.Metadata.Uid,
        Controller = true,
        BlockOwnerDeletion = true,
    };

    /// <summary>Labels on the Jobs and their pods; the Dataset and spec-hash labels find them again.</summary>
    public static Dictionary<string, string> Labels(Dataset dataset, string specHash, string component) => new()
    {
        [DatasetNames.ManagedByLabel] = DatasetNames.ManagedBy,
        ["app.kubernetes.io/name"] = "detector",
        ["app.kubernetes.io/component"] = component,
        [DatasetNames.DatasetLabel] = DatasetNames.LabelValue(dataset.Metadata.Name),
        [DatasetNames.SpecHashLabel] = specHash,
    };

    private static V1PodSpec PodSpec(Dataset dataset, IReadOnlyList<string> args, DatasetJobSettings settings) => new()
    {
        RestartPolicy = "Never",
        ServiceAccountName = dataset.Spec.ServiceAccountName ?? settings.DefaultServiceAccountName,
        // The job talks to storage, never to the Kubernetes API; IRSA and Pod Identity mount their own tokens.
        AutomountServiceAccountToken = false,
        SecurityContext = new V1PodSecurityContext
        {
            RunAsNonRoot = true,
            RunAsUser = NonRootUid,
            RunAsGroup = NonRootUid,
            FsGroup = NonRootUid,
            SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
        },
        Containers =
        [
            new V1Container
            {
                Name = ContainerName,
                Image = settings.Image,
                Args = [.. args],
                Env = DatasetJobEnvironment.For(dataset, settings),
                Resources = dataset.Spec.Resources ?? settings.DefaultResources,
                TerminationMessagePolicy = "FallbackToLogsOnError",
                SecurityContext = new V1SecurityContext
                {
                    RunAsNonRoot = true,
                    ReadOnlyRootFilesystem = true,
                    AllowPrivilegeEscalation = false,
                    Privileged = false,
                    Capabilities = new V1Capabilities { Drop = ["ALL"] },
                    SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
                },
                VolumeMounts = [new V1VolumeMount { Name = "tmp", MountPath = TmpPath }],
            },
        ],
        Volumes = [new V1Volume { Name = "tmp", EmptyDir = new V1EmptyDirVolumeSource { SizeLimit = new ResourceQuantity(dataset.Spec.ScratchSize) } }],
    };

    private static string Invariant(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
