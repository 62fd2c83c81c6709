using Detector.Operator.Crds;
using k8s.Models;

namespace Detector.Operator.Tests.Crds;

public class CrdGeneratorTests
{
    private const string Regenerate = "dotnet run --project operator/Detector.Operator -- crds --output-dir crds";

    [Fact]
    public void CheckedInCrds_MatchGeneratorOutput_ByteForByte()
    {
        foreach (var crd in CrdGenerator.All)
        {
            var path = Path.Combine(CrdFiles.Folder, CrdGenerator.FileName(crd));
            Assert.True(File.Exists(path), $"{path} is missing; run `{Regenerate}`");
            Assert.True(CrdGenerator.ToYaml(crd) == File.ReadAllText(path),
                $"{path} differs from the generator's output; run `{Regenerate}` and commit the result");
        }
    }

    [Fact]
    public void CrdsFolder_HoldsNoStaleCrdFiles()
    {
        var expected = CrdGenerator.All.Select(CrdGenerator.FileName).ToHashSet();
        var stale = CrdFiles.Yaml.Select(Path.GetFileName).Where(name => !expected.Contains(name!)).ToList();
        Assert.True(stale.Count == 0, $"crds/ holds files the generator does not produce: {string.Join(", ", stale)}; run `{Regenerate}`");
    }

    [Fact]
    public void GeneratedYaml_IsDeterministic()
    {
        var first = CrdGenerator.ToYaml(CrdGenerator.All);
        var builder = new SchemaBuilder(XmlDocs.For(typeof(CrdGenerator).Assembly));
        var second = CrdGenerator.ToYaml(CrdGenerator.Kinds.Select(kind => CrdGenerator.Generate(kind, builder)));
        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(CrdFiles.Kinds), MemberType = typeof(CrdFiles))]
    public void CheckedInCrd_LoadsAndIsStructural(string kind)
    {
        var crd = CrdFiles.Load(Path.Combine(CrdFiles.Folder, CrdGenerator.FileName(CrdGenerator.ForKind(kind)!)));
        var problems = StructuralSchema.Problems(crd.Spec.Versions.Single().Schema.OpenAPIV3Schema);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void GeneratedCrds_WithAndWithoutDocs_AreAcceptedByTheServerRules_AndClaimDistinctNames()
    {
        var withoutDocs = CrdGenerator.Kinds.Select(kind => CrdGenerator.Generate(kind, new SchemaBuilder(null))).ToList();
        foreach (var crd in CrdGenerator.All.Concat(withoutDocs))
        {
            var errors = CrdValidation.Validate(crd);
            Assert.True(errors.Count == 0, CrdValidation.InvalidMessage(crd, errors));
        }
        Assert.Empty(CrdNames.Conflicts(CrdGenerator.All));
    }

    [Theory]
    [MemberData(nameof(CrdFiles.Kinds), MemberType = typeof(CrdFiles))]
    public void Crd_HasApiServerEssentials(string kind)
    {
        var crd = CrdGenerator.ForKind(kind)!;
        var version = crd.Spec.Versions.Single();
        Assert.Equal("apiextensions.k8s.io/v1", crd.ApiVersion);
        Assert.Equal("Namespaced", crd.Spec.Scope);
        Assert.Equal($"{crd.Spec.Names.Plural}.detector.dev", crd.Metadata.Name);
        Assert.Equal(["detector"], crd.Spec.Names.Categories);
        Assert.True(version.Served && version.Storage);
        Assert.NotNull(version.Subresources?.Status);
        Assert.Contains("spec", version.Schema.OpenAPIV3Schema.Required);
        Assert.Equal("Phase", version.AdditionalPrinterColumns[0].Name);
        Assert.Equal("Age", version.AdditionalPrinterColumns[^1].Name);
    }

    [Theory]
    [MemberData(nameof(CrdFiles.Kinds), MemberType = typeof(CrdFiles))]
    public void Status_HasPhaseConditionsAndObservedGeneration(string kind)
    {
        var status = CrdGenerator.ForKind(kind)!.Spec.Versions[0].Schema.OpenAPIV3Schema.Properties["status"];
        Assert.NotNull(status.Properties["phase"].EnumProperty);
        Assert.Equal("map", status.Properties["conditions"].XKubernetesListType);
        Assert.Equal("integer", status.Properties["observedGeneration"].Type);
    }

    [Fact]
    public void PrinterColumns_PointAtExistingFields()
    {
        foreach (var crd in CrdGenerator.All)
        {
            var root = crd.Spec.Versions[0].Schema.OpenAPIV3Schema;
            foreach (var column in crd.Spec.Versions[0].AdditionalPrinterColumns.Where(c => !c.JsonPath.StartsWith(".metadata.", StringComparison.Ordinal)))
            {
                V1JSONSchemaProps? node = root;
                foreach (var segment in column.JsonPath.TrimStart('.').Split('.')) node = node?.Properties is { } props && props.TryGetValue(segment, out var next) ? next : null;
                Assert.True(node is not null, $"{crd.Spec.Names.Kind} column {column.Name}: {column.JsonPath} is not in the schema");
                Assert.Equal(column.Type, node!.Type);
            }
        }
    }

    [Fact]
    public void ImmutableFields_CarryTransitionRules()
    {
        var model = CrdGenerator.ForKind("RegisteredModel")!.Spec.Versions[0].Schema.OpenAPIV3Schema.Properties["spec"];
        Assert.Contains(model.Properties["source"].XKubernetesValidations, r => r.Rule == "self == oldSelf");
        Assert.Contains("source", model.Required);
        var endpoint = CrdGenerator.ForKind("DetectionEndpoint")!.Spec.Versions[0].Schema.OpenAPIV3Schema.Properties["spec"];
        Assert.Contains(endpoint.XKubernetesValidations, r => r.Rule.Contains("oldSelf.deploymentMode", StringComparison.Ordinal) && r.Rule.StartsWith("!has(oldSelf.", StringComparison.Ordinal));
    }

    [Fact]
    public void DatasetSource_HasExactlyOneOfRule()
    {
        var source = CrdGenerator.ForKind("Dataset")!.Spec.Versions[0].Schema.OpenAPIV3Schema.Properties["spec"].Properties["source"];
        Assert.Equal("[has(self.s3), has(self.http), has(self.kaggle)].exists_one(x, x)", Assert.Single(source.XKubernetesValidations).Rule);
    }
}
