using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Detector.Operator.Tests.Admission;

/// <summary>
/// What the admission tests do to the real API server, as kubectl would: apply the rendered chart's documents, create
/// Detector objects (as the admin, or impersonating a user), patch them. Refusals come back as the server's message.
/// </summary>
public sealed class ClusterClient(string kubeconfig)
{
    private readonly KubernetesClientConfiguration _config = KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig);

    /// <summary>A client for the admin, or for <paramref name="user"/> through impersonation (kubectl --as).</summary>
    public IKubernetes For(string? user = null) =>
        user is null ? new Kubernetes(_config) : new Kubernetes(_config, new Impersonation(user));

    /// <summary>Creates one rendered document (the kinds the chart renders); <paramref name="ns"/> for namespaced ones.</summary>
    public async Task ApplyAsync(JsonObject document, string ns)
    {
        using var client = For();
        var json = document.ToJsonString();
        switch (document["kind"]!.ToString())
        {
            case "ConfigMap": await client.CoreV1.CreateNamespacedConfigMapAsync(KubernetesJson.Deserialize<V1ConfigMap>(json), ns); break;
            case "ServiceAccount": await client.CoreV1.CreateNamespacedServiceAccountAsync(KubernetesJson.Deserialize<V1ServiceAccount>(json), ns); break;
            case "Service": await client.CoreV1.CreateNamespacedServiceAsync(KubernetesJson.Deserialize<V1Service>(json), ns); break;
            case "Deployment": await client.AppsV1.CreateNamespacedDeploymentAsync(KubernetesJson.Deserialize<V1Deployment>(json), ns); break;
            case "ClusterRole": await client.RbacAuthorizationV1.CreateClusterRoleAsync(KubernetesJson.Deserialize<V1ClusterRole>(json)); break;
            case "ClusterRoleBinding": await client.RbacAuthorizationV1.CreateClusterRoleBindingAsync(KubernetesJson.Deserialize<V1ClusterRoleBinding>(json)); break;
            case "Role":
            {
                var role = KubernetesJson.Deserialize<V1Role>(json);
                await client.RbacAuthorizationV1.CreateNamespacedRoleAsync(role, role.Metadata.NamespaceProperty ?? ns);
                break;
            }
            case "RoleBinding":
            {
                var binding = KubernetesJson.Deserialize<V1RoleBinding>(json);
                await client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(binding, binding.Metadata.NamespaceProperty ?? ns);
                break;
            }
            case "ValidatingAdmissionPolicy":
                await client.AdmissionregistrationV1.CreateValidatingAdmissionPolicyAsync(KubernetesJson.Deserialize<V1ValidatingAdmissionPolicy>(json));
                break;
            case "ValidatingAdmissionPolicyBinding":
                await client.AdmissionregistrationV1.CreateValidatingAdmissionPolicyBindingAsync(KubernetesJson.Deserialize<V1ValidatingAdmissionPolicyBinding>(json));
                break;
            case var kind: throw new InvalidOperationException($"the chart renders a {kind}; teach ClusterClient.ApplyAsync to create it");
        }
    }

    /// <summary>Creates a Detector object (a dry run unless <paramref name="store"/>); null when accepted, else the server's message.</summary>
    public async Task<string?> CreateAsync(JsonObject manifest, string? user = null, bool store = false)
    {
        using var client = For(user);
        var (ns, plural) = (manifest["metadata"]!["namespace"]!.ToString(), Plural(manifest));
        try
        {
            await client.CustomObjects.CreateNamespacedCustomObjectAsync(manifest, "detector.dev", "v1alpha1", ns, plural, dryRun: store ? null : "All");
            return null;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest)
        {
            return JsonNode.Parse(e.Response.Content)?["message"]?.ToString() ?? e.Response.Content;
        }
    }

    /// <summary>Merge-patches a Detector object as the admin; null when accepted, else the server's message.</summary>
    public async Task<string?> PatchAsync(string plural, string ns, string name, string mergePatch)
    {
        using var client = For();
        try
        {
            await client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(mergePatch, V1Patch.PatchType.MergePatch), "detector.dev", "v1alpha1", ns, plural, name);
            return null;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest)
        {
            return JsonNode.Parse(e.Response.Content)?["message"]?.ToString() ?? e.Response.Content;
        }
    }

    /// <summary>Creates a namespace with the label, or labels it when it exists.</summary>
    public async Task LabelledNamespaceAsync(string name, string label)
    {
        using var client = For();
        try
        {
            await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
        }
        if (label.Length > 0)
            await client.CoreV1.PatchNamespaceAsync(new V1Patch($$$$"""{"metadata":{"labels":{"{{{{label}}}}":"true"}}}""", V1Patch.PatchType.MergePatch), name);
    }

    private static string Plural(JsonObject manifest) => Detector.Operator.Crds.CrdGenerator.ForKind(manifest["kind"]!.ToString())!.Spec.Names.Plural;

    // kubectl --as: the admin asks the server to act as the user (the admin may impersonate anyone).
    private sealed class Impersonation(string user) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("Impersonate-User", user);
            request.Headers.Add("Impersonate-Group", "system:authenticated");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
