using Detector.Operator.Crds;
using Detector.Testing;
using k8s;
using k8s.Models;

namespace Detector.Operator.Tests.Crds;

/// <summary>The checked-in CRD files and samples, located from the repository root.</summary>
internal static class CrdFiles
{
    public static string Folder => Path.Combine(SharedData.RepositoryRoot, "crds");

    public static string Samples => Path.Combine(Folder, "samples");

    public static IEnumerable<string> Yaml => Directory.EnumerateFiles(Folder, "*.yaml").Order(StringComparer.Ordinal);

    public static V1CustomResourceDefinition Load(string path) => KubernetesYaml.Deserialize<V1CustomResourceDefinition>(File.ReadAllText(path));

    public static TheoryData<string> Kinds()
    {
        var data = new TheoryData<string>();
        foreach (var kind in CrdGenerator.Kinds) data.Add(kind.Name);
        return data;
    }
}
