using System.Text.Json;
using Detector.Operator.Hosting;
using k8s;
using k8s.Exceptions;

namespace Detector.Operator.Tests.Hosting;

public sealed class KubeconfigFileTests
{
    // What kubectl, kind, envtest and cloud CLIs write: embedded and file certificates, tokens, exec plugins with env
    // and args, proxy and TLS settings, several contexts, extensions, and keys this model does not know.
    private const string FullKubeconfig = """
        apiVersion: v1
        kind: Config
        current-context: dev
        preferences: {}
        clusters:
        - name: dev
          cluster:
            server: https://127.0.0.1:6443
            certificate-authority-data: Y2VydA==
            tls-server-name: kubernetes
            proxy-url: http://proxy:3128
            extensions:
            - name: client.authentication.k8s.io/exec
              extension: {audience: x}
        - name: prod
          cluster:
            server: https://prod.example:443
            certificate-authority: ca.crt
            insecure-skip-tls-verify: true
        users:
        - name: admin
          user:
            client-certificate-data: Y2VydA==
            client-key-data: a2V5
        - name: token
          user:
            token: abc.def
            username: u
            password: p
        - name: eks
          user:
            exec:
              apiVersion: client.authentication.k8s.io/v1beta1
              command: aws
              args: [eks, get-token, --cluster-name, c]
              env:
              - name: AWS_PROFILE
                value: dev
              interactiveMode: Never
              provideClusterInfo: true
        contexts:
        - name: dev
          context: {cluster: dev, user: admin, namespace: team-a}
        - name: prod
          context: {cluster: prod, user: eks}
        unknown-top-level: ignored
        """;

    [Theory]
    [InlineData(FullKubeconfig)]
    [InlineData("apiVersion: v1\nkind: Config\nclusters: []\nusers: []\ncontexts: []\n")]
    [InlineData("clusters:\n- name: c\n  cluster:\n    server: http://127.0.0.1:1\n")]
    public void Parse_Kubeconfig_ReadsWhatKubernetesClientReads(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}");
        File.WriteAllText(path, yaml);
        try
        {
            var theirs = KubernetesClientConfiguration.LoadKubeConfig(path);

            var ours = KubeconfigFile.Read(path);

            Assert.Equal(JsonSerializer.Serialize(theirs), JsonSerializer.Serialize(ours));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_Kubeconfig_KeepsEveryValueAClientNeeds()
    {
        var config = KubeconfigFile.Parse(FullKubeconfig, "test");

        Assert.Equal("dev", config.CurrentContext);
        Assert.Equal("Y2VydA==", config.Clusters.First().ClusterEndpoint.CertificateAuthorityData);
        Assert.Equal("kubernetes", config.Clusters.First().ClusterEndpoint.TlsServerName);
        Assert.True(config.Clusters.Last().ClusterEndpoint.SkipTlsVerify);
        Assert.Equal("abc.def", config.Users.ElementAt(1).UserCredentials.Token);
        var exec = config.Users.Last().UserCredentials.ExternalExecution;
        Assert.Equal(["eks", "get-token", "--cluster-name", "c"], exec.Arguments);
        Assert.Equal("dev", exec.EnvironmentVariables.Single()["value"]);
        Assert.Equal("team-a", config.Contexts.First().ContextDetails.Namespace);
    }

    [Theory]
    [InlineData("clusters: [", "kubeconfig bad.yaml is not valid:")]
    [InlineData("clusters:\n  - name: a\n   bad-indent: x\n", "kubeconfig bad.yaml is not valid:")]
    [InlineData("clusters: 5\n", "kubeconfig bad.yaml is not valid:")]
    [InlineData("", "kubeconfig bad.yaml is empty")]
    public void Parse_NotAKubeconfig_IsOneLineNamingTheFile(string yaml, string expected)
    {
        var e = Assert.Throws<KubeConfigException>(() => KubeconfigFile.Parse(yaml, "bad.yaml"));

        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Read_OverBudget_IsRefusedBeforeReading()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}");
        using (var file = File.Create(path))
            file.SetLength(KubeconfigFile.MaxBytes + 1);
        try
        {
            var e = Assert.Throws<KubeConfigException>(() => KubeconfigFile.Read(path));

            Assert.Contains("over the 4194304-byte limit", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_Directory_IsOneLineNamingThePath()
    {
        var e = Assert.Throws<KubeConfigException>(() => KubeconfigFile.Read(Path.GetTempPath()));

        Assert.StartsWith($"kubeconfig {Path.GetTempPath()} cannot be read:", e.Message, StringComparison.Ordinal);
    }
}
