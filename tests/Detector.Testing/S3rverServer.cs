using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Amazon.S3;
using Amazon.S3.Model;
using Detector.Preprocessing.Storage;

namespace Detector.Testing;

/// <summary>
/// A real S3 server for tests: the npm package s3rver (installed on first use into a cache folder outside the repository),
/// running on a free loopback port over a fresh temporary directory. One instance per test process (<see cref="Shared"/>),
/// killed when the process exits. Without node/npm the test is skipped with the reason, except in CI (CI set) where it fails.
/// </summary>
public sealed partial class S3rverServer : IDisposable
{
    /// <summary>The s3rver version the tests were written against.</summary>
    public const string Version = "3.7.1";

    /// <summary>s3rver accepts any signature by these keys; the SDK still signs, so auth code paths run.</summary>
    public const string AccessKey = "S3RVER";

    private static readonly Lazy<S3rverServer> s_shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly TimeSpan s_startDeadline = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _dataDirectory;
    private int _disposed;

    private S3rverServer(Process process, string dataDirectory, string serviceUrl)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        ServiceUrl = serviceUrl;
        Settings = new S3StorageSettings(serviceUrl, ForcePathStyle: true, Region: "us-east-1", AccessKey, AccessKey, SessionToken: null,
            ChecksumWhenRequired: true);
    }

    /// <summary>The shared server, started on first use. Skips (or fails in CI) when node/npm are unavailable.</summary>
    public static S3rverServer Shared
    {
        get
        {
            S3rverInstaller.RequireTools();
            return s_shared.Value;
        }
    }

    /// <summary>The endpoint, e.g. http://127.0.0.1:40123.</summary>
    public string ServiceUrl { get; }

    /// <summary>Settings that round-trip bytes through s3rver: path style, dummy keys, checksums only when required.</summary>
    public S3StorageSettings Settings { get; }

    /// <summary>A client configured with <see cref="Settings"/>.</summary>
    public IAmazonS3 CreateClient() => S3ClientFactory.Create(Settings);

    /// <summary>Creates a bucket (idempotent: an existing bucket of ours is fine).</summary>
    public async Task CreateBucketAsync(string name)
    {
        using var client = CreateClient();
        try
        {
            await client.PutBucketAsync(new PutBucketRequest { BucketName = name });
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
        }
    }

    /// <summary>A new bucket with a unique name (tests in parallel never share one).</summary>
    public async Task<string> CreateUniqueBucketAsync(string prefix = "test")
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await CreateBucketAsync(name);
        return name;
    }

    /// <summary>Kills the server and removes its data.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans temp eventually.
        }
    }

    private static S3rverServer Start()
    {
        var script = S3rverInstaller.EnsureInstalled();
        var data = Directory.CreateTempSubdirectory("s3rver-").FullName;
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Port 0: the OS picks a free port and s3rver prints it, so there is no race on a port we probed earlier.
        // s3rver's ListObjectsV2 continuation tokens use DES, which OpenSSL 3 (node >= 17) only offers through the legacy provider.
        // The watchdog ends s3rver when this process is gone: test hosts are often killed without running exit handlers.
        var watchdog = S3rverInstaller.EnsureWatchdog();
        if (S3rverInstaller.NodeMajorVersion() >= 17)
            start.ArgumentList.Add("--openssl-legacy-provider");
        foreach (var arg in new[] { "--require", watchdog, script, "--directory", data, "--address", "127.0.0.1", "--port", "0", "--silent" })
            start.ArgumentList.Add(arg);
        start.Environment[S3rverInstaller.ParentPidVariable] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment[S3rverInstaller.DataDirectoryVariable] = data;
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && ListeningLine().Match(e.Data) is { Success: true } m)
                listening.TrySetResult($"http://127.0.0.1:{m.Groups["port"].Value}");
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                lock (errors)
                    errors.AppendLine(e.Data);
        };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"s3rver exited early: {errors}"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = (S3rverServer?)null;
        try
        {
            if (!listening.Task.Wait(s_startDeadline))
                throw new TimeoutException($"s3rver did not report its port within {s_startDeadline.TotalSeconds}s: {errors}");
            server = new S3rverServer(process, data, listening.Task.Result);
            WaitUntilAnswering(server.ServiceUrl);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
            return server;
        }
        catch
        {
            if (server is not null)
                server.Dispose();
            else if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            throw;
        }
    }

    private static void WaitUntilAnswering(string serviceUrl)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + s_startDeadline;
        while (true)
        {
            try
            {
                // Any HTTP answer (even 403 for the anonymous ListBuckets) means the server is serving.
                using var response = http.GetAsync(serviceUrl).GetAwaiter().GetResult();
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
        }
    }

    [GeneratedRegex(@"listening on [^:\s]+:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
