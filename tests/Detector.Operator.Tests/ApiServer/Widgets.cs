using System.Text.Json.Nodes;
using Detector.Operator.Tests.Fakes.ApiServer;
using k8s;
using k8s.Models;

namespace Detector.Operator.Tests.ApiServer;

/// <summary>
/// A small CRD of our own (group test.detector.dev, kind Widget) so the fake's semantics are tested independently
/// of the operator's CRDs: a status subresource, defaults, bounds, an enum, a required field and an immutable field.
/// </summary>
internal static class Widgets
{
    public const string Group = "test.detector.dev";
    public const string Version = "v1";
    public const string Plural = "widgets";
    public const string Namespace = "default";

    public const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.test.detector.dev
        spec:
          group: test.detector.dev
          scope: Namespaced
          names: { kind: Widget, plural: widgets, singular: widget, listKind: WidgetList }
          versions:
          - name: v1
            served: true
            storage: true
            subresources: { status: {} }
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    required: [size]
                    properties:
                      size: { type: integer, minimum: 1, maximum: 10 }
                      color: { type: string, enum: [red, green, blue], default: red }
                      bucket:
                        type: string
                        x-kubernetes-validations:
                        - rule: self == oldSelf
                          message: bucket is immutable
                      tags:
                        type: array
                        maxItems: 3
                        items: { type: string, pattern: '^[a-z]+$' }
                      options:
                        type: object
                        properties:
                          retries: { type: integer, default: 3 }
                  status:
                    type: object
                    properties:
                      phase: { type: string }
                      observedGeneration: { type: integer, format: int64 }
        """;

    /// <summary>A minimal valid Job named <paramref name="name"/>: one busybox container, restartPolicy Never.</summary>
    public static V1Job Job(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1JobSpec
        {
            Template = new V1PodTemplateSpec
            {
                Spec = new V1PodSpec { RestartPolicy = "Never", Containers = [new V1Container { Name = "main", Image = "busybox" }] },
            },
        },
    };

    public static Task<FakeApiServer> StartAsync() =>
        FakeApiServer.StartAsync(new FakeApiServerOptions { LoadRepositoryCrds = false, CrdYaml = [Crd] });

    public static JsonObject New(string name, int size = 1, IReadOnlyDictionary<string, string>? labels = null)
    {
        var metadata = new JsonObject { ["name"] = name, ["namespace"] = Namespace };
        if (labels is not null)
            metadata["labels"] = new JsonObject(labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value)));
        return new JsonObject
        {
            ["apiVersion"] = $"{Group}/{Version}",
            ["kind"] = "Widget",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject { ["size"] = size },
        };
    }

    public static Task<JsonObject> CreateAsync(this IKubernetes client, JsonObject widget) =>
        client.CustomObjects.CreateNamespacedCustomObjectAsync<JsonObject>(widget, Group, Version, Namespace, Plural);

    public static Task<JsonObject> GetWidgetAsync(this IKubernetes client, string name) =>
        client.CustomObjects.GetNamespacedCustomObjectAsync<JsonObject>(Group, Version, Namespace, Plural, name);

    public static Task<JsonObject> ReplaceAsync(this IKubernetes client, JsonObject widget) =>
        client.CustomObjects.ReplaceNamespacedCustomObjectAsync<JsonObject>(widget, Group, Version, Namespace, Plural, Name(widget));

    public static Task<JsonObject> ReplaceStatusAsync(this IKubernetes client, JsonObject widget) =>
        client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync<JsonObject>(widget, Group, Version, Namespace, Plural, Name(widget));

    public static Task<JsonObject> DeleteWidgetAsync(this IKubernetes client, string name) =>
        client.CustomObjects.DeleteNamespacedCustomObjectAsync<JsonObject>(Group, Version, Namespace, Plural, name);

    public static string Name(JsonNode obj) => obj["metadata"]!["name"]!.GetValue<string>();

    public static string ResourceVersion(JsonNode obj) => obj["metadata"]!["resourceVersion"]!.GetValue<string>();

    public static long Generation(JsonNode obj) => obj["metadata"]!["generation"]!.GetValue<long>();
}
