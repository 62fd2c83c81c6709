using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;

namespace Detector.Operator.Hosting;

/// <summary>Where the Kubernetes client configuration comes from.</summary>
public enum KubeConfigSource
{
    /// <summary>The kubeconfig file given with <c>--kubeconfig</c>.</summary>
    ExplicitFile,

    /// <summary>The files listed in <c>KUBECONFIG</c>, merged as kubectl merges them.</summary>
    EnvironmentFiles,

    /// <summary>The pod's service account (in-cluster).</summary>
    InCluster,

    /// <summary><c>~/.kube/config</c>.</summary>
    DefaultFile,
}

/// <summary>
/// Builds the Kubernetes client configuration the way controller-runtime (and so every kubebuilder operator) does:
/// <c>--kubeconfig</c>, else <c>KUBECONFIG</c> (a list, merged as kubectl merges it), else the pod's service account,
/// else <c>~/.kube/config</c>. <c>--context</c> picks a context of whichever kubeconfig is used.
/// </summary>
public static class KubeClientConfig
{
    /// <summary>Pure: which source the flags and environment select (<c>--context</c> asks for a kubeconfig, even in a pod).</summary>
    public static KubeConfigSource Choose(string? kubeconfigFlag, string? kubeconfigEnv, string? context, bool inCluster) =>
        !string.IsNullOrEmpty(kubeconfigFlag) ? KubeConfigSource.ExplicitFile
        : SplitList(kubeconfigEnv).Count > 0 ? KubeConfigSource.EnvironmentFiles
        : inCluster && string.IsNullOrEmpty(context) ? KubeConfigSource.InCluster
        : KubeConfigSource.DefaultFile;

    /// <summary>
    /// Pure: the kubeconfig files to read, in precedence order. <c>--kubeconfig</c> names one file; <c>KUBECONFIG</c>
    /// is split on the platform's path separator (':' on Linux and macOS), blanks and repeats dropped, as kubectl does.
    /// Empty for <see cref="KubeConfigSource.InCluster"/>.
    /// </summary>
    public static IReadOnlyList<string> Files(string? kubeconfigFlag, string? kubeconfigEnv, string? context, bool inCluster, string home) =>
        Choose(kubeconfigFlag, kubeconfigEnv, context, inCluster) switch
        {
            KubeConfigSource.ExplicitFile => [kubeconfigFlag!],
            KubeConfigSource.EnvironmentFiles => SplitList(kubeconfigEnv),
            KubeConfigSource.InCluster => [],
            _ => [Path.Combine(home, ".kube", "config")],
        };

    /// <summary>
    /// Pure: kubectl's merge of several kubeconfigs. The first file that sets a value wins: current-context comes from
    /// the first file that has one, and a cluster, user or context name defined in several files keeps its first definition.
    /// </summary>
    public static K8SConfiguration Merge(IReadOnlyList<K8SConfiguration> configs)
    {
        if (configs.Count == 0)
            throw new ArgumentException("at least one kubeconfig is needed", nameof(configs));
        return new K8SConfiguration
        {
            ApiVersion = configs[0].ApiVersion ?? "v1",
            Kind = configs[0].Kind ?? "Config",
            FileName = configs[0].FileName,
            CurrentContext = configs.Select(c => c.CurrentContext).FirstOrDefault(c => !string.IsNullOrEmpty(c)),
            Preferences = configs[0].Preferences,
            Clusters = FirstByName(configs.SelectMany(c => c.Clusters ?? []), c => c.Name),
            Users = FirstByName(configs.SelectMany(c => c.Users ?? []), u => u.Name),
            Contexts = FirstByName(configs.SelectMany(c => c.Contexts ?? []), c => c.Name),
        };
    }

    /// <summary>The client configuration for the settings; throws <see cref="KubeConfigException"/> naming what to fix.</summary>
    public static KubernetesClientConfiguration Build(OperatorSettings settings)
    {
        if (settings.KubeconfigFiles.Count == 0)
            return KubernetesClientConfiguration.InClusterConfig();
        var context = string.IsNullOrEmpty(settings.Context) ? null : settings.Context;
        // kubectl skips KUBECONFIG entries that do not exist; an explicit --kubeconfig must exist.
        var existing = settings.KubeconfigFiles.Where(File.Exists).ToList();
        if (existing.Count == 0)
            throw new KubeConfigException(settings.KubeconfigFiles.Count == 1
                ? $"kubeconfig file not found at {settings.KubeconfigFiles[0]}"
                : $"none of the KUBECONFIG files exist: {string.Join(Path.PathSeparator, settings.KubeconfigFiles)}");
        var merged = Merge([.. existing.Select(Load)]);
        return KubernetesClientConfiguration.BuildConfigFromConfigObject(merged, context);
    }

    /// <summary>The namespace of the kubeconfig context that would be used (null in a pod or when it names none).</summary>
    public static string? ContextNamespace(KubernetesClientConfiguration config) =>
        string.IsNullOrEmpty(config.Namespace) ? null : config.Namespace;

    private static K8SConfiguration Load(string path)
    {
        var config = KubeconfigFile.Read(path);
        var directory = Path.GetDirectoryName(config.FileName)!;
        // Paths in a kubeconfig are relative to that file; after a merge there is no single file to resolve against.
        foreach (var cluster in config.Clusters ?? [])
            if (cluster.ClusterEndpoint is { } endpoint)
                endpoint.CertificateAuthority = Absolute(directory, endpoint.CertificateAuthority);
        foreach (var user in config.Users ?? [])
            if (user.UserCredentials is { } credentials)
            {
                credentials.ClientCertificate = Absolute(directory, credentials.ClientCertificate);
                credentials.ClientKey = Absolute(directory, credentials.ClientKey);
            }
        return config;
    }

    private static string? Absolute(string directory, string? path) =>
        string.IsNullOrEmpty(path) || Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(directory, path));

    private static List<T> FirstByName<T>(IEnumerable<T> items, Func<T, string?> name) =>
        [.. items.Where(i => !string.IsNullOrEmpty(name(i))).GroupBy(i => name(i), StringComparer.Ordinal).Select(g => g.First())];

    private static List<string> SplitList(string? list) =>
        [.. (list ?? "").Split(Path.PathSeparator).Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal)];
}
