using System.Collections.Concurrent;
using System.Text.Json;

namespace Detector.Operator.Tests.Fakes.SageMaker;

/// <summary>
/// An AWS API model (the botocore <c>service-2.json</c> format in ../shared/aws-models) read into shapes and
/// operations, so the fake validates any operation generically instead of knowing request types.
/// </summary>
public sealed class ServiceModel
{
    private static readonly ConcurrentDictionary<string, Lazy<ServiceModel>> s_cache = new();

    private ServiceModel(string targetPrefix, string signingName, IReadOnlyDictionary<string, Shape> shapes,
        IReadOnlyDictionary<string, Operation> operations)
    {
        TargetPrefix = targetPrefix;
        SigningName = signingName;
        Shapes = shapes;
        Operations = operations;
    }

    /// <summary>The JSON 1.1 target prefix (<c>SageMaker</c>); empty for REST services.</summary>
    public string TargetPrefix { get; }

    /// <summary>The SigV4 service name (<c>sagemaker</c>).</summary>
    public string SigningName { get; }

    /// <summary>Every shape by name.</summary>
    public IReadOnlyDictionary<string, Shape> Shapes { get; }

    /// <summary>Every operation by name.</summary>
    public IReadOnlyDictionary<string, Operation> Operations { get; }

    /// <summary>Loads (once per process) the model at <paramref name="path"/>.</summary>
    public static ServiceModel Load(string path) =>
        s_cache.GetOrAdd(Path.GetFullPath(path), p => new Lazy<ServiceModel>(() => Parse(File.ReadAllBytes(p)))).Value;

    /// <summary>The shape by name; a model that names a missing shape is broken, so that throws.</summary>
    public Shape Shape(string name) =>
        Shapes.TryGetValue(name, out var shape) ? shape : throw new InvalidOperationException($"The model has no shape {name}");

    private static ServiceModel Parse(byte[] json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var metadata = root.GetProperty("metadata");
        var shapes = new Dictionary<string, Shape>(StringComparer.Ordinal);
        foreach (var shape in root.GetProperty("shapes").EnumerateObject())
            shapes[shape.Name] = ParseShape(shape.Name, shape.Value);
        var operations = new Dictionary<string, Operation>(StringComparer.Ordinal);
        foreach (var op in root.GetProperty("operations").EnumerateObject())
        {
            var http = op.Value.TryGetProperty("http", out var h) ? h : default;
            operations[op.Name] = new Operation(
                op.Name,
                ShapeRef(op.Value, "input"),
                ShapeRef(op.Value, "output"),
                http.ValueKind == JsonValueKind.Object ? http.GetProperty("method").GetString()! : "POST",
                http.ValueKind == JsonValueKind.Object ? http.GetProperty("requestUri").GetString()! : "/",
                op.Value.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateArray().Select(e => e.GetProperty("shape").GetString()!)] : []);
        }
        return new ServiceModel(
            metadata.TryGetProperty("targetPrefix", out var prefix) ? prefix.GetString()! : "",
            // CloudWatch and CloudWatch Logs name no signingName: botocore then signs with the endpoint prefix.
            (metadata.TryGetProperty("signingName", out var signing) ? signing : metadata.GetProperty("endpointPrefix")).GetString()!,
            shapes, operations);
    }

    private static string? ShapeRef(JsonElement element, string property) =>
        element.TryGetProperty(property, out var r) ? r.GetProperty("shape").GetString() : null;

    private static Shape ParseShape(string name, JsonElement e)
    {
        var members = new List<Member>();
        if (e.TryGetProperty("members", out var m))
            foreach (var member in m.EnumerateObject())
                members.Add(new Member(
                    member.Name,
                    member.Value.GetProperty("shape").GetString()!,
                    member.Value.TryGetProperty("location", out var loc) ? loc.GetString() : null,
                    member.Value.TryGetProperty("locationName", out var locName) ? locName.GetString() : null,
                    Flag(member.Value, "jsonvalue"),
                    Flag(member.Value, "idempotencyToken")));
        return new Shape(
            name,
            e.GetProperty("type").GetString()!,
            members,
            e.TryGetProperty("required", out var req) ? [.. req.EnumerateArray().Select(r => r.GetString()!)] : [],
            e.TryGetProperty("member", out var listMember) ? listMember.GetProperty("shape").GetString() : null,
            e.TryGetProperty("key", out var key) ? key.GetProperty("shape").GetString() : null,
            e.TryGetProperty("value", out var value) ? value.GetProperty("shape").GetString() : null,
            e.TryGetProperty("min", out var min) ? min.GetDecimal() : null,
            e.TryGetProperty("max", out var max) ? max.GetDecimal() : null,
            e.TryGetProperty("pattern", out var pattern) ? pattern.GetString() : null,
            e.TryGetProperty("enum", out var en) ? [.. en.EnumerateArray().Select(x => x.GetString()!)] : null,
            Flag(e, "union"),
            Flag(e, "sensitive"),
            Flag(e, "exception"),
            e.TryGetProperty("payload", out var payload) ? payload.GetString() : null);
    }

    private static bool Flag(JsonElement e, string name) => e.TryGetProperty(name, out var f) && f.ValueKind == JsonValueKind.True;
}

/// <summary>One shape of the model: its type and the constraints the service enforces.</summary>
/// <param name="Name">Shape name, e.g. <c>TrainingJobName</c>.</param>
/// <param name="Type">structure, list, map, string, integer, long, float, double, boolean, timestamp or blob.</param>
/// <param name="Members">Structure members in model order.</param>
/// <param name="Required">Required member names.</param>
/// <param name="ListMember">Element shape of a list.</param>
/// <param name="MapKey">Key shape of a map.</param>
/// <param name="MapValue">Value shape of a map.</param>
/// <param name="Min">Minimum length (string, list, map) or value (numbers).</param>
/// <param name="Max">Maximum length or value.</param>
/// <param name="Pattern">Java regular expression a string must match in full.</param>
/// <param name="Enum">Allowed string values.</param>
/// <param name="Union">Exactly one member must be set.</param>
/// <param name="Sensitive">Values are not echoed in error messages.</param>
/// <param name="IsException">An error shape.</param>
/// <param name="Payload">REST: the member that is the body.</param>
public sealed record Shape(string Name, string Type, IReadOnlyList<Member> Members, IReadOnlyList<string> Required,
    string? ListMember, string? MapKey, string? MapValue, decimal? Min, decimal? Max, string? Pattern,
    IReadOnlyList<string>? Enum, bool Union, bool Sensitive, bool IsException, string? Payload);

/// <summary>A structure member.</summary>
/// <param name="Name">Member name as sent on the wire.</param>
/// <param name="ShapeName">Its shape.</param>
/// <param name="Location">REST binding (uri, header, querystring), null for the JSON body.</param>
/// <param name="LocationName">REST binding name (header name, URI label).</param>
/// <param name="JsonValue">A string that must itself hold JSON.</param>
/// <param name="IdempotencyToken">SDKs fill it in when absent.</param>
public sealed record Member(string Name, string ShapeName, string? Location, string? LocationName, bool JsonValue, bool IdempotencyToken);

/// <summary>An operation of the model.</summary>
/// <param name="Name">e.g. <c>CreateTrainingJob</c>.</param>
/// <param name="Input">Input shape name (null: no input).</param>
/// <param name="Output">Output shape name (null: empty output).</param>
/// <param name="Method">HTTP method.</param>
/// <param name="RequestUri">HTTP path template.</param>
/// <param name="Errors">Modeled error shape names.</param>
public sealed record Operation(string Name, string? Input, string? Output, string Method, string RequestUri, IReadOnlyList<string> Errors);
