using System.Diagnostics;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using k8s;
using k8s.Models;

namespace Detector.Testing;

/// <summary>
/// A real Kubernetes API server for tests, in the manner of controller-runtime's envtest: etcd + kube-apiserver from
/// <c>KUBEBUILDER_ASSETS</c> (see ../shared/envtest/README.md; <c>setup.sh</c> prints the folder), with the flags of
/// ../shared/envtest/start-apiserver.sh, on free loopback ports, over a scratch folder, with the repository's
/// <c>crds/*.yaml</c> installed and Established. One instance per test process (<see cref="Shared"/>), killed at
/// process exit (and by a watchdog if the process dies without exit handlers). Each test takes its own namespace
/// (<see cref="CreateNamespaceAsync"/>). There is no controller-manager, scheduler or kubelet: a test plays any
/// controller it needs. Without KUBEBUILDER_ASSETS the test is skipped with the reason, except in CI where it fails.
/// </summary>
public sealed partial class EnvtestServer : IDisposable
{
    /// <summary>The envtest convention: a folder holding <c>kube-apiserver</c> and <c>etcd</c>.</summary>
    public const string AssetsVariable = "KUBEBUILDER_ASSETS";

    /// <summary>The service-account token issuer (as start-apiserver.sh); also the default token audience.</summary>
    public const string ServiceAccountIssuer = "https://kubernetes.default.svc.cluster.local";

    private static readonly Lazy<EnvtestServer> s_shared = new(() => Start(RequireAssets()), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly TimeSpan s_startDeadline = TimeSpan.FromSeconds(90);

    private readonly EnvtestProcess _etcd;
    private readonly EnvtestProcess _apiServer;
    private int _disposed;

    private EnvtestServer(string scratch, EnvtestCertificates pki, EnvtestProcess etcd, EnvtestProcess apiServer, Uri url)
    {
        (Scratch, Certificates, _etcd, _apiServer, Url) = (scratch, pki, etcd, apiServer, url);
        AdminKubeconfig = WriteKubeconfig(Path.Combine(scratch, "kubeconfig"));
    }

    /// <summary>The shared server, started on first use. Skips (or fails in CI) when KUBEBUILDER_ASSETS is unset.</summary>
    public static EnvtestServer Shared
    {
        get
        {
            RequireAssets();
            return s_shared.Value;
        }
    }

    /// <summary>The API server's URL, e.g. https://127.0.0.1:40123.</summary>
    public Uri Url { get; }

    /// <summary>The scratch folder (certificates, etcd data, logs); removed on dispose.</summary>
    public string Scratch { get; }

    /// <summary>The certificates the server was started with.</summary>
    public EnvtestCertificates Certificates { get; }

    /// <summary>A kubeconfig for the admin (<c>system:masters</c>) whose default namespace is <c>default</c>.</summary>
    public string AdminKubeconfig { get; }

    /// <summary>Why a test needing the server cannot run, or null when it can (pure: the caller passes the environment).</summary>
    public static string? MissingReason(string? assets) => assets switch
    {
        null or "" => $"{AssetsVariable} is not set (export {AssetsVariable}=\"$(../shared/envtest/setup.sh)\")",
        _ when !File.Exists(Path.Combine(assets, "kube-apiserver")) || !File.Exists(Path.Combine(assets, "etcd")) =>
            $"{AssetsVariable}={assets} holds no kube-apiserver and etcd",
        _ => null,
    };

    /// <summary>An admin client (cluster-admin through <c>system:masters</c>).</summary>
    public IKubernetes CreateClient() => new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(AdminKubeconfig));

    /// <summary>A client from any kubeconfig this server wrote (e.g. one for a ServiceAccount).</summary>
    public static IKubernetes CreateClient(string kubeconfig) =>
        new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));

    /// <summary>Creates a namespace with a unique name starting with <paramref name="prefix"/> and returns the name.</summary>
    /// <remarks>Namespaces are never deleted: without a controller-manager a deleted one stays Terminating anyway.</remarks>
    public async Task<string> CreateNamespaceAsync(string prefix = "test")
    {
        using var client = CreateClient();
        var created = await client.CoreV1.CreateNamespaceAsync(new V1Namespace
        {
            Metadata = new V1ObjectMeta { GenerateName = prefix.TrimEnd('-') + "-" },
        });
        return created.Metadata.Name;
    }

    /// <summary>Kills etcd and kube-apiserver and removes the scratch folder.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        // Both at once; etcd's watchdog removes the scratch folder even if this process is killed right after.
        _apiServer.RequestStop();
        _etcd.RequestStop();
        _apiServer.Dispose();
        _etcd.Dispose();
        try
        {
            Directory.Delete(Scratch, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans temp eventually.
        }
    }

    /// <summary>Starts a server from the binaries in <paramref name="assets"/> (tests use <see cref="Shared"/>).</summary>
    public static EnvtestServer Start(string assets)
    {
        var watch = Stopwatch.StartNew();
        var scratch = Directory.CreateTempSubdirectory("detector-envtest-").FullName;
        EnvtestProcess? etcd = null, apiServer = null;
        try
        {
            var pki = EnvtestCertificates.Create();
            var pkiDir = WritePki(scratch, pki);
            string etcdUrl;
            (etcd, etcdUrl) = StartEtcd(assets, scratch);
            Uri url;
            (apiServer, url) = StartApiServer(assets, scratch, pkiDir, etcdUrl, etcd);
            var server = new EnvtestServer(scratch, pki, etcd, apiServer, url);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
            server.InstallCrds();
            Console.Error.WriteLine($"envtest: kube-apiserver ready on {url} with the CRDs Established after {watch.ElapsedMilliseconds} ms");
            return server;
        }
        catch
        {
            apiServer?.Dispose();
            etcd?.Dispose();
            try
            {
                Directory.Delete(scratch, recursive: true);
            }
            catch (IOException)
            {
            }
            throw;
        }
    }

    private static string RequireAssets()
    {
        var assets = Environment.GetEnvironmentVariable(AssetsVariable);
        if (MissingReason(assets) is not { } reason)
            return assets!;
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            throw new InvalidOperationException($"envtest tests need a real API server: {reason}; in CI it must be set (.ci/run sets it)");
        throw new Xunit.SkipException($"envtest tests need a real API server: {reason}");
    }

    private static string WritePki(string scratch, EnvtestCertificates pki)
    {
        var dir = Directory.CreateDirectory(Path.Combine(scratch, "pki")).FullName;
        File.WriteAllText(Path.Combine(dir, "ca.crt"), pki.CaCertificatePem);
        File.WriteAllText(Path.Combine(dir, "apiserver.crt"), pki.ServingCertificatePem);
        File.WriteAllText(Path.Combine(dir, "apiserver.key"), pki.ServingKeyPem);
        File.WriteAllText(Path.Combine(dir, "sa.pub"), pki.ServiceAccountPublicKeyPem);
        File.WriteAllText(Path.Combine(dir, "sa.key"), pki.ServiceAccountPrivateKeyPem);
        return dir;
    }

    private static (EnvtestProcess, string) StartEtcd(string assets, string scratch)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (client, peer) = (EnvtestProcess.FreePort(), EnvtestProcess.FreePort());
            var url = $"http://127.0.0.1:{client}";
            var peerUrl = $"http://127.0.0.1:{peer}";
            var data = Path.Combine(scratch, "etcd-data");
            if (Directory.Exists(data))
                Directory.Delete(data, recursive: true);
            var etcd = EnvtestProcess.Start("etcd", Path.Combine(assets, "etcd"),
            [
                "--name", "envtest", "--data-dir", data,
                "--listen-client-urls", url, "--advertise-client-urls", url,
                "--listen-peer-urls", peerUrl, "--initial-advertise-peer-urls", peerUrl,
                "--initial-cluster", $"envtest={peerUrl}", "--initial-cluster-state", "new",
                "--unsafe-no-fsync", "--log-level", "warn",
            ], scratch, removeWhenStopped: scratch);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            if (WaitUntil(etcd, () => http.GetStringAsync(url + "/health").GetAwaiter().GetResult().Contains("\"health\":\"true\"", StringComparison.Ordinal)))
                return (etcd, url);
            var portRace = etcd.LostPortRace();
            etcd.Dispose();
            if (!portRace || attempt == 5)
                throw new InvalidOperationException($"etcd did not become healthy on {url}:\n{etcd.LogTail()}");
        }
    }

    private static (EnvtestProcess, Uri) StartApiServer(string assets, string scratch, string pki, string etcdUrl, EnvtestProcess etcd)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = EnvtestProcess.FreePort();
            var url = new Uri($"https://127.0.0.1:{port}");
            var apiServer = EnvtestProcess.Start("kube-apiserver", Path.Combine(assets, "kube-apiserver"),
                ApiServerArguments(port, pki, etcdUrl, HasDefaultRoute()), scratch);
            using var http = ReadinessClient(pki);
            if (WaitUntil(apiServer, () => etcd.IsRunning && http.GetStringAsync(new Uri(url, "/readyz")).GetAwaiter().GetResult() == "ok"))
                return (apiServer, url);
            var portRace = apiServer.LostPortRace();
            apiServer.Dispose();
            if (!portRace || attempt == 5)
                throw new InvalidOperationException($"kube-apiserver did not become ready on {url}:\n{apiServer.LogTail()}\netcd:\n{etcd.LogTail()}");
        }
    }

    /// <summary>The flags of ../shared/envtest/start-apiserver.sh (pure, so a test can compare them).</summary>
    public static IReadOnlyList<string> ApiServerArguments(int port, string pki, string etcdUrl, bool hasDefaultRoute)
    {
        var args = new List<string>
        {
            $"--etcd-servers={etcdUrl}",
            "--bind-address=127.0.0.1",
            $"--secure-port={port}",
            $"--tls-cert-file={Path.Combine(pki, "apiserver.crt")}",
            $"--tls-private-key-file={Path.Combine(pki, "apiserver.key")}",
            $"--client-ca-file={Path.Combine(pki, "ca.crt")}",
            "--authorization-mode=Node,RBAC",
            "--enable-admission-plugins=NodeRestriction",
            // As controller-runtime's envtest: nothing creates the "default" ServiceAccount, so Pods would be refused.
            "--disable-admission-plugins=ServiceAccount",
            "--allow-privileged=true",
            "--service-cluster-ip-range=10.0.0.0/24",
            $"--service-account-issuer={ServiceAccountIssuer}",
            $"--service-account-key-file={Path.Combine(pki, "sa.pub")}",
            $"--service-account-signing-key-file={Path.Combine(pki, "sa.key")}",
            $"--cert-dir={pki}",
            "--profiling=false",
        };
        // Without a default route kube-apiserver cannot pick an advertise address by itself.
        if (!hasDefaultRoute)
            args.Add("--advertise-address=127.0.0.1");
        return args;
    }

    private static bool HasDefaultRoute()
    {
        try
        {
            return File.ReadLines("/proc/net/route").Skip(1).Select(line => line.Split('\t', StringSplitOptions.TrimEntries))
                .Any(fields => fields.Length > 1 && fields[1] == "00000000");
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static HttpClient ReadinessClient(string pki)
    {
        var ca = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(pki, "ca.crt")));
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => ValidatesAgainst(ca, certificate),
            },
        };
        // /readyz is readable by anyone (system:public-info-viewer), so no client certificate is needed.
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(2) };
    }

    private static bool ValidatesAgainst(X509Certificate2 ca, X509Certificate? certificate)
    {
        if (certificate is null)
            return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }

    /// <summary>Calls <paramref name="ready"/> every 100 ms until it is true, the process exits, or the deadline passes.</summary>
    private static bool WaitUntil(EnvtestProcess process, Func<bool> ready)
    {
        var deadline = DateTime.UtcNow + s_startDeadline;
        while (DateTime.UtcNow < deadline && process.IsRunning)
        {
            try
            {
                if (ready())
                    return true;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            Thread.Sleep(100);
        }
        return false;
    }
}
