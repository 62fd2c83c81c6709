using Detector.Operator.Api.V1Alpha1;
using Detector.Preprocessing.Storage;
using k8s.Models;

namespace Detector.Operator.Datasets;

/// <summary>
/// Pure: the environment of a dataset Job. Credentials only ever come from Secrets the Dataset names (secretKeyRef),
/// never from the operator: the Job otherwise authenticates as its own service account (IRSA / Pod Identity).
/// </summary>
public static class DatasetJobEnvironment
{
    /// <summary>Key of the Kaggle user name in the Kaggle credentials Secret.</summary>
    public const string KaggleUsernameKey = "KAGGLE_USERNAME";

    /// <summary>Key of the Kaggle API key in the Kaggle credentials Secret.</summary>
    public const string KaggleKeyKey = "KAGGLE_KEY";

    /// <summary>Key of the access key id in an S3 credentials Secret.</summary>
    public const string AwsAccessKeyIdKey = "AWS_ACCESS_KEY_ID";

    /// <summary>Key of the secret access key in an S3 credentials Secret.</summary>
    public const string AwsSecretAccessKeyKey = "AWS_SECRET_ACCESS_KEY";

    /// <summary>The env vars of the Job's container.</summary>
    public static List<V1EnvVar> For(Dataset dataset, DatasetJobSettings settings)
    {
        var env = new List<V1EnvVar>
        {
            // The root filesystem is read-only: everything that writes (temp files, SDK caches) goes to the emptyDir.
            new() { Name = "TMPDIR", Value = DatasetRequests.TmpPath },
            new() { Name = "HOME", Value = DatasetRequests.TmpPath },
            new() { Name = "DOTNET_CLI_TELEMETRY_OPTOUT", Value = "1" },
        };
        if (dataset.Spec.Parallelism > 1)
            // Set by the Job controller as well; declared here so $(JOB_COMPLETION_INDEX) in args always expands.
            env.Add(new V1EnvVar
            {
                Name = DatasetRequests.CompletionIndexEnv,
                ValueFrom = new V1EnvVarSource
                {
                    FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.annotations['batch.kubernetes.io/job-completion-index']" },
                },
            });
        if (!string.IsNullOrEmpty(settings.S3EndpointUrl) || settings.S3ChecksumWhenRequired)
            // Explicit either way: S3-compatible stores corrupt the SDK's default aws-chunked uploads with checksum trailers.
            env.Add(new V1EnvVar
            {
                Name = S3StorageSettings.ChecksumWhenRequiredVariable,
                Value = settings.S3ChecksumWhenRequired ? "true" : "false",
            });
        var source = dataset.Spec.Source;
        if (source.Kaggle is { CredentialsSecretName: { Length: > 0 } kaggleSecret })
        {
            env.Add(FromSecret(KaggleUsernameKey, kaggleSecret, KaggleUsernameKey));
            env.Add(FromSecret(KaggleKeyKey, kaggleSecret, KaggleKeyKey));
        }
        if (source.S3 is { CredentialsSecretName: { Length: > 0 } s3Secret })
        {
            env.Add(FromSecret(AwsAccessKeyIdKey, s3Secret, AwsAccessKeyIdKey));
            env.Add(FromSecret(AwsSecretAccessKeyKey, s3Secret, AwsSecretAccessKeyKey));
        }
        return env;
    }

    private static V1EnvVar FromSecret(string name, string secretName, string key) => new()
    {
        Name = name,
        ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = secretName, Key = key } },
    };
}
