using System.Text.Json;

namespace Detector.Preprocessing.Sources;

/// <summary>
/// Finds Kaggle credentials the way the Kaggle CLI does: KAGGLE_USERNAME + KAGGLE_KEY, else kaggle.json in
/// KAGGLE_CONFIG_DIR, else ~/.kaggle/kaggle.json. Environment and file system are injected so the rules are testable.
/// </summary>
public static class KaggleCredentialResolver
{
    /// <summary>Resolves from the process environment and disk.</summary>
    public static KaggleCredentials Resolve() => Resolve(
        Environment.GetEnvironmentVariable,
        path => File.Exists(path) ? File.ReadAllText(path) : null,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>Resolves through the given environment and file reader; throws naming every place looked at when none has them.</summary>
    public static KaggleCredentials Resolve(Func<string, string?> getVariable, Func<string, string?> readFile, string homeDirectory)
    {
        var username = getVariable("KAGGLE_USERNAME");
        var key = getVariable("KAGGLE_KEY");
        if (!string.IsNullOrWhiteSpace(username) && !string.IsNullOrWhiteSpace(key))
            return new KaggleCredentials(username.Trim(), key.Trim());
        var configDir = getVariable("KAGGLE_CONFIG_DIR");
        var file = Path.Combine(string.IsNullOrWhiteSpace(configDir) ? Path.Combine(homeDirectory, ".kaggle") : configDir, "kaggle.json");
        if (readFile(file) is { } json)
            return Parse(json, file);
        var half = string.IsNullOrWhiteSpace(username) != string.IsNullOrWhiteSpace(key)
            ? $" (only {(string.IsNullOrWhiteSpace(username) ? "KAGGLE_KEY" : "KAGGLE_USERNAME")} is set)"
            : "";
        throw new KaggleException(
            $"no Kaggle credentials: set KAGGLE_USERNAME and KAGGLE_KEY{half}, or provide {file} (KAGGLE_CONFIG_DIR selects its folder)");
    }

    /// <summary>Parses kaggle.json (<c>{"username": "...", "key": "..."}</c>); errors name the file, never the key.</summary>
    public static KaggleCredentials Parse(string json, string fileName)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            string? Field(string name) =>
                doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                    ? v.GetString()
                    : null;
            var username = Field("username");
            var key = Field("key");
            if (string.IsNullOrWhiteSpace(username) || string.IsNullOrWhiteSpace(key))
                throw new KaggleException($"{fileName} must hold string fields \"username\" and \"key\"");
            return new KaggleCredentials(username, key);
        }
        catch (JsonException e)
        {
            throw new KaggleException($"{fileName} is not valid JSON: {e.Message}");
        }
    }
}

/// <summary>A Kaggle download failed for a reason the user can fix (credentials, dataset name); the message says which.</summary>
public sealed class KaggleException(string message) : IOException(message);
