using System.Text.Json.Nodes;
using k8s.Models;

namespace Detector.Operator.Tests.Fakes.ApiServer;

/// <summary>Validates a custom resource against its CRD schema.</summary>
public static class SchemaValidation
{
    /// <summary>Field errors of <paramref name="obj"/>; <paramref name="old"/> is the stored object for transition rules.</summary>
    public static IReadOnlyList<FieldCause> Validate(V1JSONSchemaProps schema, JsonObject obj, JsonObject? old) => [];
}
