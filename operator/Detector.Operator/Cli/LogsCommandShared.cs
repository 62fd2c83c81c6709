using System.CommandLine;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Hosting;
using Detector.Operator.Kube;
using Detector.Operator.Monitoring;
using Detector.Operator.Runtime;
using k8s;

namespace Detector.Operator.Cli;

/// <summary>Where <c>detector logs</c> and <c>detector metrics</c> find the cluster and AWS.</summary>
/// <param name="Namespace">The object's namespace (<c>-n</c>; default the kubeconfig context's, else <c>default</c>).</param>
/// <param name="Region">AWS region; null: environment, profile, instance metadata.</param>
/// <param name="EndpointUrl">Endpoint override for the service the command calls (emulators, tests).</param>
/// <param name="KubeconfigFiles">Kubeconfig files in precedence order (empty: in-cluster).</param>
/// <param name="Context">kubeconfig context; null: the current one.</param>
public sealed record ClusterAndAws(string? Namespace, string? Region, Uri? EndpointUrl, IReadOnlyList<string> KubeconfigFiles, string? Context);

/// <summary>The options, the prelude (<see cref="RunAsync"/>) and the Kubernetes reads <c>detector logs</c> and <c>detector metrics</c> share.</summary>
public static partial class MonitoringCli
{
    /// <summary>Options of one command instance (an option belongs to one command).</summary>
    public sealed class Options(string endpointFlag, string endpointDescription)
    {
        /// <summary>The object.</summary>
        public Argument<string> Target { get; } = new("kind/name") { Description = "trainingrun/<name>, tuningrun/<name> or detectionendpoint/<name> (short names trun, tun, detep)." };
        /// <summary>-n.</summary>
        public Option<string?> Namespace { get; } = new("--namespace", "-n") { Description = "Namespace of the object (default: the kubeconfig context's, else default)." };
        /// <summary>--region.</summary>
        public Option<string?> Region { get; } = new("--region", "--aws-region") { Description = "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the AWS profile, instance metadata)." };
        /// <summary>The service endpoint override.</summary>
        public Option<string?> Endpoint { get; } = new(endpointFlag) { Description = endpointDescription };
        /// <summary>--kubeconfig.</summary>
        public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "Path of a kubeconfig file (default: KUBECONFIG, else the pod's service account in a pod, else ~/.kube/config)." };
        /// <summary>--context.</summary>
        public Option<string?> Context { get; } = new("--context") { Description = "kubeconfig context to use (default: the current context)." };
        /// <summary>--verbose.</summary>
        public Option<bool> Verbose { get; } = new("--verbose") { Description = "Print the stack trace of a failure after its one-line message" };

        /// <summary>Adds them to <paramref name="command"/>.</summary>
        public void AddTo(Command command)
        {
            command.Arguments.Add(Target);
            foreach (var option in new Option[] { Namespace, Region, Endpoint, Kubeconfig, Context, Verbose })
                command.Options.Add(option);
        }
    }

    /// <summary>
    /// Pure: the cluster and AWS settings, the endpoint from the flag, else the AWS SDKs' service-specific variable
    /// (<paramref name="endpointVariable"/>, e.g. <c>AWS_ENDPOINT_URL_CLOUDWATCH_LOGS</c>), else <c>AWS_ENDPOINT_URL</c>.
    /// Throws <see cref="FormatException"/> naming the flag.
    /// </summary>
    public static ClusterAndAws Read(ParseResult parsed, Options o, Func<string, string?> env, string endpointVariable)
    {
        var url = Blank(parsed.GetValue(o.Endpoint)) ?? Blank(env(endpointVariable)) ?? Blank(env("AWS_ENDPOINT_URL"));
        Uri? endpoint = null;
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out endpoint) || endpoint.Scheme is not ("http" or "https")))
            throw new FormatException($"{o.Endpoint.Name} '{url}' is not an http or https URL");
        var inPod = !string.IsNullOrEmpty(env("KUBERNETES_SERVICE_HOST"));
        var home = env("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var context = Blank(parsed.GetValue(o.Context));
        return new ClusterAndAws(Blank(parsed.GetValue(o.Namespace)),
            Blank(parsed.GetValue(o.Region)) ?? Blank(env("AWS_REGION")) ?? Blank(env("AWS_DEFAULT_REGION")), endpoint,
            KubeClientConfig.Files(parsed.GetValue(o.Kubeconfig), env("KUBECONFIG"), context, inPod, home), context);
    }

    /// <summary>The Kubernetes client and the namespace to read from.</summary>
    public static (IKubernetes Client, string Namespace) Kube(ClusterAndAws settings)
    {
        var config = KubeClientConfig.Build(new OperatorSettings { KubeconfigFiles = settings.KubeconfigFiles, Context = settings.Context });
        return (new Kubernetes(config), settings.Namespace ?? KubeClientConfig.ContextNamespace(config) ?? "default");
    }

    /// <summary>Reads the object; throws <see cref="MonitoredObjectException"/> when it does not exist.</summary>
    public static async Task<T> GetAsync<T>(IKubernetes client, KubeResource resource, string ns, string name, CancellationToken ct)
        where T : class, k8s.IKubernetesObject<k8s.Models.V1ObjectMeta> =>
        await new KubeStore<T>(client, resource).GetAsync(new ObjectKey(ns, name), ct)
            ?? throw new MonitoredObjectException($"{resource.Kind} {ns}/{name} not found");

    /// <summary>Where the object's logs are, read fresh (the job's status moves while following).</summary>
    public static async Task<LogQuery> LogQueryAsync(IKubernetes client, string ns, MonitoredObject target, string? trial, CancellationToken ct) =>
        target.Kind switch
        {
            MonitoredKind.TrainingRun => LogQueries.ForTrainingRun(await GetAsync<TrainingRun>(client, KubeResources.TrainingRun, ns, target.Name, ct)),
            MonitoredKind.TuningRun => LogQueries.ForTuningRun(await GetAsync<TuningRun>(client, KubeResources.TuningRun, ns, target.Name, ct), trial),
            _ => LogQueries.ForEndpoint(await GetAsync<DetectionEndpoint>(client, KubeResources.DetectionEndpoint, ns, target.Name, ct)),
        };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
