using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Detector.Operator.Aws;
using Detector.Testing;

namespace Detector.Operator.Tests.Aws;

/// <summary>Every record reachable from <see cref="ISageMaker"/> matches its shape in the AWS model, member by member.</summary>
public class ModelConformanceTests
{
    [SkippableFact]
    public void Records_ReachableFromTheInterface_MatchTheModelShapes()
    {
        var model = JsonNode.Parse(File.ReadAllText(SharedData.SageMakerModel))!;
        var problems = new List<string>();
        var seen = new HashSet<Type>();
        foreach (var method in typeof(ISageMaker).GetMethods())
        {
            var operation = method.Name[..^"Async".Length];
            var op = model["operations"]![operation] ?? throw new InvalidOperationException($"No operation {operation} in the model");
            Check(model, method.GetParameters()[0].ParameterType, (string)op["input"]!["shape"]!, problems, seen);
            var response = method.ReturnType.GetGenericArguments()[0];
            if (op["output"] is { } output)
                Check(model, response, (string)output["shape"]!, problems, seen);
            else if (response.GetProperties().Length > 0)
                problems.Add($"{response.Name}: the operation has no output but the record has members");
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.True(seen.Count > 50, $"only {seen.Count} records checked");
    }

    [SkippableFact]
    public void ValueClasses_ConstantsAreValuesOfTheirModelEnum()
    {
        var shapes = JsonNode.Parse(File.ReadAllText(SharedData.SageMakerModel))!["shapes"]!;
        var classes = typeof(ISageMaker).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ISageMaker).Namespace && t.IsAbstract && t.IsSealed && shapes[t.Name]?["enum"] is not null)
            .ToList();
        foreach (var type in classes)
        {
            var values = shapes[type.Name]!["enum"]!.AsArray().Select(v => (string)v!).ToHashSet();
            var constants = type.GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
            Assert.Equal(values.Order(StringComparer.Ordinal), constants.Order(StringComparer.Ordinal));
        }

        Assert.Contains(classes, t => t == typeof(TrainingJobStatus));
    }

    private static void Check(JsonNode model, Type type, string shapeName, List<string> problems, HashSet<Type> seen)
    {
        if (!seen.Add(type))
            return;
        var shape = model["shapes"]![shapeName]!;
        var members = shape["members"]!.AsObject();
        var required = (shape["required"]?.AsArray().Select(r => (string)r!) ?? []).ToHashSet();
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != "EqualityContract").ToDictionary(p => p.Name);
        foreach (var name in members.Select(m => m.Key).Except(properties.Keys))
            problems.Add($"{type.Name}: missing member {name} of shape {shapeName}");
        foreach (var name in properties.Keys.Except(members.Select(m => m.Key)))
            problems.Add($"{type.Name}: property {name} is not a member of shape {shapeName}");
        foreach (var (name, member) in members)
        {
            if (!properties.TryGetValue(name, out var property))
                continue;
            var isRequired = property.GetCustomAttribute<RequiredMemberAttribute>() is not null;
            if (isRequired != required.Contains(name))
                problems.Add($"{type.Name}.{name}: required is {isRequired} in C#, {required.Contains(name)} in the model");
            CheckType(model, $"{type.Name}.{name}", property.PropertyType, (string)member!["shape"]!, problems, seen);
        }
    }

    private static void CheckType(JsonNode model, string where, Type type, string shapeName, List<string> problems, HashSet<Type> seen)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var shape = model["shapes"]![shapeName]!;
        var kind = (string)shape["type"]!;
        Type? expected = kind switch
        {
            "string" => typeof(string),
            "integer" => typeof(int),
            "long" => typeof(long),
            "float" or "double" => typeof(double),
            "boolean" => typeof(bool),
            "timestamp" => typeof(DateTimeOffset),
            "blob" => typeof(byte[]),
            _ => null,
        };
        if (expected is not null)
        {
            if (type != expected)
                problems.Add($"{where}: {type.Name} for model type {kind}");
            return;
        }
        switch (kind)
        {
            case "list" when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>):
                CheckType(model, where + "[]", type.GetGenericArguments()[0], (string)shape["member"]!["shape"]!, problems, seen);
                break;
            case "map" when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>):
                CheckType(model, where + "{key}", type.GetGenericArguments()[0], (string)shape["key"]!["shape"]!, problems, seen);
                CheckType(model, where + "{}", type.GetGenericArguments()[1], (string)shape["value"]!["shape"]!, problems, seen);
                break;
            case "structure" when type.IsClass && type.Namespace == typeof(ISageMaker).Namespace:
                Check(model, type, shapeName, problems, seen);
                break;
            default:
                problems.Add($"{where}: {type.Name} for model {kind} shape {shapeName}");
                break;
        }
    }
}
