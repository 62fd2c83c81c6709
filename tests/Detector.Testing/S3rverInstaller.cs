using System.Diagnostics;

namespace Detector.Testing;

/// <summary>
/// Installs s3rver with npm into <c>$HOME/.cache/detector-tests/s3rver-{version}</c> (or DETECTOR_TEST_CACHE), once per
/// machine. A file lock serialises parallel test processes; a marker file written last means "complete".
/// </summary>
internal static class S3rverInstaller
{
    private static readonly TimeSpan s_lockDeadline = TimeSpan.FromMinutes(5);

    /// <summary>The watchdog exits s3rver when the process with this id is gone.</summary>
    public const string ParentPidVariable = "DETECTOR_S3RVER_PARENT_PID";

    /// <summary>The watchdog deletes this folder (the server's data) when it exits s3rver.</summary>
    public const string DataDirectoryVariable = "DETECTOR_S3RVER_DATA_DIR";

    private const string WatchdogScript = """
        // Preloaded into s3rver by the Detector test fixture: exit when the test process that started us is gone.
        const fs = require('fs');
        const parent = Number(process.env.DETECTOR_S3RVER_PARENT_PID);
        const data = process.env.DETECTOR_S3RVER_DATA_DIR;
        if (parent > 0) {
          setInterval(() => {
            try {
              process.kill(parent, 0);
            } catch (e) {
              if (e.code !== 'ESRCH') return;
              if (data) fs.rmSync(data, { recursive: true, force: true });
              process.exit(0);
            }
          }, 1000).unref();
        }

        """;

    /// <summary>Writes the watchdog preload script (once per content) and returns its path.</summary>
    public static string EnsureWatchdog()
    {
        var path = Path.Combine(CacheRoot(), $"s3rver-watchdog-{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(WatchdogScript)))[..12]}.js");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + "." + Environment.ProcessId;
            File.WriteAllText(temp, WatchdogScript);
            File.Move(temp, path, overwrite: true);
        }
        return path;
    }

    /// <summary>Skips the test (or fails in CI) when node or npm is not on PATH.</summary>
    public static void RequireTools()
    {
        var missing = new[] { "node", "npm" }.Where(tool => FindOnPath(tool) is null).ToList();
        if (missing.Count == 0)
            return;
        var reason = $"s3rver tests need {string.Join(" and ", missing)} on PATH";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            throw new InvalidOperationException(reason + "; in CI they must be installed");
        throw new Xunit.SkipException(reason);
    }

    /// <summary>Installs s3rver if needed and returns the path of its bin/s3rver.js.</summary>
    public static string EnsureInstalled()
    {
        var root = CacheRoot();
        var folder = Path.Combine(root, $"s3rver-{S3rverServer.Version}");
        var script = Path.Combine(folder, "node_modules", "s3rver", "bin", "s3rver.js");
        var marker = Path.Combine(folder, ".installed");
        if (File.Exists(marker) && File.Exists(script))
            return script;
        Directory.CreateDirectory(folder);
        using (AcquireLock(Path.Combine(root, $"s3rver-{S3rverServer.Version}.lock")))
        {
            if (File.Exists(marker) && File.Exists(script))
                return script;
            RunNpmInstall(folder);
            if (!File.Exists(script))
                throw new InvalidOperationException($"npm install finished but {script} is missing");
            File.WriteAllText(marker, DateTime.UtcNow.ToString("O"));
        }
        return script;
    }

    /// <summary>The major version of the node on PATH (0 when it cannot be told).</summary>
    public static int NodeMajorVersion()
    {
        var start = new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, UseShellExecute = false };
        using var node = Process.Start(start);
        if (node is null)
            return 0;
        var version = node.StandardOutput.ReadToEnd().Trim().TrimStart('v');
        node.WaitForExit();
        return int.TryParse(version.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture, out var major) ? major : 0;
    }

    private static string CacheRoot() =>
        Environment.GetEnvironmentVariable("DETECTOR_TEST_CACHE") is { Length: > 0 } cache
            ? cache
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "detector-tests");

    private static void RunNpmInstall(string folder)
    {
        var start = new ProcessStartInfo("npm")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "install", "--no-audit", "--no-fund", "--no-save", "--prefix", folder, $"s3rver@{S3rverServer.Version}" })
            start.ArgumentList.Add(arg);
        using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm did not start");
        var stdout = npm.StandardOutput.ReadToEndAsync();
        var stderr = npm.StandardError.ReadToEndAsync();
        if (!npm.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            npm.Kill(entireProcessTree: true);
            throw new TimeoutException("npm install s3rver took more than 5 minutes");
        }
        if (npm.ExitCode != 0)
            throw new InvalidOperationException($"npm install s3rver@{S3rverServer.Version} failed ({npm.ExitCode}): {stderr.Result}{stdout.Result}");
    }

    private static FileStream AcquireLock(string path)
    {
        var deadline = DateTime.UtcNow + s_lockDeadline;
        while (true)
        {
            try
            {
                // FileShare.None: a second process gets IOException until the first closes the stream.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
        }
    }

    private static string? FindOnPath(string tool)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var names = OperatingSystem.IsWindows() ? new[] { tool + ".cmd", tool + ".exe" } : new[] { tool };
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => names.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }
}
