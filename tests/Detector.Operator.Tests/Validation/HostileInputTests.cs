using Detector.Operator.Cli;
using Detector.Testing;

namespace Detector.Operator.Tests.Validation;

/// <summary>
/// The hostile-input corpus of issue 15, run against the real <c>detector</c> executable, one process per case: each
/// case ends with its documented exit code, says what and why on one line, prints no stack trace and no raw control
/// character, and leaves nothing outside its output and scratch folders. (Time and memory: <c>detector bench hostile</c>.)
/// </summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "detector-hostile-tests-" + Guid.NewGuid().ToString("N")[..8]);
    private HostileRunner? _runner;

    public static TheoryData<string> Cases() => [.. HostileCorpus.All.Select(c => c.Name)];

    public Task InitializeAsync()
    {
        _runner = new HostileRunner(_root);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _runner!.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case_EndsWithItsExitCodeAndOneLineNamingSourceAndReason(string name)
    {
        var hostile = HostileCorpus.All.Single(c => c.Name == name);
        // The operator project's own build of the same configuration, with its own runtimeconfig and dependencies (the
        // copy beside the tests lacks what the tests' ASP.NET Core framework provides to them but not to detector).
        // A minute is far beyond any case (the bench checks the 10 s budget).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        string[] detector = [Path.Combine(SharedData.RepositoryRoot, "operator", "Detector.Operator", "bin", configuration, "net10.0",
            OperatingSystem.IsWindows() ? "detector.exe" : "detector")];

        var outcome = await _runner!.RunAsync(hostile, detector, measure: false, TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.True(outcome.ExitCode == hostile.ExpectedExit, $"exit {outcome.ExitCode}, expected {hostile.ExpectedExit}:\n{outcome.Output}");
        var lines = outcome.Output.Split('\n');
        Assert.Contains(lines, line => hostile.Mentions.All(m => line.Contains(m, StringComparison.Ordinal)));
        Assert.DoesNotContain("   at ", outcome.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", outcome.Output, StringComparison.Ordinal);
        // stderr is redirected, so there is no progress bar: nothing but line breaks may reach the terminal unescaped.
        Assert.DoesNotContain(outcome.Output, c => char.IsControl(c) && c != '\n');
        Assert.DoesNotContain("root:", outcome.Output, StringComparison.Ordinal);
        Assert.Empty(outcome.StrayEntries);
    }
}
