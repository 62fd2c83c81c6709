using System.Text.Json.Nodes;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Policy;
using System.Text.Json;
using k8s;
using k8s.Models;

namespace Detector.Operator.Validation;

/// <summary>One problem found in a manifest file.</summary>
/// <param name="File">The file, as given.</param>
/// <param name="Object">kind/name of the object (or the document number when it has none).</param>
/// <param name="Error">The field and what is wrong with it.</param>
public sealed record ManifestProblem(string File, string Object, FieldError Error)
{
    /// <summary><c>file: kind/name: field: problem</c>.</summary>
    public override string ToString() => $"{File}: {Object}: {Error}";
}

/// <summary>Outcome of validating one manifest stream.</summary>
/// <param name="Checked">Detector objects validated.</param>
/// <param name="Ignored">Documents of other kinds (Deployments, ConfigMaps, ...), left alone.</param>
/// <param name="Problems">Everything wrong, in document order.</param>
public sealed record ManifestReport(int Checked, int Ignored, IReadOnlyList<ManifestProblem> Problems);

/// <summary>
/// Validates the Detector objects of a multi-document YAML stream offline: the generated schema, the CEL rules,
/// the semantic rules and, when given, the namespace policy; and CustomResourceDefinitions with the API server's CRD
/// rules (<see cref="Crds.CrdValidation"/>). Other kinds are ignored (a GitOps folder holds both).
/// </summary>
public static class ManifestValidation
{
    /// <summary>Validates the text of one file (pure apart from the cached CRD schemas).</summary>
    /// <param name="file">Name used in the problems.</param>
    /// <param name="text">YAML or JSON, one or more documents.</param>
    /// <param name="policy">The namespace policy, or null for none.</param>
    /// <param name="defaultNamespace">Namespace of objects that name none (kubectl's default).</param>
    public static ManifestReport Validate(string file, string text, NamespacePolicy? policy, string defaultNamespace = "default")
    {
        IReadOnlyList<JsonNode?> documents;
        try
        {
            documents = YamlDocuments.Parse(text);
        }
        catch (FormatException e)
        {
            return new(0, 0, [new(file, "(file)", new FieldError("", e.Message))]);
        }
        var problems = new List<ManifestProblem>();
        var (checkedCount, ignored) = (0, 0);
        for (var i = 0; i < documents.Count; i++)
        {
            if (documents[i] is JsonObject crd && IsCustomResourceDefinition(crd))
            {
                checkedCount++;
                problems.AddRange(ValidateCrd(file, crd, i));
                continue;
            }
            if (documents[i] is not JsonObject manifest || !IsDetector(manifest))
            {
                ignored++;
                continue;
            }
            checkedCount++;
            var kind = manifest["kind"]!.GetValue<string>();
            var name = Preprocessing.Reporting.TerminalText.Escape((manifest["metadata"]?["name"] as JsonValue)?.ToString() ?? $"(document {i + 1})");
            var errors = new List<FieldError>();
            if (manifest["apiVersion"]?.ToString() != ApiGroup.ApiVersion)
                errors.Add(new("apiVersion", $"Unsupported value: \"{manifest["apiVersion"]}\": supported values: \"{ApiGroup.ApiVersion}\""));
            if (manifest["metadata"]?["name"] is not JsonValue nameValue) errors.Add(new("metadata.name", "Required value"));
            else if (ObjectNameRules.Check(kind, nameValue.ToString()) is { } nameProblem) errors.Add(new("metadata.name", nameProblem));
            if (Crds.CrdGenerator.ForKind(kind) is null)
            {
                var kinds = string.Join(", ", Crds.CrdGenerator.Kinds.Select(k => $"\"{k.Name}\""));
                errors.Add(new("kind", $"Unsupported value: \"{kind}\": supported values: {kinds}"));
            }
            else errors.AddRange(SpecValidation.ValidateManifest(manifest));
            if (errors.Count == 0 && manifest["spec"] is JsonObject spec)
            {
                // The admission policy's rules (PolicyRules): the always-on ones even without a policy file.
                var ns = (manifest["metadata"]?["namespace"] as JsonValue)?.ToString() ?? defaultNamespace;
                errors.AddRange(PolicyRules.Check(policy, ns, kind, spec));
            }
            problems.AddRange(errors.Select(e => new ManifestProblem(file, $"{kind}/{name}", e)));
        }
        return new(checkedCount, ignored, problems);
    }

    /// <summary>True for a document whose apiVersion is in the detector.dev group.</summary>
    public static bool IsDetector(JsonObject manifest) =>
        manifest["apiVersion"] is JsonValue apiVersion && apiVersion.ToString().StartsWith(ApiGroup.Name + "/", StringComparison.Ordinal)
        && manifest["kind"] is JsonValue;

    /// <summary>True for an apiextensions.k8s.io/v1 CustomResourceDefinition (ours or anyone's).</summary>
    public static bool IsCustomResourceDefinition(JsonObject manifest) =>
        manifest["apiVersion"]?.ToString() == "apiextensions.k8s.io/v1" && manifest["kind"]?.ToString() == "CustomResourceDefinition";

    // A CRD in a GitOps folder is checked with the API server's own CRD rules, so `kubectl apply` cannot be the first to fail.
    private static IEnumerable<ManifestProblem> ValidateCrd(string file, JsonObject manifest, int index)
    {
        var name = (manifest["metadata"]?["name"] as JsonValue)?.ToString() ?? $"(document {index + 1})";
        V1CustomResourceDefinition crd;
        try
        {
            crd = KubernetesJson.Deserialize<V1CustomResourceDefinition>(manifest.ToJsonString());
        }
        catch (JsonException e)
        {
            return [new(file, $"CustomResourceDefinition/{name}", new FieldError("", e.Message))];
        }
        return Crds.CrdValidation.Validate(crd).Select(error => new ManifestProblem(file, $"CustomResourceDefinition/{name}", error));
    }

    private static T Read<T>(JsonObject spec) => KubernetesJson.Deserialize<T>(spec.ToJsonString());
}
