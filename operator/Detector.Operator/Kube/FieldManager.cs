namespace Detector.Operator.Kube;

/// <summary>
/// The name every write of the operator carries as <c>fieldManager</c>, so <c>metadata.managedFields</c> shows who owns
/// what (status, finalizers, Jobs, Events, the Lease) under the operator's own name, as controller-runtime managers do,
/// rather than KubernetesClient's default <c>kubernetes-csharp</c> that any C# tool shares.
/// </summary>
public static class FieldManager
{
    /// <summary><c>detector-operator</c>.</summary>
    public const string Operator = "detector-operator";
}
