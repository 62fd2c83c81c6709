using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.Fakes.SageMaker;

public sealed partial class SageMakerBackend
{
    private readonly Dictionary<string, (string Arn, JsonObject Request, DateTimeOffset CreatedAt)> _models = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, EndpointConfig> _endpointConfigs = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every model name.</summary>
    public IReadOnlyList<string> ModelNames()
    {
        lock (_gate)
            return [.. _models.Keys];
    }

    /// <summary>Every endpoint config name.</summary>
    public IReadOnlyList<string> EndpointConfigNames()
    {
        lock (_gate)
            return [.. _endpointConfigs.Keys];
    }

    /// <summary>DescribeEndpointConfig's answer now, or null.</summary>
    public JsonObject? DescribeEndpointConfigOrNull(string name)
    {
        lock (_gate)
            return _endpointConfigs.TryGetValue(name, out var config) ? DescribeEndpointConfig(config) : null;
    }

    private void RegisterModels()
    {
        Register("CreateModel", body =>
        {
            lock (_gate)
            {
                var name = Text(body, "ModelName");
                var arn = Arn("model", name);
                if (_models.ContainsKey(name))
                    throw ServiceError.Validation($"Cannot create already existing model \"{arn}\".");
                if (OptionalText(body["ExecutionRoleArn"]) is { } role)
                    AssumeRole(role);
                if (body["PrimaryContainer"] is null && body["Containers"] is null)
                    throw ServiceError.Validation("Either PrimaryContainer or Containers must be specified.");
                foreach (var container in (body["Containers"] as JsonArray ?? []).Append(body["PrimaryContainer"]).OfType<JsonObject>())
                    if (OptionalText(container["ModelPackageName"]) is { } package && FindPackageOrNull(package) is { } found && found.Approval != "Approved")
                        throw ServiceError.Validation($"Model package {package} is not approved (ModelApprovalStatus {found.Approval}); only an approved version can be deployed.");
                _models[name] = (arn, (JsonObject)body.DeepClone(), Now);
                _tags[arn] = TagsOf(body);
                return new JsonObject { ["ModelArn"] = arn };
            }
        });
        Register("DescribeModel", body =>
        {
            lock (_gate)
            {
                var (arn, request, created) = FindModel(Text(body, "ModelName"));
                var result = Echo(request, "DescribeModelOutput");
                result["ModelArn"] = arn;
                result["CreationTime"] = Epoch(created);
                result["EnableNetworkIsolation"] ??= false;
                return result;
            }
        });
        Register("DeleteModel", body =>
        {
            lock (_gate)
            {
                var (arn, _, _) = FindModel(Text(body, "ModelName"));
                _models.Remove(Text(body, "ModelName"));
                _tags.Remove(arn);
                return [];
            }
        });
        Register("CreateEndpointConfig", body =>
        {
            lock (_gate)
            {
                var name = Text(body, "EndpointConfigName");
                var arn = Arn("endpoint-config", name);
                if (_endpointConfigs.ContainsKey(name))
                    throw ServiceError.Validation($"Cannot create already existing endpoint configuration \"{arn}\".");
                var variants = ((JsonArray)body["ProductionVariants"]!).Select(v => (JsonObject)v!).ToList();
                foreach (var variant in variants)
                    if (OptionalText(variant["ModelName"]) is { } model)
                        FindModel(model);
                // Without a model in the variant (an inference-component endpoint) the role comes from the config.
                if (variants.Any(v => v["ModelName"] is null) && body["ExecutionRoleArn"] is null)
                    throw ServiceError.Validation("ExecutionRoleArn is required when a production variant has no ModelName (inference component endpoints).");
                if (variants.Any(v => v["ModelName"] is null) && variants.Any(v => v["ModelName"] is not null))
                    throw ServiceError.Validation("Either every production variant names a model or none does (inference components).");
                if (OptionalText(body["ExecutionRoleArn"]) is { } role)
                    AssumeRole(role);
                _endpointConfigs[name] = new EndpointConfig(name, arn, (JsonObject)body.DeepClone(), Now, Options.EndpointConfigConsistencyFailures);
                _tags[arn] = TagsOf(body);
                return new JsonObject { ["EndpointConfigArn"] = arn };
            }
        });
        Register("DescribeEndpointConfig", body =>
        {
            lock (_gate)
            {
                return DescribeEndpointConfig(FindEndpointConfig(Text(body, "EndpointConfigName")));
            }
        });
        Register("DeleteEndpointConfig", body =>
        {
            lock (_gate)
            {
                var config = FindEndpointConfig(Text(body, "EndpointConfigName"));
                _endpointConfigs.Remove(config.Name);
                _tags.Remove(config.Arn);
                return [];
            }
        });
    }

    private JsonObject DescribeEndpointConfig(EndpointConfig config)
    {
        var result = Echo(config.Request, "DescribeEndpointConfigOutput");
        result["EndpointConfigArn"] = config.Arn;
        result["CreationTime"] = Epoch(config.CreatedAt);
        return result;
    }

    private (string Arn, JsonObject Request, DateTimeOffset CreatedAt) FindModel(string name) =>
        _models.TryGetValue(name, out var model) ? model : throw ServiceError.Validation($"Could not find model \"{Arn("model", name)}\".");

    private EndpointConfig FindEndpointConfig(string name) => _endpointConfigs.TryGetValue(name, out var config)
        ? config
        : throw ServiceError.Validation($"Could not find endpoint configuration \"{Arn("endpoint-config", name)}\".");

    private sealed class EndpointConfig(string name, string arn, JsonObject request, DateTimeOffset createdAt, int invisibleFor)
    {
        public string Name { get; } = name;
        public string Arn { get; } = arn;
        public JsonObject Request { get; } = request;
        public DateTimeOffset CreatedAt { get; } = createdAt;

        /// <summary>CreateEndpoint calls that still miss it (eventual consistency).</summary>
        public int InvisibleFor { get; set; } = invisibleFor;

        public List<JsonObject> Variants => [.. ((JsonArray)Request["ProductionVariants"]!).Select(v => (JsonObject)v!)];
    }
}
