namespace Detector.Operator.Tests.Aws;

/// <summary>
/// Sets AWS environment variables for one test and clears every other one the SDK's credential chain reads, restoring
/// all of them afterwards. Tests using it belong to <see cref="AwsEnvironmentCollection"/>, which runs alone.
/// </summary>
internal sealed class EnvironmentScope : IDisposable
{
    private static readonly string[] s_chainVariables =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
        "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN", "AWS_ROLE_SESSION_NAME",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", "AWS_EC2_METADATA_DISABLED", "AWS_REGION", "AWS_DEFAULT_REGION",
        "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_STS",
    ];

    private readonly Dictionary<string, string?> _saved;

    public EnvironmentScope(IReadOnlyDictionary<string, string> values)
    {
        _saved = s_chainVariables.Concat(values.Keys).Distinct().ToDictionary(n => n, Environment.GetEnvironmentVariable);
        foreach (var name in s_chainVariables)
            Environment.SetEnvironmentVariable(name, null);
        // No profile files from the machine, and no IMDS probe (a slow network call off EC2).
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(Path.GetTempPath(), "detector-no-credentials"));
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", Path.Combine(Path.GetTempPath(), "detector-no-config"));
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        foreach (var (name, value) in values)
            Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
            Environment.SetEnvironmentVariable(name, value);
    }
}

/// <summary>Tests that change process environment variables; xunit runs this collection on its own.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AwsEnvironmentCollection
{
    public const string Name = "AWS environment";
}
