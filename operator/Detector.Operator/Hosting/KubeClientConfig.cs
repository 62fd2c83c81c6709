using k8s;

namespace Detector.Operator.Hosting;

/// <summary>Where the Kubernetes client configuration comes from.</summary>
public enum KubeConfigSource
{
    /// <summary>The kubeconfig file (and/or context) given on the command line.</summary>
    ExplicitFile,

    /// <summary>The pod's service account (in-cluster).</summary>
    InCluster,

    /// <summary>KUBECONFIG or ~/.kube/config.</summary>
    DefaultFile,
}

/// <summary>Builds the Kubernetes client configuration the way kubectl users expect.</summary>
public static class KubeClientConfig
{
    /// <summary>Pure: flags win; in a pod without flags the service account; otherwise the default kubeconfig.</summary>
    public static KubeConfigSource Choose(string? kubeconfig, string? context, bool inCluster) =>
        !string.IsNullOrEmpty(kubeconfig) || !string.IsNullOrEmpty(context) ? KubeConfigSource.ExplicitFile
        : inCluster ? KubeConfigSource.InCluster
        : KubeConfigSource.DefaultFile;

    /// <summary>The client configuration for the settings.</summary>
    public static KubernetesClientConfiguration Build(OperatorSettings settings) =>
        Choose(settings.Kubeconfig, settings.Context, KubernetesClientConfiguration.IsInCluster()) switch
        {
            KubeConfigSource.InCluster => KubernetesClientConfiguration.InClusterConfig(),
            _ => KubernetesClientConfiguration.BuildConfigFromConfigFile(
                kubeconfigPath: string.IsNullOrEmpty(settings.Kubeconfig) ? null : settings.Kubeconfig,
                currentContext: string.IsNullOrEmpty(settings.Context) ? null : settings.Context),
        };
}
