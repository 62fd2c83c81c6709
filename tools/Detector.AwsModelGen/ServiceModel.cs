using System.Text.Json.Nodes;

namespace Detector.AwsModelGen;

/// <summary>
/// One AWS API model (botocore's JSON form) as the generator reads it: the shapes reachable from the listed
/// operations, and the C# name of each (an operation's input and output are <c>&lt;Operation&gt;Request</c> and
/// <c>&lt;Operation&gt;Response</c>, as in the AWS SDK for .NET; every other shape keeps the model's name).
/// </summary>
public sealed class ServiceModel
{
    private readonly JsonObject shapes;
    private readonly Dictionary<string, string> renamed = new(StringComparer.Ordinal);
    private readonly IReadOnlySet<string> omitted;
    private readonly HashSet<string> omittedSeen = new(StringComparer.Ordinal);

    /// <summary>Reads the model's operations and shapes; the listed operations must exist.</summary>
    /// <param name="fileName">The model file name, for messages.</param>
    /// <param name="model">The model JSON.</param>
    /// <param name="operations">The listed operations of this model.</param>
    /// <param name="omitted">Members left out, as <c>Type.Member</c> with the C# type name.</param>
    public ServiceModel(string fileName, JsonNode model, IEnumerable<string> operations, IReadOnlySet<string> omitted)
    {
        FileName = fileName;
        this.omitted = omitted;
        shapes = model["shapes"] as JsonObject ?? throw new GeneratorException($"{fileName}: no 'shapes' object");
        ServiceId = (string?)model["metadata"]?["serviceId"] ?? throw new GeneratorException($"{fileName}: no metadata.serviceId");
        var all = model["operations"] as JsonObject ?? throw new GeneratorException($"{fileName}: no 'operations' object");
        foreach (var name in operations)
        {
            var op = all[name] ?? throw new GeneratorException($"{fileName}: the model has no operation '{name}'");
            var input = (string?)op["input"]?["shape"];
            var output = (string?)op["output"]?["shape"];
            Operations[name] = (op, input, output);
            foreach (var (shape, type) in new[] { (input, name + "Request"), (output, name + "Response") })
            {
                if (shape is not null && !renamed.TryAdd(shape, type))
                    throw new GeneratorException($"{fileName}: shape '{shape}' is the input or output of two listed operations");
            }
        }
    }

    /// <summary>The model file name, e.g. <c>sagemaker-2017-07-24.json</c>.</summary>
    public string FileName { get; }

    /// <summary>The service id, e.g. <c>SageMaker</c> or <c>CloudWatch Logs</c>.</summary>
    public string ServiceId { get; }

    /// <summary>The listed operations: their model node and input/output shape names (null when absent).</summary>
    public Dictionary<string, (JsonNode Node, string? Input, string? Output)> Operations { get; } = new(StringComparer.Ordinal);

    /// <summary>The shape named <paramref name="name"/>.</summary>
    public JsonNode Shape(string name) =>
        shapes[name] ?? throw new GeneratorException($"{FileName}: shape '{name}' is referenced but not defined");

    /// <summary>The model's type of a shape (<c>structure</c>, <c>string</c>, <c>list</c>…).</summary>
    public string Kind(string name) => (string?)Shape(name)["type"] ?? throw new GeneratorException($"{FileName}: shape '{name}' has no type");

    /// <summary>True when the shape is an operation's input or output (written with the operation, not in a shapes file).</summary>
    public bool IsOperationShape(string name) => renamed.ContainsKey(name);

    /// <summary>The C# type name of a structure or enum shape.</summary>
    public string TypeName(string name) => renamed.TryGetValue(name, out var type) ? type : name;

    /// <summary>The enum values of a string shape, or null.</summary>
    public IReadOnlyList<string>? EnumValues(string name) =>
        Shape(name)["enum"] is JsonArray values ? values.Select(v => (string)v!).ToList() : null;

    /// <summary>Members of a structure in model order, with the required flag; omitted members are left out.</summary>
    public IEnumerable<(string Name, JsonNode Member, bool Required)> Members(string structure)
    {
        var shape = Shape(structure);
        var required = (shape["required"] as JsonArray)?.Select(r => (string)r!).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var (name, member) in shape["members"] as JsonObject ?? [])
        {
            var key = $"{TypeName(structure)}.{Summaries.PropertyName(name)}";
            if (omitted.Contains(key))
            {
                if (required.Contains(name))
                    throw new GeneratorException($"{FileName}: {key} is required by the model and cannot be omitted");
                omittedSeen.Add(key);
                continue;
            }

            yield return (name, member!, required.Contains(name));
        }
    }

    /// <summary>Fails on an omitted member that no generated record has (a typo, or a member the model dropped).</summary>
    public void CheckOmissionsUsed()
    {
        if (omitted.Except(omittedSeen).Order(StringComparer.Ordinal).FirstOrDefault() is { } unused)
            throw new GeneratorException($"aws-operations.txt: omit {unused}: no generated record from {FileName} has that member");
    }

    /// <summary>The structures and enums reachable from a shape through members, list members and map keys/values.</summary>
    public void Walk(string name, ISet<string> structures, ISet<string> enums)
    {
        switch (Kind(name))
        {
            case "structure":
                if (!structures.Add(name))
                    return;
                foreach (var (_, member, _) in Members(name))
                    Walk(Target(member), structures, enums);
                break;
            case "list":
                Walk(Target(Shape(name)["member"]), structures, enums);
                break;
            case "map":
                Walk(Target(Shape(name)["key"]), structures, enums);
                Walk(Target(Shape(name)["value"]), structures, enums);
                break;
            case "string" when EnumValues(name) is not null:
                enums.Add(name);
                break;
        }
    }

    /// <summary>The shape a member, list member or map key/value refers to.</summary>
    public string Target(JsonNode? reference) =>
        (string?)reference?["shape"] ?? throw new GeneratorException($"{FileName}: a member has no 'shape'");
}
