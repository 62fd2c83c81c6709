using Detector.Operator.Crds;
using k8s;
using k8s.Models;

namespace Detector.Operator.Tests.Crds;

/// <summary>Builds small CRDs around a schema written as YAML, the way a user would hand them to kubectl.</summary>
internal static class CrdYaml
{
    /// <summary>The prefix a real server prints for the schema of a single-version v1 CRD.</summary>
    public const string Root = "spec.validation.openAPIV3Schema";

    /// <summary>A one-version CRD <c>widgets.example.com</c> whose openAPIV3Schema is <paramref name="schema"/>.</summary>
    public static V1CustomResourceDefinition WithSchema(string schema, bool statusSubresource = true) => Parse($"""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          scope: Namespaced
          names: {"{"}plural: widgets, singular: widget, kind: Widget, listKind: WidgetList{"}"}
          versions:
          - name: v1
            served: true
            storage: true
        {(statusSubresource ? "    subresources: {status: {}}\n" : "")}    schema:
              openAPIV3Schema:
        {Indent(schema, 8)}
        """);

    /// <summary>A CRD from YAML text.</summary>
    public static V1CustomResourceDefinition Parse(string yaml) => KubernetesYaml.Deserialize<V1CustomResourceDefinition>(yaml);

    /// <summary>The server's errors for <paramref name="crd"/>, as the strings kubectl shows.</summary>
    public static IReadOnlyList<string> Errors(V1CustomResourceDefinition crd) => [.. CrdValidation.Validate(crd).Select(e => e.ToString())];

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Trim('\n').Split('\n').Select(line => new string(' ', spaces) + line));
}
