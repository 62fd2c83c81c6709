using System.Reflection;
using System.Text;
using Detector.Operator.Api;
using Detector.Operator.Api.V1Alpha1;
using k8s;
using k8s.Models;

namespace Detector.Operator.Crds;

/// <summary>
/// Generates the apiextensions.k8s.io/v1 CustomResourceDefinitions of the Detector kinds from their C# types.
/// The files in <c>crds/</c> are this output; a test keeps them identical.
/// </summary>
public static class CrdGenerator
{
    /// <summary>Every Detector kind, in pipeline order.</summary>
    public static IReadOnlyList<Type> Kinds { get; } =
        [typeof(Dataset), typeof(TrainingRun), typeof(TuningRun), typeof(RegisteredModel), typeof(DetectionEndpoint)];

    private static readonly Lazy<IReadOnlyList<V1CustomResourceDefinition>> s_all = new(() =>
    {
        var builder = new SchemaBuilder(XmlDocs.For(typeof(CrdGenerator).Assembly));
        return [.. Kinds.Select(kind => Generate(kind, builder))];
    });

    private static readonly Lazy<IReadOnlyList<V1CustomResourceDefinition>> s_forValidation = new(() =>
        XmlDocs.TryFor(typeof(CrdGenerator).Assembly) is null
            ? [.. Kinds.Select(kind => Generate(kind, new SchemaBuilder(null)))]
            : s_all.Value);

    /// <summary>The CRDs of all kinds with descriptions (generated once per process; needs detector.xml).</summary>
    public static IReadOnlyList<V1CustomResourceDefinition> All => s_all.Value;

    /// <summary>The CRDs for validation: as <see cref="All"/>, without descriptions when detector.xml is missing.</summary>
    public static IReadOnlyList<V1CustomResourceDefinition> ForValidation => s_forValidation.Value;

    /// <summary>The CRD of the kind named <paramref name="kind"/> (e.g. "Dataset"), or null for a kind that is not ours.</summary>
    public static V1CustomResourceDefinition? ForKind(string kind) => ForValidation.FirstOrDefault(crd => crd.Spec.Names.Kind == kind);

    /// <summary>The whole-object schema (openAPIV3Schema) of a kind; throws for a kind that is not ours.</summary>
    public static V1JSONSchemaProps SchemaOf(string kind) =>
        ForKind(kind)?.Spec.Versions[0].Schema.OpenAPIV3Schema ?? throw new ArgumentException($"{kind} is not a Detector kind", nameof(kind));

    /// <summary>The file name of a CRD in <c>crds/</c>: <c>&lt;plural&gt;.&lt;group&gt;.yaml</c>.</summary>
    public static string FileName(V1CustomResourceDefinition crd) => crd.Metadata.Name + ".yaml";

    /// <summary>One CRD as YAML.</summary>
    public static string ToYaml(V1CustomResourceDefinition crd) => KubernetesYaml.Serialize(crd);

    /// <summary>All CRDs as one multi-document YAML stream.</summary>
    public static string ToYaml(IEnumerable<V1CustomResourceDefinition> crds)
    {
        var text = new StringBuilder();
        foreach (var crd in crds) text.Append("---\n").Append(ToYaml(crd));
        return text.ToString();
    }

    /// <summary>
    /// Defaults a missing <c>status</c> to <c>{observedGeneration: 0}</c>. The API server applies it when it reads the
    /// object, so a new object carries it before the operator first writes status (or while the operator is down):
    /// kstatus (Flux, kpt, Config Sync) reads a custom resource with no status as Current, but one whose
    /// <c>observedGeneration</c> (0) differs from its <c>generation</c> (1 or more) as InProgress.
    /// </summary>
    private static V1JSONSchemaProps WithObservedGenerationZero(V1JSONSchemaProps status)
    {
        status.DefaultProperty = new Dictionary<string, object> { ["observedGeneration"] = 0 };
        return status;
    }

    /// <summary>Builds the CRD of one kind (a <see cref="CustomResource{TSpec, TStatus}"/> subclass).</summary>
    public static V1CustomResourceDefinition Generate(Type kind, SchemaBuilder builder)
    {
        var baseType = kind.BaseType;
        if (baseType is not { IsGenericType: true } || baseType.GetGenericTypeDefinition() != typeof(CustomResource<,>))
            throw new ArgumentException($"{kind.Name} does not derive from CustomResource<TSpec, TStatus>", nameof(kind));
        var names = kind.GetCustomAttribute<ResourceNamesAttribute>() ?? throw new InvalidOperationException($"{kind.Name} has no [ResourceNames]");
        var (specType, statusType) = (baseType.GetGenericArguments()[0], baseType.GetGenericArguments()[1]);
        var root = new V1JSONSchemaProps
        {
            Type = "object",
            Description = builder.Docs?.Of(kind),
            Required = ["spec"],
            Properties = KnownSchemas.Sorted(new()
            {
                ["apiVersion"] = new() { Type = "string", Description = "APIVersion defines the versioned schema of this representation of an object." },
                ["kind"] = new() { Type = "string", Description = "Kind is a string value representing the REST resource this object represents." },
                // A real API server rejects anything but `type: object` here (not even a description).
                ["metadata"] = new() { Type = "object" },
                ["spec"] = builder.ForObject(specType, withDefaults: true),
                ["status"] = WithObservedGenerationZero(builder.ForObject(statusType, withDefaults: false)),
            }),
        };
        var columns = kind.GetCustomAttributes<PrinterColumnAttribute>().OrderBy(c => c.Order)
            .Select(c => new V1CustomResourceColumnDefinition
            {
                Name = c.Name, Type = c.Type, JsonPath = c.JsonPath, Description = c.Description, Priority = c.Priority == 0 ? null : c.Priority,
            })
            .Append(new V1CustomResourceColumnDefinition { Name = "Age", Type = "date", JsonPath = ".metadata.creationTimestamp" })
            .ToList();
        return new V1CustomResourceDefinition
        {
            ApiVersion = "apiextensions.k8s.io/v1",
            Kind = "CustomResourceDefinition",
            Metadata = new V1ObjectMeta { Name = $"{names.Plural}.{ApiGroup.Name}" },
            Spec = new V1CustomResourceDefinitionSpec
            {
                Group = ApiGroup.Name,
                Scope = "Namespaced",
                Names = new V1CustomResourceDefinitionNames
                {
                    Kind = kind.Name,
                    ListKind = kind.Name + "List",
                    Plural = names.Plural,
                    Singular = kind.Name.ToLowerInvariant(),
                    ShortNames = [.. names.ShortNames],
                    Categories = [ApiGroup.Category],
                },
                Versions =
                [
                    new V1CustomResourceDefinitionVersion
                    {
                        Name = ApiGroup.Version,
                        Served = true,
                        Storage = true,
                        Schema = new V1CustomResourceValidation { OpenAPIV3Schema = root },
                        Subresources = new V1CustomResourceSubresources { Status = new Dictionary<string, object>() },
                        AdditionalPrinterColumns = columns,
                    },
                ],
            },
        };
    }
}
