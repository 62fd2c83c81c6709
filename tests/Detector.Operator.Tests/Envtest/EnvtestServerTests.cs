using System.Net;
using Detector.Testing;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Detector.Operator.Tests.Envtest;

/// <summary>The envtest fixture: a real API server with our CRDs, per-test namespaces, admin and ServiceAccount clients.</summary>
public sealed class EnvtestServerTests
{
    [Fact]
    public void Missing_assets_are_explained_and_present_ones_accepted()
    {
        Assert.Contains("KUBEBUILDER_ASSETS is not set", EnvtestServer.MissingReason(null));
        Assert.Contains("KUBEBUILDER_ASSETS is not set", EnvtestServer.MissingReason(""));
        var empty = Directory.CreateTempSubdirectory("envtest-assets-").FullName;
        try
        {
            Assert.Contains("holds no kube-apiserver and etcd", EnvtestServer.MissingReason(empty));
            File.WriteAllText(Path.Combine(empty, "kube-apiserver"), "");
            File.WriteAllText(Path.Combine(empty, "etcd"), "");
            Assert.Null(EnvtestServer.MissingReason(empty));
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public void The_api_server_gets_the_reference_launchers_flags()
    {
        var args = EnvtestServer.ApiServerArguments(6443, "/pki", "http://127.0.0.1:2379", hasDefaultRoute: false);
        Assert.Contains("--etcd-servers=http://127.0.0.1:2379", args);
        Assert.Contains("--secure-port=6443", args);
        Assert.Contains("--authorization-mode=Node,RBAC", args);
        Assert.Contains("--disable-admission-plugins=ServiceAccount", args);
        Assert.Contains("--service-account-signing-key-file=/pki/sa.key", args);
        Assert.Contains("--advertise-address=127.0.0.1", args);
        Assert.DoesNotContain("--advertise-address=127.0.0.1",
            EnvtestServer.ApiServerArguments(6443, "/pki", "http://127.0.0.1:2379", hasDefaultRoute: true));
    }

    [SkippableFact]
    public async Task Every_crd_of_the_repository_is_installed_and_established()
    {
        var server = EnvtestServer.Shared;
        using var client = server.CreateClient();
        var installed = await client.ApiextensionsV1.ListCustomResourceDefinitionAsync();
        var expected = Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "crds"), "*.yaml")
            .Select(f => KubernetesYaml.Deserialize<V1CustomResourceDefinition>(File.ReadAllText(f)).Metadata.Name)
            .ToList();
        Assert.NotEmpty(expected);
        foreach (var name in expected)
        {
            var crd = Assert.Single(installed.Items, c => c.Metadata.Name == name);
            Assert.Contains(crd.Status.Conditions, c => c.Type == "Established" && c.Status == "True");
        }
    }

    [SkippableFact]
    public async Task Each_call_creates_a_new_namespace()
    {
        var server = EnvtestServer.Shared;
        var first = await server.CreateNamespaceAsync("fixture");
        var second = await server.CreateNamespaceAsync("fixture");
        Assert.NotEqual(first, second);
        Assert.StartsWith("fixture-", first, StringComparison.Ordinal);
        using var client = server.CreateClient();
        Assert.Equal(first, (await client.CoreV1.ReadNamespaceAsync(first)).Metadata.Name);
    }

    [SkippableFact]
    public async Task A_service_account_kubeconfig_has_only_the_permissions_bound_to_it()
    {
        var server = EnvtestServer.Shared;
        var ns = await server.CreateNamespaceAsync("fixture-sa");
        var directory = Directory.CreateTempSubdirectory("envtest-kubeconfig-").FullName;
        try
        {
            var kubeconfig = await server.WriteServiceAccountKubeconfigAsync(Path.Combine(directory, "kubeconfig"), ns, "reader");
            using var asServiceAccount = EnvtestServer.CreateClient(kubeconfig);
            var denied = await Assert.ThrowsAsync<HttpOperationException>(() => asServiceAccount.CoreV1.ListNamespacedConfigMapAsync(ns));
            Assert.Equal(HttpStatusCode.Forbidden, denied.Response.StatusCode);
            Assert.Contains($"system:serviceaccount:{ns}:reader", denied.Response.Content, StringComparison.Ordinal);

            using var admin = server.CreateClient();
            await admin.RbacAuthorizationV1.CreateNamespacedRoleAsync(new V1Role
            {
                Metadata = new V1ObjectMeta { Name = "read-configmaps" },
                Rules = [new V1PolicyRule { ApiGroups = [""], Resources = ["configmaps"], Verbs = ["list"] }],
            }, ns);
            await admin.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(new V1RoleBinding
            {
                Metadata = new V1ObjectMeta { Name = "read-configmaps" },
                RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = "read-configmaps" },
                Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = "reader", NamespaceProperty = ns }],
            }, ns);
            // RBAC is read from the authorizer's informer cache, which follows the binding within moments.
            var allowed = await RetryWhileForbidden(() => asServiceAccount.CoreV1.ListNamespacedConfigMapAsync(ns));
            Assert.NotNull(allowed);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [SkippableFact]
    public async Task The_admin_kubeconfig_works_with_kubectl_semantics_of_a_default_namespace()
    {
        var server = EnvtestServer.Shared;
        var ns = await server.CreateNamespaceAsync("fixture-admin");
        var path = server.WriteKubeconfig(Path.Combine(server.Scratch, $"kubeconfig-{ns}"), ns);
        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(path);
        Assert.Equal(ns, config.Namespace);
        using var client = new Kubernetes(config);
        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "hello" }, Data = new Dictionary<string, string> { ["a"] = "b" } }, ns);
        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
    }

    private static async Task<T> RetryWhileForbidden<T>(Func<Task<T>> call)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Forbidden && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }
}
