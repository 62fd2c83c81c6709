using Detector.Operator.Crds;
using Detector.Testing;
using k8s;
using k8s.Models;

namespace Detector.Operator.Tests.Fakes.ApiServer;

/// <summary>
/// Reads CRD YAML (the repository's crds/ folder and documents given by tests) into served resource types. Every CRD
/// first passes the checks a real kube-apiserver makes on create (<see cref="CrdValidation"/>) and the naming
/// controller's rule that CRDs of one group claim distinct names (<see cref="CrdNames.Conflicts"/>): a CRD a real
/// server would refuse, or never serve, makes the fake refuse to start, with the real server's message.
/// </summary>
public static class CrdLoader
{
    /// <summary>The resource types of every CRD the options name; throws <see cref="InvalidDataException"/> for one a real server would not serve.</summary>
    public static IReadOnlyList<ResourceType> Load(FakeApiServerOptions options)
    {
        var documents = new List<(string Source, string Yaml)>();
        if (options.LoadRepositoryCrds && Directory.Exists(Path.Combine(SharedData.RepositoryRoot, "crds")))
            documents.AddRange(Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "crds"), "*.yaml")
                .Order(StringComparer.Ordinal)
                .Select(f => (f, File.ReadAllText(f))));
        documents.AddRange(options.CrdYaml.Select((y, i) => ($"CrdYaml[{i}]", y)));
        var crds = documents.SelectMany(d => ParseCrds(d.Source, d.Yaml)).ToList();
        if (CrdNames.Conflicts(crds) is [var (name, reason, message), ..])
            throw new InvalidDataException($"CustomResourceDefinition {name} would not be served: NamesAccepted=False, {reason}: {message}");
        return [.. crds.Select(ResourceType.FromCrd)];
    }

    /// <summary>Parses one YAML text (possibly several documents) into resource types; non-CRD documents are ignored.</summary>
    public static IEnumerable<ResourceType> Parse(string source, string yaml) => ParseCrds(source, yaml).Select(ResourceType.FromCrd);

    private static IReadOnlyList<V1CustomResourceDefinition> ParseCrds(string source, string yaml)
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
        var crds = objects.OfType<V1CustomResourceDefinition>().ToList();
        foreach (var crd in crds)
            if (CrdValidation.Validate(crd) is { Count: > 0 } errors)
                throw new InvalidDataException($"{source}: {CrdValidation.InvalidMessage(crd, errors)}");
        return crds;
    }
}
