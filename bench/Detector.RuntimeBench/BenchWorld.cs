using Detector.Operator.Tests.EndToEnd.Apis;
using Detector.Operator.Tests.Fakes.CloudWatch;
using Detector.Operator.Tests.Fakes.SageMaker;
using Detector.Testing;
using k8s;
using k8s.Models;

namespace Detector.RuntimeBench;

/// <summary>
/// Everything around the operator: a real kube-apiserver + etcd (<see cref="EnvtestServer"/>, the repository's CRDs
/// installed), s3rver with a bucket, the fake SageMaker and the fake monitoring services (signed with s3rver's keys, so
/// the operator has one AWS identity, as with IRSA), and the recording <see cref="ApiProxy"/> the operator's kubeconfig
/// points at. The bench's own requests go to the server directly, so the proxy counts the operator's alone.
/// </summary>
public sealed class BenchWorld : IAsyncDisposable
{
    /// <summary>The operator's AWS access key: s3rver accepts only this one; the fakes are started with it.</summary>
    public const string AccessKey = S3rverServer.AccessKey;

    /// <summary>Its secret key (s3rver does not check it; the fakes do).</summary>
    public const string SecretKey = S3rverServer.AccessKey;

    /// <summary>The dataset Jobs' service account (the chart's datasetJobs.serviceAccountName).</summary>
    public const string JobServiceAccount = "detector-dataset";

    private BenchWorld(EnvtestServer server, S3rverServer s3, string bucket, FakeSageMaker sageMaker, FakeMonitoring monitoring,
        ApiProxy proxy, string ns, string leaseNamespace, string directory)
    {
        (Server, S3, Bucket, SageMaker, Monitoring, Proxy, Namespace, LeaseNamespace, Directory) =
            (server, s3, bucket, sageMaker, monitoring, proxy, ns, leaseNamespace, directory);
        Admin = server.CreateClient();
        OperatorKubeconfig = WriteProxyKubeconfig(Path.Combine(directory, "operator-kubeconfig"));
    }

    /// <summary>The API server.</summary>
    public EnvtestServer Server { get; }

    /// <summary>An admin client straight to the server (not counted).</summary>
    public IKubernetes Admin { get; }

    /// <summary>s3rver.</summary>
    public S3rverServer S3 { get; }

    /// <summary>The bucket the Datasets and TrainingRuns write to.</summary>
    public string Bucket { get; }

    /// <summary>The fake SageMaker.</summary>
    public FakeSageMaker SageMaker { get; }

    /// <summary>The fake SageMaker Metrics and CloudWatch (live training progress).</summary>
    public FakeMonitoring Monitoring { get; }

    /// <summary>The recording proxy in front of the server: every request of the operator.</summary>
    public ApiProxy Proxy { get; }

    /// <summary>The one watched namespace.</summary>
    public string Namespace { get; }

    /// <summary>The namespace of the operator's Lease (the release namespace).</summary>
    public string LeaseNamespace { get; }

    /// <summary>The working folder (kubeconfig, operator log).</summary>
    public string Directory { get; }

    /// <summary>The operator's kubeconfig, through the proxy.</summary>
    public string OperatorKubeconfig { get; }

    /// <summary>Starts everything from the binaries in <paramref name="assets"/>; disposes what started if a later part fails.</summary>
    public static async Task<BenchWorld> StartAsync(string assets, string directory, Action<string> progress)
    {
        var disposables = new Stack<Func<ValueTask>>();
        try
        {
            var server = EnvtestServer.Start(assets);
            disposables.Push(() => { server.Dispose(); return ValueTask.CompletedTask; });
            var s3 = S3rverServer.Shared;
            disposables.Push(() => { s3.Dispose(); return ValueTask.CompletedTask; });
            var bucket = await s3.CreateUniqueBucketAsync("bench");
            progress($"s3rver on {s3.ServiceUrl}, bucket {bucket}");
            var sageMaker = await FakeSageMaker.StartAsync(new FakeSageMakerOptions { AccessKey = AccessKey, SecretKey = SecretKey });
            disposables.Push(sageMaker.DisposeAsync);
            var monitoring = await FakeMonitoring.StartAsync((AccessKey, SecretKey));
            disposables.Push(monitoring.DisposeAsync);
            var proxy = await ApiProxy.StartAsync(server.Url, server.CreateHttpHandler(asAdmin: true), server.CreateHttpHandler(asAdmin: false));
            disposables.Push(proxy.DisposeAsync);
            progress($"fake SageMaker on {sageMaker.Url}, fake monitoring on {monitoring.Url}, API proxy on {proxy.Url}");
            var ns = await server.CreateNamespaceAsync("bench");
            var leaseNamespace = await server.CreateNamespaceAsync("bench-operator");
            var world = new BenchWorld(server, s3, bucket, sageMaker, monitoring, proxy, ns, leaseNamespace, directory);
            // As the platform team creates it: the operator reports a Dataset whose Job account is missing instead of creating the Job.
            await world.Admin.CoreV1.CreateNamespacedServiceAccountAsync(
                new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = JobServiceAccount } }, ns);
            return world;
        }
        catch
        {
            while (disposables.TryPop(out var dispose))
                await dispose();
            throw;
        }
    }

    private string WriteProxyKubeconfig(string path)
    {
        // The proxy forwards with the admin client certificate; kubeconfig loaders want some credential.
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: bench
              cluster:
                server: {Proxy.Url.ToString().TrimEnd('/')}
            users:
            - name: bench
              user:
                token: {ApiProxy.AdminToken}
            contexts:
            - name: bench
              context:
                cluster: bench
                user: bench
                namespace: {Namespace}
            current-context: bench

            """);
        return path;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Proxy.DisposeAsync();
        await Monitoring.DisposeAsync();
        await SageMaker.DisposeAsync();
        S3.Dispose();
        Server.Dispose();
    }
}
