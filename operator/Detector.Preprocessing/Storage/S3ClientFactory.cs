using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace Detector.Preprocessing.Storage;

/// <summary>Builds an <see cref="IAmazonS3"/> from <see cref="S3StorageSettings"/>.</summary>
public static class S3ClientFactory
{
    /// <summary>
    /// The client configuration. A custom endpoint is set through <see cref="ClientConfig.ServiceURL"/> explicitly
    /// (AWS_ENDPOINT_URL_S3 was seen to be ignored by AWSSDK.S3 4.x).
    /// </summary>
    public static AmazonS3Config CreateConfig(S3StorageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var config = new AmazonS3Config { ForcePathStyle = settings.ForcePathStyle };
        if (settings.ServiceUrl is not null)
        {
            config.ServiceURL = settings.ServiceUrl;
            // SigV4 needs a region even for a custom endpoint; S3-compatible stores accept us-east-1.
            config.AuthenticationRegion = settings.Region ?? "us-east-1";
        }
        else if (settings.Region is not null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region);
        }
        if (settings.ChecksumWhenRequired)
        {
            // The 4.x defaults (WHEN_SUPPORTED) add CRC trailers to aws-chunked bodies, which s3rver and older MinIO/Ceph store verbatim.
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }
        return config;
    }

    /// <summary>
    /// A client with explicit keys when given, else the SDK's default credential chain (env, profile, IRSA, Pod Identity).
    /// With <paramref name="onAttempt"/>, every HTTP attempt (retries included) is reported to it, e.g. for metrics.
    /// </summary>
    public static IAmazonS3 Create(S3StorageSettings settings, Action<S3Attempt>? onAttempt = null)
    {
        var config = CreateConfig(settings);
        AWSCredentials? credentials = !settings.HasExplicitCredentials ? null
            : settings.SessionToken is null
                ? new BasicAWSCredentials(settings.AccessKeyId, settings.SecretAccessKey)
                : new SessionAWSCredentials(settings.AccessKeyId, settings.SecretAccessKey, settings.SessionToken);
        return (credentials, onAttempt) switch
        {
            (null, null) => new AmazonS3Client(config),
            (null, _) => new ObservedS3Client(config, onAttempt),
            (_, null) => new AmazonS3Client(credentials, config),
            _ => new ObservedS3Client(credentials, config, onAttempt),
        };
    }
}
