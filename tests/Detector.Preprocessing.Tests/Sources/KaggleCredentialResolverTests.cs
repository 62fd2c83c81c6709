using Detector.Preprocessing.Sources;

namespace Detector.Preprocessing.Tests.Sources;

public sealed class KaggleCredentialResolverTests
{
    private const string Home = "/home/u";

    [Theory]
    // username, key, configDir, file path that exists, expected user (null = error)
    [InlineData("env-user", "env-key", null, null, "env-user")]
    [InlineData("env-user", "env-key", null, "/home/u/.kaggle/kaggle.json", "env-user")]
    [InlineData(null, null, null, "/home/u/.kaggle/kaggle.json", "file-user")]
    [InlineData(null, null, "/etc/kaggle", "/etc/kaggle/kaggle.json", "file-user")]
    [InlineData("env-user", null, null, "/home/u/.kaggle/kaggle.json", "file-user")]
    public void Resolve_Table_PrefersEnvironmentThenConfigFile(string? user, string? key, string? configDir, string? existingFile, string expectedUser)
    {
        var credentials = KaggleCredentialResolver.Resolve(
            Variables(user, key, configDir),
            path => path == existingFile ? """{"username": "file-user", "key": "file-key"}""" : null,
            Home);

        Assert.Equal(expectedUser, credentials.Username);
    }

    [Theory]
    [InlineData(null, null, null, "/home/u/.kaggle/kaggle.json")]
    [InlineData(null, null, "/etc/kaggle", "/etc/kaggle/kaggle.json")]
    [InlineData("only-user", null, null, "only KAGGLE_USERNAME is set")]
    public void Resolve_NothingFound_ThrowsNamingVariablesAndFile(string? user, string? key, string? configDir, string mentioned)
    {
        var error = Assert.Throws<KaggleException>(() => KaggleCredentialResolver.Resolve(Variables(user, key, configDir), _ => null, Home));

        Assert.Contains("KAGGLE_USERNAME and KAGGLE_KEY", error.Message, StringComparison.Ordinal);
        Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "is not valid JSON")]
    [InlineData("""{"username": "u"}""", "must hold string fields")]
    [InlineData("""["u", "k"]""", "must hold string fields")]
    public void Parse_BadFile_ThrowsNamingTheFileNotTheKey(string json, string reason)
    {
        var error = Assert.Throws<KaggleException>(() => KaggleCredentialResolver.Parse(json, "/x/kaggle.json"));

        Assert.Contains("/x/kaggle.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_NeverShowsTheKey()
    {
        Assert.DoesNotContain("s3cret", new KaggleCredentials("u", "s3cret").ToString(), StringComparison.Ordinal);
    }

    private static Func<string, string?> Variables(string? user, string? key, string? configDir) => name => name switch
    {
        "KAGGLE_USERNAME" => user,
        "KAGGLE_KEY" => key,
        "KAGGLE_CONFIG_DIR" => configDir,
        _ => null,
    };
}
