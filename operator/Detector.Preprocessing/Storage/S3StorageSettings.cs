namespace Detector.Preprocessing.Storage;

/// <summary>
/// How to reach S3 or an S3-compatible store. Every field is optional: with none set the SDK's defaults apply
/// (region and credentials from the default chain, virtual-host addressing, default checksums).
/// </summary>
/// <param name="ServiceUrl">Custom endpoint (MinIO, Ceph, s3rver); null for AWS S3.</param>
/// <param name="ForcePathStyle">Address buckets as <c>{endpoint}/{bucket}</c> rather than <c>{bucket}.{endpoint}</c>.</param>
/// <param name="Region">AWS region; null lets the SDK decide (AWS_REGION, profile, instance metadata).</param>
/// <param name="AccessKeyId">Explicit access key; null uses the default credential chain (IRSA, Pod Identity, profile...).</param>
/// <param name="SecretAccessKey">Secret for <paramref name="AccessKeyId"/>.</param>
/// <param name="SessionToken">Optional session token for temporary explicit keys.</param>
/// <param name="ChecksumWhenRequired">
/// Send and validate checksums only when an operation requires them, and upload without aws-chunked encoding.
/// Needed for S3-compatible stores that store aws-chunked bodies verbatim (s3rver, older MinIO/Ceph).
/// </param>
public sealed record S3StorageSettings(
    string? ServiceUrl,
    bool ForcePathStyle,
    string? Region,
    string? AccessKeyId,
    string? SecretAccessKey,
    string? SessionToken,
    bool ChecksumWhenRequired)
{
    /// <summary>Custom endpoint URL.</summary>
    public const string EndpointVariable = "DETECTOR_S3_ENDPOINT_URL";

    /// <summary>"true" forces path-style addressing.</summary>
    public const string ForcePathStyleVariable = "DETECTOR_S3_FORCE_PATH_STYLE";

    /// <summary>"true" sends checksums only when required (defaults to true when an endpoint is set).</summary>
    public const string ChecksumWhenRequiredVariable = "DETECTOR_S3_CHECKSUM_WHEN_REQUIRED";

    /// <summary>Plain AWS S3 with the SDK's defaults.</summary>
    public static S3StorageSettings Default { get; } = new(null, false, null, null, null, null, false);

    /// <summary>True when explicit keys were given (else the SDK's default credential chain is used).</summary>
    public bool HasExplicitCredentials => !string.IsNullOrEmpty(AccessKeyId) && !string.IsNullOrEmpty(SecretAccessKey);

    /// <summary>
    /// Reads <c>DETECTOR_S3_ENDPOINT_URL</c>, <c>DETECTOR_S3_FORCE_PATH_STYLE</c>, <c>DETECTOR_S3_CHECKSUM_WHEN_REQUIRED</c>,
    /// <c>AWS_REGION</c> (or <c>AWS_DEFAULT_REGION</c>), <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c>, <c>AWS_SESSION_TOKEN</c>.
    /// </summary>
    public static S3StorageSettings FromEnvironment() => FromVariables(Environment.GetEnvironmentVariable);

    /// <summary>Pure form of <see cref="FromEnvironment"/>: reads variables through <paramref name="get"/>.</summary>
    public static S3StorageSettings FromVariables(Func<string, string?> get)
    {
        var endpoint = Blank(get(EndpointVariable));
        return new(
            endpoint,
            ParseBool(get(ForcePathStyleVariable), ForcePathStyleVariable) ?? endpoint is not null,
            Blank(get("AWS_REGION")) ?? Blank(get("AWS_DEFAULT_REGION")),
            Blank(get("AWS_ACCESS_KEY_ID")),
            Blank(get("AWS_SECRET_ACCESS_KEY")),
            Blank(get("AWS_SESSION_TOKEN")),
            // A custom endpoint is almost always an S3-compatible store, where the SDK's default aws-chunked uploads corrupt data.
            ParseBool(get(ChecksumWhenRequiredVariable), ChecksumWhenRequiredVariable) ?? endpoint is not null);
    }

    /// <summary>Renders the settings without secrets, for logs.</summary>
    public override string ToString() =>
        $"S3StorageSettings {{ ServiceUrl = {ServiceUrl ?? "(AWS)"}, ForcePathStyle = {ForcePathStyle}, Region = {Region ?? "(default)"}, " +
        $"Credentials = {(HasExplicitCredentials ? "explicit" : "default chain")}, ChecksumWhenRequired = {ChecksumWhenRequired} }}";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool? ParseBool(string? value, string name) => Blank(value)?.ToLowerInvariant() switch
    {
        null => null,
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        var other => throw new FormatException($"{name}='{other}' is not a boolean (use true or false)"),
    };
}
