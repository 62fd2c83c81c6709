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

    /// <summary>A client with explicit keys when given, else the SDK's default credential chain (env, profile, IRSA, Pod Identity).</summary>
    public static IAmazonS3 Create(S3StorageSettings settings)
    {
        var config = CreateConfig(settings);
        if (!settings.HasExplicitCredentials)
            return new AmazonS3Client(config);
        AWSCredentials credentials = settings.SessionToken is null
            ? new BasicAWSCredentials(settings.AccessKeyId, settings.SecretAccessKey)
            : new SessionAWSCredentials(settings.AccessKeyId, settings.SecretAccessKey, settings.SessionToken);
        return new AmazonS3Client(credentials, config);
    }
}
