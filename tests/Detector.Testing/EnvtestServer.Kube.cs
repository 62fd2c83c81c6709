using System.Text;
using k8s;
using k8s.Models;

namespace Detector.Testing;

public sealed partial class EnvtestServer
{
    private static readonly TimeSpan s_establishDeadline = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Writes a kubeconfig for the admin (client certificate in <c>system:masters</c>) whose default namespace is
    /// <paramref name="defaultNamespace"/>, and returns its path.
    /// </summary>
    public string WriteKubeconfig(string path, string defaultNamespace = "default") =>
        Write(path, "envtest-admin", $"""
                client-certificate-data: {Base64(Certificates.AdminCertificatePem)}
                client-key-data: {Base64(Certificates.AdminKeyPem)}
            """, defaultNamespace);

    /// <summary>
    /// Writes a kubeconfig that authenticates as the ServiceAccount <paramref name="serviceAccount"/> in
    /// <paramref name="serviceAccountNamespace"/> (created if missing) with a bound token from the TokenRequest API
    /// (valid for an hour), so the client has exactly the RBAC permissions bound to that ServiceAccount.
    /// </summary>
    public async Task<string> WriteServiceAccountKubeconfigAsync(string path, string serviceAccountNamespace, string serviceAccount,
        string? defaultNamespace = null)
    {
        using var admin = CreateClient();
        try
        {
            await admin.CoreV1.CreateNamespacedServiceAccountAsync(
                new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = serviceAccount } }, serviceAccountNamespace);
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            // Already there (e.g. from a rendered chart).
        }
        var token = await admin.CoreV1.CreateNamespacedServiceAccountTokenAsync(
            new Authenticationv1TokenRequest { Spec = new V1TokenRequestSpec { ExpirationSeconds = 3600 } },
            serviceAccount, serviceAccountNamespace);
        return Write(path, $"system:serviceaccount:{serviceAccountNamespace}:{serviceAccount}", $"""
                token: {token.Status.Token}
            """, defaultNamespace ?? serviceAccountNamespace);
    }

    private string Write(string path, string user, string credentials, string defaultNamespace)
    {
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: envtest
              cluster:
                server: {Url.ToString().TrimEnd('/')}
                certificate-authority-data: {Base64(Certificates.CaCertificatePem)}
            users:
            - name: {user}
              user:
            {credentials}
            contexts:
            - name: envtest
              context:
                cluster: envtest
                user: {user}
                namespace: {defaultNamespace}
            current-context: envtest

            """);
        return path;
    }

    /// <summary>
    /// An HTTP handler for raw requests to this server that trusts its CA; with <paramref name="asAdmin"/> it presents
    /// the admin client certificate, otherwise the caller authenticates (e.g. a bearer token) or is anonymous.
    /// </summary>
    public HttpMessageHandler CreateHttpHandler(bool asAdmin)
    {
        var ca = Certificates.LoadCa();
        var options = new System.Net.Security.SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) => ValidatesAgainst(ca, certificate),
        };
        if (asAdmin)
            options.ClientCertificates = [System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(
                Certificates.AdminCertificatePem, Certificates.AdminKeyPem)];
        return new SocketsHttpHandler { SslOptions = options, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) };
    }

    private static string Base64(string pem) => Convert.ToBase64String(Encoding.ASCII.GetBytes(pem));

    /// <summary>Applies every crds/*.yaml of the repository and waits until each is Established.</summary>
    private void InstallCrds()
    {
        using var client = CreateClient();
        var folder = Path.Combine(SharedData.RepositoryRoot, "crds");
        var names = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(File.ReadAllText(file));
            try
            {
                client.ApiextensionsV1.CreateCustomResourceDefinition(crd);
            }
            catch (k8s.Autorest.HttpOperationException e)
            {
                throw new InvalidOperationException($"{Path.GetFileName(file)}: the API server refused the CRD: {e.Response.Content}", e);
            }
            names.Add(crd.Metadata.Name);
        }
        var deadline = DateTime.UtcNow + s_establishDeadline;
        foreach (var name in names)
        {
            while (!IsEstablished(client.ApiextensionsV1.ReadCustomResourceDefinition(name)))
            {
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"CRD {name} not Established within {s_establishDeadline.TotalSeconds} s");
                Thread.Sleep(50);
            }
        }
    }

    private static bool IsEstablished(V1CustomResourceDefinition crd) =>
        crd.Status?.Conditions?.Any(c => c.Type == "Established" && c.Status == "True") == true;
}
