using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Detector.Operator.Aws;
using Detector.Testing;

namespace Detector.Operator.Tests.Monitoring;

/// <summary>The monitoring clients' records match their shapes in the AWS models member by member (wire names, required, types).</summary>
public class MonitoringModelConformanceTests
{
    public static TheoryData<string, Type> Interfaces => new()
    {
        { "logs-2014-03-28.json", typeof(ICloudWatchLogs) },
        { "monitoring-2010-08-01.json", typeof(ICloudWatch) },
        { "sagemaker-metrics-2022-09-30.json", typeof(ISageMakerMetrics) },
    };

    [SkippableTheory]
    [MemberData(nameof(Interfaces))]
    public void Records_ReachableFromTheInterface_MatchTheModelShapes(string modelFile, Type client)
    {
        var model = JsonNode.Parse(File.ReadAllText(SharedData.RequireFile("aws-models/" + modelFile)))!;
        var problems = new List<string>();
        var seen = new HashSet<Type>();
        foreach (var method in client.GetMethods())
        {
            var op = model["operations"]![method.Name[..^"Async".Length]] ?? throw new InvalidOperationException($"No operation {method.Name}");
            Check(model, method.GetParameters()[0].ParameterType, (string)op["input"]!["shape"]!, problems, seen);
            Check(model, method.ReturnType.GetGenericArguments()[0], (string)op["output"]!["shape"]!, problems, seen);
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.True(seen.Count >= 3, $"only {seen.Count} records checked");
    }

    [SkippableFact]
    public void ValueClasses_ConstantsAreValuesOfTheirModelEnum()
    {
        var cases = new (string File, string Shape, Type Type)[]
        {
            ("logs-2014-03-28.json", "OrderBy", typeof(LogStreamOrder)),
            ("monitoring-2010-08-01.json", "ScanBy", typeof(MetricScanBy)),
            ("sagemaker-metrics-2022-09-30.json", "MetricStatistic", typeof(MetricStatistic)),
            ("sagemaker-metrics-2022-09-30.json", "Period", typeof(MetricPeriod)),
            ("sagemaker-metrics-2022-09-30.json", "XAxisType", typeof(XAxisType)),
        };
        foreach (var (file, shape, type) in cases)
        {
            var values = JsonNode.Parse(File.ReadAllText(SharedData.RequireFile("aws-models/" + file)))!["shapes"]![shape]!["enum"]!.AsArray().Select(v => (string)v!);
            var constants = type.GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
            Assert.Equal(values.Order(StringComparer.Ordinal), constants.Order(StringComparer.Ordinal));
        }
    }

    private static void Check(JsonNode model, Type type, string shapeName, List<string> problems, HashSet<Type> seen)
    {
        if (!seen.Add(type))
            return;
        var shape = model["shapes"]![shapeName]!;
        var members = shape["members"]!.AsObject();
        var required = (shape["required"]?.AsArray().Select(r => (string)r!) ?? []).ToHashSet();
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract")
            .ToDictionary(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name);
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
            "string" => typeof(string), "integer" => typeof(int), "long" => typeof(long), "float" or "double" => typeof(double),
            "boolean" => typeof(bool), "timestamp" => typeof(DateTimeOffset), _ => null,
        };
        if (expected is not null)
        {
            if (type != expected)
                problems.Add($"{where}: {type.Name} for model type {kind}");
            return;
        }
        if (kind == "list" && type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            CheckType(model, where + "[]", type.GetGenericArguments()[0], (string)shape["member"]!["shape"]!, problems, seen);
        else if (kind == "structure" && type.Namespace == typeof(ICloudWatch).Namespace)
            Check(model, type, shapeName, problems, seen);
        else
            problems.Add($"{where}: {type.Name} for model {kind} shape {shapeName}");
    }
}
