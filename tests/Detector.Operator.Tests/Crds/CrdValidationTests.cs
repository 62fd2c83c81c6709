using Detector.Operator.Crds;
using Detector.Testing;
using k8s.Models;
using static Detector.Operator.Tests.Crds.CrdYaml;

namespace Detector.Operator.Tests.Crds;

public class CrdValidationTests
{
    private const string MetadataForbidden =
        "spec.validation.openAPIV3Schema.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified";

    // The root of what the generator wrote before issue 6, as `kubectl apply` sent it.
    private const string PreviousRoot = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: datasets.detector.dev
        spec:
          group: detector.dev
          names: {categories: [detector], kind: Dataset, listKind: DatasetList, plural: datasets, shortNames: [dset], singular: dataset}
          scope: Namespaced
          versions:
          - name: v1alpha1
            served: true
            storage: true
            subresources: {status: {}}
            additionalPrinterColumns:
            - {jsonPath: .status.phase, name: Phase, type: string}
            - {jsonPath: .metadata.creationTimestamp, name: Age, type: date}
            schema:
              openAPIV3Schema:
                description: A YOLO dataset.
                type: object
                required: [spec]
                properties:
                  apiVersion: {description: APIVersion defines the versioned schema of this representation of an object., type: string}
                  kind: {description: Kind is a string value representing the REST resource this object represents., type: string}
                  metadata: {description: Standard object metadata., type: object}
                  spec: {description: What to prepare., type: object, properties: {format: {description: Label format., type: string, default: YOLO}}}
                  status: {description: What was prepared., type: object}
        """;

    [Theory]
    [MemberData(nameof(CrdFiles.Kinds), MemberType = typeof(CrdFiles))]
    public void CheckedInCrd_IsAcceptedByTheServerRules(string kind)
    {
        var crd = CrdFiles.Load(Path.Combine(CrdFiles.Folder, CrdGenerator.FileName(CrdGenerator.ForKind(kind)!)));
        var errors = CrdValidation.Validate(crd);
        Assert.True(errors.Count == 0, CrdValidation.InvalidMessage(crd, errors));
    }

    [Fact]
    public void PreviousGeneratorRoot_IsRejectedForTheRealReason()
    {
        var crd = Parse(PreviousRoot);
        Assert.Equal(
            "CustomResourceDefinition.apiextensions.k8s.io \"datasets.detector.dev\" is invalid: " + MetadataForbidden,
            CrdValidation.InvalidMessage(crd, CrdValidation.Validate(crd)));
    }

    [Fact]
    public void PreviousGeneratorRoot_WithoutTheMetadataDescription_IsAccepted() =>
        Assert.Empty(Errors(Parse(PreviousRoot.Replace("metadata: {description: Standard object metadata., type: object}", "metadata: {type: object}", StringComparison.Ordinal))));

    [Fact]
    public void PreviousCheckedInFile_IsRejectedForTheRealReasonOnly()
    {
        var path = Path.Combine(SharedData.RepositoryRoot, "tests", "Detector.Operator.Tests", "Crds", "Inputs", "previous-registeredmodels.detector.dev.yaml");
        Assert.Equal([MetadataForbidden], Errors(CrdFiles.Load(path)));
    }

    [Theory]
    [MemberData(nameof(CrdFiles.Kinds), MemberType = typeof(CrdFiles))]
    public void GeneratedCrd_WithThePreviousMetadata_FailsForThatReasonOnly(string kind)
    {
        var crd = CrdFiles.Load(Path.Combine(CrdFiles.Folder, CrdGenerator.FileName(CrdGenerator.ForKind(kind)!)));
        crd.Spec.Versions[0].Schema.OpenAPIV3Schema.Properties["metadata"].Description = "Standard object metadata.";
        Assert.Equal([MetadataForbidden], Errors(crd));
    }

    [Fact]
    public void CheckedInCrds_ClaimNoNameAnotherAlreadyHas() =>
        Assert.Empty(CrdNames.Conflicts(CrdFiles.Yaml.Select(CrdFiles.Load)));

    public static TheoryData<string, string, string[]> BadNames => new()
    {
        { "plural with capitals", "names: {plural: Widgets, singular: widget, kind: Widget, listKind: WidgetList}\n  group: example.com", [
            "metadata.name: Invalid value: \"widgets.example.com\": must be spec.names.plural+\".\"+spec.group",
            "spec.names.plural: Invalid value: \"Widgets\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"] },
        { "short name with an underscore", "names: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList, shortNames: [w_1]}\n  group: example.com", [
            "spec.names.shortNames[0]: Invalid value: \"w_1\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"] },
        { "category with capitals", "names: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList, categories: [Detector]}\n  group: example.com", [
            "spec.names.categories[0]: Invalid value: \"Detector\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"] },
        { "kind with an underscore", "names: {plural: widgets, singular: widget, kind: Wid_get, listKind: WidgetList}\n  group: example.com", [
            "spec.names.kind: Invalid value: \"Wid_get\": may have mixed case, but should otherwise match: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"] },
        { "listKind equal to kind", "names: {plural: widgets, singular: widget, kind: Widget, listKind: Widget}\n  group: example.com", [
            "spec.names.listKind: Invalid value: \"Widget\": kind and listKind may not be the same"] },
        { "no singular", "names: {plural: widgets, kind: Widget, listKind: WidgetList}\n  group: example.com", [
            "spec.names.singular: Required value"] },
        { "group without a dot", "names: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList}\n  group: example", [
            "metadata.name: Invalid value: \"widgets.example.com\": must be spec.names.plural+\".\"+spec.group",
            "spec.group: Invalid value: \"example\": should be a domain with at least one dot"] },
    };

    [Theory]
    [MemberData(nameof(BadNames))]
    public void Validate_NamesTheServerRejects_ReportsTheServersErrors(string name, string namesAndGroup, string[] expected)
    {
        var yaml = WidgetYaml.Replace("names: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList}\n  group: example.com", namesAndGroup, StringComparison.Ordinal);
        Assert.True(expected.SequenceEqual(Errors(Parse(yaml))), $"{name}:\n{string.Join("\n", Errors(Parse(yaml)))}");
    }

    public static TheoryData<string, string, string[]> BadVersions => new()
    {
        { "printer column of an unknown type", "- {name: Phase, type: text, jsonPath: .status.phase}", [
            "spec.additionalPrinterColumns[0].type: Invalid value: \"text\": must be one of boolean,date,integer,number,string"] },
        { "printer column of an unknown format", "- {name: Done, type: number, format: percent, jsonPath: .status.done}", [
            "spec.additionalPrinterColumns[0].format: Invalid value: \"percent\": must be one of byte,date,date-time,double,float,int32,int64,password"] },
        { "printer column path without the leading dot", "- {name: Phase, type: string, jsonPath: status.phase}", [
            "spec.additionalPrinterColumns[0].JSONPath: Invalid value: \"status.phase\": must be a simple json path starting with ."] },
        { "printer column without a name", "- {type: string, jsonPath: .status.phase}", [
            "spec.additionalPrinterColumns[0].name: Required value"] },
    };

    [Theory]
    [MemberData(nameof(BadVersions))]
    public void Validate_PrinterColumnsTheServerRejects_ReportsTheServersErrors(string name, string columns, string[] expected)
    {
        var yaml = WidgetYaml.Replace("    additionalPrinterColumns: []", "    additionalPrinterColumns:\n    " + columns, StringComparison.Ordinal);
        Assert.True(expected.SequenceEqual(Errors(Parse(yaml))), $"{name}:\n{string.Join("\n", Errors(Parse(yaml)))}");
    }

    [Fact]
    public void Validate_VersionsWithDifferentSchemas_ReportsPerVersionPaths()
    {
        var yaml = WidgetYaml.Replace("  versions:\n", """
              versions:
              - name: v2
                served: true
                storage: false
                schema:
                  openAPIV3Schema: {type: object, properties: {metadata: {type: object, title: meta}}}

            """, StringComparison.Ordinal);
        Assert.Equal(["spec.versions[0].schema.openAPIV3Schema.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified"],
            Errors(Parse(yaml)));
    }

    [Fact]
    public void Validate_ScopeAndStorage_ReportTheServersErrors()
    {
        var yaml = WidgetYaml.Replace("scope: Namespaced", "scope: Global", StringComparison.Ordinal).Replace("storage: true", "storage: false", StringComparison.Ordinal);
        Assert.Equal([
            "spec.scope: Unsupported value: \"Global\": supported values: \"Cluster\", \"Namespaced\"",
            "spec.versions: Invalid value: {...}: must have exactly one version marked as storage version"], Errors(Parse(yaml)));
    }

    [Fact]
    public void Conflicts_SameGroup_NamesTheClaimedNameAsTheNamingControllerDoes()
    {
        var first = Parse(WidgetYaml.Replace("listKind: WidgetList}", "listKind: WidgetList, shortNames: [wd]}", StringComparison.Ordinal));
        var second = Parse(WidgetYaml.Replace("widgets", "gadgets", StringComparison.Ordinal).Replace("widget,", "gadget,", StringComparison.Ordinal)
            .Replace("Widget", "Gadget", StringComparison.Ordinal).Replace("listKind: GadgetList}", "listKind: GadgetList, shortNames: [wd]}", StringComparison.Ordinal));
        var elsewhere = Parse(WidgetYaml.Replace("example.com", "example.org", StringComparison.Ordinal));
        Assert.Equal([("gadgets.example.com", "ShortNamesConflict", "\"wd\" is already in use")], CrdNames.Conflicts([first, second, elsewhere]));
    }

    [Fact]
    public void InvalidMessage_SeveralErrors_ListsThemInBrackets() =>
        Assert.Equal("CustomResourceDefinition.apiextensions.k8s.io \"x\" is invalid: [a: Required value, b: Forbidden: no]",
            ApiErrors.InvalidMessage(CrdValidation.QualifiedKind, "x", [ApiErrors.Required("a"), ApiErrors.Required("a"), ApiErrors.Forbidden("b", "no")]));

    private const string WidgetYaml = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          names: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList}
          group: example.com
          scope: Namespaced
          versions:
          - name: v1
            served: true
            storage: true
            additionalPrinterColumns: []
            schema:
              openAPIV3Schema: {type: object}
        """;
}
