using Amazon.Runtime;
using Detector.Preprocessing.Storage;
using Detector.Testing;
using static Detector.Preprocessing.Tests.Storage.S3ObjectStoreTests;

namespace Detector.Preprocessing.Tests.Storage;

public sealed class S3SettingsTests
{
    [Theory]
    [InlineData(null, null, null, null, false, false)]
    [InlineData("http://minio:9000", null, null, null, true, true)]
    [InlineData("http://minio:9000", "false", "false", null, false, false)]
    [InlineData(null, "true", "yes", "eu-west-1", true, true)]
    [InlineData("  ", "0", "1", "  ", false, true)]
    public void FromVariables_Table_ReadsEndpointPathStyleChecksumsAndRegion(
        string? endpoint, string? pathStyle, string? checksum, string? region, bool expectedPathStyle, bool expectedChecksum)
    {
        var variables = new Dictionary<string, string?>
        {
            [S3StorageSettings.EndpointVariable] = endpoint,
            [S3StorageSettings.ForcePathStyleVariable] = pathStyle,
            [S3StorageSettings.ChecksumWhenRequiredVariable] = checksum,
            ["AWS_REGION"] = region,
        };

        var settings = S3StorageSettings.FromVariables(name => variables.GetValueOrDefault(name));

        Assert.Equal(string.IsNullOrWhiteSpace(endpoint) ? null : endpoint, settings.ServiceUrl);
        Assert.Equal(expectedPathStyle, settings.ForcePathStyle);
        Assert.Equal(expectedChecksum, settings.ChecksumWhenRequired);
        Assert.Equal(string.IsNullOrWhiteSpace(region) ? null : region, settings.Region);
    }

    [Fact]
    public void FromVariables_KeysGiven_UsesThemAndNeverPrintsTheSecret()
    {
        var variables = new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = "AKIAEXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = "very-secret" };

        var settings = S3StorageSettings.FromVariables(name => variables.GetValueOrDefault(name));

        Assert.True(settings.HasExplicitCredentials);
        Assert.Equal("very-secret", settings.SecretAccessKey);
        Assert.DoesNotContain("very-secret", settings.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromVariables_BadBoolean_ThrowsNamingTheVariable()
    {
        var error = Assert.Throws<FormatException>(() =>
            S3StorageSettings.FromVariables(name => name == S3StorageSettings.ForcePathStyleVariable ? "maybe" : null));

        Assert.Contains(S3StorageSettings.ForcePathStyleVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateConfig_CustomEndpointWithChecksumWhenRequired_SetsEndpointPathStyleAndChecksumModes()
    {
        var config = S3ClientFactory.CreateConfig(new S3StorageSettings("http://127.0.0.1:9000", true, null, "k", "s", null, true));

        Assert.StartsWith("http://127.0.0.1:9000", config.ServiceURL, StringComparison.Ordinal);
        Assert.True(config.ForcePathStyle);
        Assert.Equal(RequestChecksumCalculation.WHEN_REQUIRED, config.RequestChecksumCalculation);
        Assert.Equal(ResponseChecksumValidation.WHEN_REQUIRED, config.ResponseChecksumValidation);
        Assert.Equal("us-east-1", config.AuthenticationRegion);
    }

    /// <summary>
    /// Documents why the settings exist: with AWSSDK.S3 4.x defaults (checksums when supported, aws-chunked bodies with
    /// trailers) s3rver stores the chunk framing as if it were data, so the object read back is not what was written.
    /// If this starts passing byte-identical, s3rver or the SDK changed and the workaround may no longer be needed.
    /// </summary>
    [SkippableFact]
    public async Task PutAsync_SdkDefaultChecksumsAgainstS3rver_StoresCorruptedBytes()
    {
        var server = S3rverServer.Shared;
        var bucket = await server.CreateUniqueBucketAsync();
        var defaults = server.Settings with { ChecksumWhenRequired = false };
        using var naive = new S3ObjectStore(S3ClientFactory.Create(defaults), defaults);
        var content = RandomBytes(64 * 1024, seed: 9);
        var uri = StorageUri.Parse($"s3://{bucket}/defaults/put.bin");

        await naive.PutAsync(uri, content, "application/octet-stream", CancellationToken.None);

        using var careful = new S3ObjectStore(server.CreateClient(), server.Settings);
        var stored = await ReadAllAsync(careful, uri);
        Assert.NotEqual(content, stored);
        Assert.True(stored.Length > content.Length, $"expected chunk framing around the data, got {stored.Length} bytes for {content.Length}");
    }
}
