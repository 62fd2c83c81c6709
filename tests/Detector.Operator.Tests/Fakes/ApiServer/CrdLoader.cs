using Detector.Testing;
using k8s;
using k8s.Models;

namespace Detector.Operator.Tests.Fakes.ApiServer;

/// <summary>Reads CRD YAML (the repository's crds/ folder and documents given by tests) into served resource types.</summary>
public static class CrdLoader
{
    /// <summary>The resource types of every CRD the options name.</summary>
    public static IReadOnlyList<ResourceType> Load(FakeApiServerOptions options)
    {
        var documents = new List<(string Source, string Yaml)>();
        if (options.LoadRepositoryCrds && Directory.Exists(Path.Combine(SharedData.RepositoryRoot, "crds")))
            documents.AddRange(Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "crds"), "*.yaml")
                .Order(StringComparer.Ordinal)
                .Select(f => (f, File.ReadAllText(f))));
        documents.AddRange(options.CrdYaml.Select((y, i) => ($"CrdYaml[{i}]", y)));
        return documents.SelectMany(d => Parse(d.Source, d.Yaml)).ToList();
    }

    /// <summary>Parses one YAML text (possibly several documents) into resource types; non-CRD documents are ignored.</summary>
    public static IEnumerable<ResourceType> Parse(string source, string yaml)
    {
        List<object> objects;
        try
        {
            objects = KubernetesYaml.LoadAllFromString(yaml);
        }
        catch (Exception e)
        {
            throw new InvalidDataException($"{source}: not a valid Kubernetes YAML document: {e.Message}", e);
        }
        return objects.OfType<V1CustomResourceDefinition>().Select(ResourceType.FromCrd);
    }
}
