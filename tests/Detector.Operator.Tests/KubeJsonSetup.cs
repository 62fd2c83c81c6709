using System.Runtime.CompilerServices;
using Detector.Operator.Kube;

namespace Detector.Operator.Tests;

/// <summary>
/// Runs every test with KubernetesClient's JSON options as <c>detector run</c> sets them (reflection only,
/// <see cref="KubeJsonResolver"/>), so the operator, the fakes and the real-server tests all read and write Kubernetes
/// objects the way the shipped process does. It must happen before the first Kubernetes (de)serialization.
/// </summary>
internal static class KubeJsonSetup
{
#pragma warning disable CA2255 // A module initializer in a test assembly: the only hook that runs before every test.
    [ModuleInitializer]
    internal static void UseTheOperatorsJsonOptions() => KubeJsonResolver.UseReflectionOnly();
#pragma warning restore CA2255
}
