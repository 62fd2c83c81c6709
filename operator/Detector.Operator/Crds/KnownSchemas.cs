using k8s.Models;

namespace Detector.Operator.Crds;

/// <summary>
/// Hand-written schemas for Kubernetes types that reflection cannot describe faithfully: metav1.Condition and
/// core/v1 ResourceRequirements (quantities are int-or-string).
/// </summary>
public static class KnownSchemas
{
    /// <summary>A list of metav1.Condition, keyed by type, as the Kubernetes API conventions define it.</summary>
    public static V1JSONSchemaProps Conditions(string? description) => new()
    {
        Type = "array",
        Description = description,
        MaxItems = 16,
        XKubernetesListType = "map",
        XKubernetesListMapKeys = ["type"],
        Items = new V1JSONSchemaProps
        {
            Type = "object",
            Description = "One aspect of the object's state (metav1.Condition).",
            Required = ["type", "status", "lastTransitionTime", "reason", "message"],
            Properties = Sorted(new()
            {
                ["type"] = new() { Type = "string", MaxLength = 316, Description = "Type of the condition, e.g. Ready.",
                    Pattern = @"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$" },
                ["status"] = new() { Type = "string", EnumProperty = ["True", "False", "Unknown"], Description = "True, False or Unknown." },
                ["observedGeneration"] = new() { Type = "integer", Format = "int64", Minimum = 0, Description = "The generation the condition was set for." },
                ["lastTransitionTime"] = new() { Type = "string", Format = "date-time", Description = "When the status last changed." },
                ["reason"] = new() { Type = "string", MinLength = 1, MaxLength = 1024, Description = "CamelCase reason for the last transition.",
                    Pattern = "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$" },
                ["message"] = new() { Type = "string", MaxLength = 32768, Description = "Human-readable details." },
            }),
        },
    };

    /// <summary>core/v1 ResourceRequirements: limits and requests of CPU, memory and other resources.</summary>
    public static V1JSONSchemaProps ResourceRequirements(string? description) => new()
    {
        Type = "object",
        Description = description,
        Properties = Sorted(new()
        {
            ["limits"] = QuantityMap("Most of each resource a container may use."),
            ["requests"] = QuantityMap("Resources a container is guaranteed; the scheduler places pods by them."),
            ["claims"] = new()
            {
                Type = "array",
                Description = "Dynamic resource claims the container uses.",
                MaxItems = 16,
                XKubernetesListType = "map",
                XKubernetesListMapKeys = ["name"],
                Items = new V1JSONSchemaProps
                {
                    Type = "object",
                    Description = "A resource claim of the pod.",
                    Required = ["name"],
                    Properties = Sorted(new()
                    {
                        ["name"] = new() { Type = "string", MaxLength = 253, Description = "Name of a resource claim of the pod." },
                        ["request"] = new() { Type = "string", MaxLength = 253, Description = "Name of a request within the claim." },
                    }),
                },
            },
        }),
    };

    /// <summary>Sorts properties by name so the YAML is stable whatever the declaration order.</summary>
    public static IDictionary<string, V1JSONSchemaProps> Sorted(Dictionary<string, V1JSONSchemaProps> properties) =>
        new SortedDictionary<string, V1JSONSchemaProps>(properties, StringComparer.Ordinal);

    private static V1JSONSchemaProps QuantityMap(string description) => new()
    {
        Type = "object",
        Description = description,
        MaxProperties = 32,
        AdditionalProperties = new V1JSONSchemaProps
        {
            XKubernetesIntOrString = true,
            AnyOf = [new V1JSONSchemaProps { Type = "integer" }, new V1JSONSchemaProps { Type = "string" }],
            Pattern = @"^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$",
        },
    };
}
