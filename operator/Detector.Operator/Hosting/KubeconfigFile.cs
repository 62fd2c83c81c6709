using k8s.Exceptions;
using k8s.KubeConfigModels;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Detector.Operator.Hosting;

/// <summary>Reads one kubeconfig file into KubernetesClient's model, within a size budget.</summary>
/// <remarks>
/// Not <c>KubernetesClientConfiguration.LoadKubeConfig</c>: it parses through <c>KubernetesYaml</c>, whose first use loads
/// all ~5,900 types of KubernetesClient and reflects over every property of every API model to build its YAML mappings,
/// about 40 MB that stay resident for the life of the operator, only to read a file whose model names its own YAML keys
/// (<c>[YamlMember]</c> on every property). This is the same YamlDotNet parse with the same settings, minus that.
/// </remarks>
public static class KubeconfigFile
{
    /// <summary>The largest kubeconfig read: generous for embedded certificates of many clusters, not a runaway file.</summary>
    public const long MaxBytes = 4 * 1024 * 1024;

    // Thread-safe once built; the same options as KubernetesYaml's lenient deserializer, for a model with aliases.
    private static readonly IDeserializer s_deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithAttemptingUnquotedStringTypeDeserialization()
        .IgnoreUnmatchedProperties()
        .Build();

    /// <summary>
    /// Reads <paramref name="path"/>, with <see cref="K8SConfiguration.FileName"/> its full path; throws
    /// <see cref="KubeConfigException"/> naming the file and the reason.
    /// </summary>
    public static K8SConfiguration Read(string path)
    {
        string yaml;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxBytes)
                throw new KubeConfigException($"kubeconfig {path} is {length} bytes, over the {MaxBytes}-byte limit");
            yaml = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"kubeconfig {path} cannot be read: {e.Message}");
        }
        var config = Parse(yaml, path);
        config.FileName = Path.GetFullPath(path);
        return config;
    }

    /// <summary>Parses kubeconfig YAML; <paramref name="source"/> names it in errors.</summary>
    public static K8SConfiguration Parse(string yaml, string source)
    {
        try
        {
            return s_deserializer.Deserialize<K8SConfiguration?>(yaml)
                ?? throw new KubeConfigException($"kubeconfig {source} is empty");
        }
        catch (YamlException e)
        {
            throw new KubeConfigException($"kubeconfig {source} is not valid: {FirstLine(e.Message)} (line {e.Start.Line}, column {e.Start.Column})");
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
