using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.Fakes.SageMaker;

public sealed partial class SageMakerBackend
{
    private readonly Dictionary<string, Endpoint> _endpoints = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _endpointUpdateFailures = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every endpoint name (Deleting ones included until they are gone).</summary>
    public IReadOnlyList<string> EndpointNames()
    {
        lock (_gate)
        {
            RefreshHosting();
            return [.. _endpoints.Keys];
        }
    }

    /// <summary>DescribeEndpoint's answer now, or null.</summary>
    public JsonObject? DescribeEndpointOrNull(string name)
    {
        lock (_gate)
        {
            RefreshHosting();
            return _endpoints.TryGetValue(name, out var endpoint) ? DescribeEndpoint(endpoint) : null;
        }
    }

    /// <summary>The next UpdateEndpoint of this endpoint fails after Updating (the endpoint stays on its old config).</summary>
    public void FailNextEndpointUpdate(string endpointName, string reason)
    {
        lock (_gate)
            _endpointUpdateFailures[endpointName] = reason;
    }

    /// <summary>Removes an endpoint at once, as if someone deleted it out of band and the deletion finished.</summary>
    public void DeleteEndpointOutOfBand(string endpointName)
    {
        lock (_gate)
        {
            // The endpoint's instances go, and with them the inference components hosted on them.
            _endpoints.Remove(endpointName);
            foreach (var component in _components.Values.Where(c => c.EndpointName == endpointName).ToList())
                _components.Remove(component.Name);
        }
    }

    /// <summary>
    /// Copies the endpoint's config under a new name and moves the endpoint onto it at once: an out-of-band
    /// CreateEndpointConfig and UpdateEndpoint that finished. The endpoint must be InService, as for UpdateEndpoint.
    /// </summary>
    public void UpdateEndpointOutOfBand(string endpointName, string newConfigName)
    {
        lock (_gate)
        {
            RefreshHosting();
            var endpoint = FindEndpoint(endpointName);
            if (EndpointStatus(endpoint) != "InService")
                throw ServiceError.Validation($"Cannot update in-progress endpoint \"{endpoint.Arn}\".");
            var current = FindEndpointConfig(endpoint.ConfigName);
            if (_endpointConfigs.ContainsKey(newConfigName))
                throw ServiceError.Validation($"Cannot create already existing endpoint configuration \"{Arn("endpoint-config", newConfigName)}\".");
            var request = (JsonObject)current.Request.DeepClone();
            request["EndpointConfigName"] = newConfigName;
            var copy = new EndpointConfig(newConfigName, Arn("endpoint-config", newConfigName), request, Now, invisibleFor: 0);
            _endpointConfigs[newConfigName] = copy;
            _tags[copy.Arn] = [];
            (endpoint.ConfigName, endpoint.LastModified, endpoint.FailureReason) = (newConfigName, Now, null);
        }
    }

    private void RegisterEndpoints()
    {
        Register("CreateEndpoint", body =>
        {
            lock (_gate)
            {
                RefreshHosting();
                var name = Text(body, "EndpointName");
                var arn = Arn("endpoint", name);
                if (_endpoints.ContainsKey(name))
                    throw ServiceError.Validation($"Cannot create already existing endpoint \"{arn}\".");
                var config = VisibleEndpointConfig(Text(body, "EndpointConfigName"));
                _endpoints[name] = new Endpoint(name, arn, config.Name, (JsonObject)body.DeepClone(), Now);
                _tags[arn] = TagsOf(body);
                return new JsonObject { ["EndpointArn"] = arn };
            }
        });
        Register("DescribeEndpoint", body =>
        {
            lock (_gate)
            {
                RefreshHosting();
                return DescribeEndpoint(FindEndpoint(Text(body, "EndpointName")));
            }
        });
        Register("UpdateEndpoint", body =>
        {
            lock (_gate)
            {
                RefreshHosting();
                var endpoint = FindEndpoint(Text(body, "EndpointName"));
                if (EndpointStatus(endpoint) != "InService")
                    throw ServiceError.Validation($"Cannot update in-progress endpoint \"{endpoint.Arn}\".");
                var config = VisibleEndpointConfig(Text(body, "EndpointConfigName"));
                endpoint.Pending = (config.Name, Now, _endpointUpdateFailures.Remove(endpoint.Name, out var failure) ? failure : null);
                if (body["DeploymentConfig"] is { } deployment)
                    endpoint.Request["DeploymentConfig"] = deployment.DeepClone();
                endpoint.LastModified = Now;
                return new JsonObject { ["EndpointArn"] = endpoint.Arn };
            }
        });
        Register("DeleteEndpoint", body =>
        {
            lock (_gate)
            {
                RefreshHosting();
                var endpoint = FindEndpoint(Text(body, "EndpointName"));
                endpoint.DeletingSince ??= Now;
                endpoint.LastModified = Now;
                foreach (var component in _components.Values.Where(c => string.Equals(c.EndpointName, endpoint.Name, StringComparison.OrdinalIgnoreCase)))
                    component.DeletingSince ??= Now;
                return [];
            }
        });
    }

    private EndpointConfig VisibleEndpointConfig(string name)
    {
        var config = FindEndpointConfig(name);
        if (config.InvisibleFor > 0)
        {
            config.InvisibleFor--;
            throw ServiceError.Validation($"Could not find endpoint configuration \"{config.Arn}\".");
        }
        return config;
    }

    private Endpoint FindEndpoint(string name) =>
        _endpoints.TryGetValue(name, out var endpoint) ? endpoint : throw ServiceError.Validation($"Could not find endpoint \"{Arn("endpoint", name)}\".");

    // Applies what the clock says has happened: finished updates (or their failures) and finished deletions.
    private void RefreshHosting()
    {
        foreach (var endpoint in _endpoints.Values.ToList())
        {
            if (endpoint.DeletingSince is { } deleting && Now >= deleting + Options.Hosting.EndpointDeleting)
            {
                _endpoints.Remove(endpoint.Name);
                _tags.Remove(endpoint.Arn);
                continue;
            }
            if (endpoint.Pending is { } pending && Now >= pending.Since + Options.Hosting.EndpointUpdating)
            {
                if (pending.Failure is null)
                    // A new config deploys its own InitialInstanceCount (RetainAllVariantProperties is not modelled).
                    (endpoint.ConfigName, endpoint.FailureReason, endpoint.InstanceCount) = (pending.Config, null, null);
                else
                    endpoint.FailureReason = pending.Failure;
                endpoint.Pending = null;
                endpoint.LastModified = pending.Since + Options.Hosting.EndpointUpdating;
            }
        }
        RefreshCapacity();
        RefreshComponents();
    }

    private string EndpointStatus(Endpoint endpoint) =>
        endpoint.DeletingSince is not null ? "Deleting"
        : Now < endpoint.CreatedAt + Options.Hosting.EndpointCreating ? "Creating"
        : endpoint.Pending is not null || endpoint.PendingCapacity is not null ? "Updating"
        : "InService";

    private JsonObject DescribeEndpoint(Endpoint endpoint)
    {
        var status = EndpointStatus(endpoint);
        var result = new JsonObject
        {
            ["EndpointName"] = endpoint.Name,
            ["EndpointArn"] = endpoint.Arn,
            ["EndpointConfigName"] = endpoint.ConfigName,
            ["EndpointStatus"] = status,
            ["CreationTime"] = Epoch(endpoint.CreatedAt),
            ["LastModifiedTime"] = Epoch(status == "InService" && endpoint.LastModified < endpoint.CreatedAt + Options.Hosting.EndpointCreating
                ? endpoint.CreatedAt + Options.Hosting.EndpointCreating : endpoint.LastModified),
        };
        if (endpoint.FailureReason is { } reason)
            result["FailureReason"] = reason;
        if (_endpointConfigs.TryGetValue(endpoint.ConfigName, out var config))
        {
            result["ProductionVariants"] = new JsonArray([.. config.Variants.Select(v => (JsonNode)VariantSummary(v, status, endpoint))]);
            if (config.Request["DataCaptureConfig"] is JsonObject capture)
                result["DataCaptureConfig"] = new JsonObject
                {
                    ["EnableCapture"] = capture["EnableCapture"]?.GetValue<bool>() ?? true,
                    ["CaptureStatus"] = capture["EnableCapture"]?.GetValue<bool>() == false ? "Stopped" : "Started",
                    ["CurrentSamplingPercentage"] = capture["InitialSamplingPercentage"]!.GetValue<int>(),
                    ["DestinationS3Uri"] = capture["DestinationS3Uri"]!.GetValue<string>(),
                    // Required in the summary; SageMaker reports its default key when none was given (the fake: empty).
                    ["KmsKeyId"] = OptionalText(capture["KmsKeyId"]) ?? "",
                };
        }
        if (endpoint.Request["DeploymentConfig"] is { } deployment)
            result["LastDeploymentConfig"] = deployment.DeepClone();
        return result;
    }

    private JsonObject VariantSummary(JsonObject variant, string endpointStatus, Endpoint endpoint)
    {
        var count = endpoint.InstanceCount ?? variant["InitialInstanceCount"]?.GetValue<int>();
        var weight = variant["InitialVariantWeight"]?.GetValue<double>() ?? 1.0;
        var summary = new JsonObject { ["VariantName"] = variant["VariantName"]!.GetValue<string>(), ["CurrentWeight"] = weight, ["DesiredWeight"] = weight };
        if (count is { } n)
            (summary["CurrentInstanceCount"], summary["DesiredInstanceCount"]) = (endpointStatus == "Creating" ? 0 : n, endpoint.PendingCapacity?.Count ?? n);
        if (OptionalText(variant["ModelName"]) is { } model && _models.TryGetValue(model, out var m)
            && OptionalText(m.Request["PrimaryContainer"]?["Image"]) is { } image)
            summary["DeployedImages"] = new JsonArray(new JsonObject { ["SpecifiedImage"] = image, ["ResolvedImage"] = image });
        foreach (var member in new[] { "ManagedInstanceScaling", "RoutingConfig" })
            if (variant[member] is { } value)
                summary[member] = value.DeepClone();
        return summary;
    }

    private sealed class Endpoint(string name, string arn, string configName, JsonObject request, DateTimeOffset createdAt)
    {
        public string Name { get; } = name;
        public string Arn { get; } = arn;
        public string ConfigName { get; set; } = configName;
        public JsonObject Request { get; } = request;
        public DateTimeOffset CreatedAt { get; } = createdAt;
        public DateTimeOffset LastModified { get; set; } = createdAt;
        public (string Config, DateTimeOffset Since, string? Failure)? Pending { get; set; }
        public DateTimeOffset? DeletingSince { get; set; }
        public string? FailureReason { get; set; }
        /// <summary>The variant's instance count after UpdateEndpointWeightsAndCapacities; null: the config's InitialInstanceCount.</summary>
        public int? InstanceCount { get; set; }
        /// <summary>An UpdateEndpointWeightsAndCapacities in progress.</summary>
        public (int Count, DateTimeOffset Since)? PendingCapacity { get; set; }
    }
}
