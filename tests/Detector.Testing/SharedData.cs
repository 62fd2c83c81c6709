namespace Detector.Testing;

/// <summary>
/// Locates ../shared (beside the repository root, or DETECTOR_SHARED_DIR). Tests that need it call
/// <see cref="RequireDirectory"/>: on a newcomer's machine without it they are skipped with the reason; in CI
/// (the CI variable is set) its absence is a failure.
/// </summary>
public static class SharedData
{
    /// <summary>Environment variable that points at the shared folder explicitly.</summary>
    public const string EnvironmentVariable = "DETECTOR_SHARED_DIR";

    /// <summary>The repository root (the folder holding Detector.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The shared folder, or null when absent.</summary>
    public static string? Root { get; } = FindShared();

    /// <summary>The aquarium YOLO dataset folder (images/, labels/, classes.txt).</summary>
    public static string Aquarium => RequireDirectory("datasets/aquarium");

    /// <summary>The SageMaker API model JSON.</summary>
    public static string SageMakerModel => RequireFile("aws-models/sagemaker-2017-07-24.json");

    /// <summary>Returns a folder under ../shared, skipping the test (or failing in CI) when it is missing.</summary>
    public static string RequireDirectory(string relative)
    {
        var path = Root is null ? null : Path.Combine(Root, relative);
        if (path is not null && Directory.Exists(path))
            return path;
        return Missing(relative);
    }

    /// <summary>Returns a file under ../shared, skipping the test (or failing in CI) when it is missing.</summary>
    public static string RequireFile(string relative)
    {
        var path = Root is null ? null : Path.Combine(Root, relative);
        if (path is not null && File.Exists(path))
            return path;
        return Missing(relative);
    }

    private static string Missing(string relative)
    {
        var reason = $"../shared/{relative} is not available (set {EnvironmentVariable} to the shared folder)";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            throw new InvalidOperationException(reason + "; in CI it must be present");
        throw new Xunit.SkipException(reason);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Detector.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Detector.sln not found above " + AppContext.BaseDirectory);
    }

    private static string? FindShared()
    {
        var fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnv))
            return Directory.Exists(fromEnv) ? Path.GetFullPath(fromEnv) : null;
        // Worktrees live one level deeper than the main checkout, so look a few levels up.
        for (var dir = new DirectoryInfo(RepositoryRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "datasets")))
                return candidate;
        }
        return null;
    }
}
