using System.Text.Json.Serialization.Metadata;

namespace Detector.Operator.Kube;

/// <summary>
/// How KubernetesClient's shared JSON options find the contract of a type: by reflection alone, not through its
/// source-generated context first.
/// </summary>
/// <remarks>
/// KubernetesClient asks its generated context before reflection. That context answers "which type is this?" with one
/// comparison per model type, so the first lookup of any type (ours always miss) loads all ~2,000 model types and JITs
/// one very large method: megabytes of resident memory for the few dozen types the operator reads and writes.
/// Reflection builds the same contracts from the same attributes; it is what KubernetesClient used before .NET 8. The
/// test assembly sets it too (<c>KubeJsonSetup</c>), so every test reads and writes objects this way.
/// </remarks>
public static class KubeJsonResolver
{
    private static int s_configured;

    /// <summary>
    /// Switches the shared options to reflection. Call first thing in the process, before any Kubernetes request:
    /// options are frozen on first use. Later calls do nothing.
    /// </summary>
    public static void UseReflectionOnly()
    {
        if (Interlocked.Exchange(ref s_configured, 1) == 0)
            k8s.KubernetesJson.AddJsonOptions(options => options.TypeInfoResolver = new DefaultJsonTypeInfoResolver());
    }
}
