using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.Fakes.SageMaker;

public sealed partial class SageMakerBackend
{
    private readonly Dictionary<string, Component> _components = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _componentUpdateFailures = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every inference component name (Deleting ones included until they are gone).</summary>
    public IReadOnlyList<string> InferenceComponentNames()
    {
        lock (_gate)
        {
            RefreshHosting();
            return [.. _components.Keys];
        }
    }

    /// <summary>DescribeInferenceComponent's answer now, or null.</summary>
    public JsonObject? DescribeInferenceComponentOrNull(string name)
    {
        lock (_gate)
        {
            RefreshHosting();
            return _components.TryGetValue(name, out var component) ? DescribeComponent(component) : null;
        }
    }

    /// <summary>
    /// The next UpdateInferenceComponent of this component fails its rolling update: after Updating it is InService
    /// again on its previous specification (auto-rollback) with this FailureReason.
    /// </summary>
    public void FailNextInferenceComponentUpdate(string componentName, string reason)
    {
        lock (_gate)
            _componentUpdateFailures[componentName] = reason;
    }

    /// <summary>Removes an inference component at once, as if someone deleted it out of band and the deletion finished.</summary>
    public void DeleteInferenceComponentOutOfBand(string componentName)
    {
        lock (_gate)
        {
            RefreshHosting();
            var component = FindComponent(componentName);
            _components.Remove(component.Name);
            _tags.Remove(component.Arn);
        }
    }

    /// <summary>Sets the copy count at once, as a finished out-of-band UpdateInferenceComponentRuntimeConfig (same rules).</summary>
    public void SetInferenceComponentCopiesOutOfBand(string componentName, int copies)
    {
        lock (_gate)
        {
            RefreshHosting();
            var component = UpdatableComponent(componentName);
            (component.Copies, component.LastModified) = (copies, Now);
        }
    }

    private void RegisterInferenceComponents()
    {
        Register("CreateInferenceComponent", body =>
        {
            lock (_gate)
            {
                RefreshHosting();
                var name = Text(body, "InferenceComponentName");
                var arn = Arn("inference-component", name);
                if (_components.ContainsKey(name))
                    throw ServiceError.Validation($"Cannot create already existing inference component \"{arn}\".");
                var endpoint = FindEndpoint(Text(body, "EndpointName"));
                if (EndpointStatus(endpoint) != "InService")
                    throw ServiceError.Validation($"Endpoint \"{endpoint.Arn}\" is not InService (status {EndpointStatus(endpoint)}); inference components need an InService endpoint.");
                var variants = _endpointConfigs.TryGetValue(endpoint.ConfigName, out var config) ? config.Variants : [];
                if (variants.Any(v => v["ModelName"] is not null))
                    throw ServiceError.Validation($"Endpoint \"{endpoint.Arn}\" hosts a model in its production variants; inference components need a variant without ModelName.");
                var variant = OptionalText(body["VariantName"]) ?? variants.FirstOrDefault()?["VariantName"]?.GetValue<string>();
                if (variant is null || !variants.Any(v => v["VariantName"]!.GetValue<string>() == variant))
                    throw ServiceError.Validation($"Could not find production variant \"{variant}\" in endpoint \"{endpoint.Arn}\".");
                var specification = (JsonObject?)body["Specification"] ?? throw ServiceError.Validation("Specification is required (the fake does not model Specifications).");
                CheckComponentSpecification(specification);
                _components[name] = new Component(name, arn, endpoint.Name, variant, (JsonObject)specification.DeepClone(),
                    body["RuntimeConfig"]?["CopyCount"]?.GetValue<int>() ?? 1, Now);
                _tags[arn] = TagsOf(body);
                return new JsonObject { ["InferenceComponentArn"] = arn };
            }
        });
        Register("DescribeInferenceComponent", body =>
        {
            lock (_gate)
            {
                RefreshHosting();
                return DescribeComponent(FindComponent(Text(body, "InferenceComponentName")));
            }
        });
        Register("UpdateInferenceComponent", body =>
        {
            lock (_gate)
            {
                RefreshHosting();
                var component = UpdatableComponent(Text(body, "InferenceComponentName"));
                var specification = (JsonObject?)body["Specification"]?.DeepClone();
                if (specification is not null)
                    CheckComponentSpecification(specification);
                component.Pending = new(specification, body["RuntimeConfig"]?["CopyCount"]?.GetValue<int>(), Now,
                    _componentUpdateFailures.Remove(component.Name, out var failure) ? failure : null);
                component.LastDeploymentConfig = body["DeploymentConfig"]?.DeepClone();
                component.LastModified = Now;
                return new JsonObject { ["InferenceComponentArn"] = component.Arn };
            }
        });
        Register("UpdateInferenceComponentRuntimeConfig", body =>
        {
            lock (_gate)
            {
                RefreshHosting();
                var component = UpdatableComponent(Text(body, "InferenceComponentName"));
                component.Pending = new(null, body["DesiredRuntimeConfig"]!["CopyCount"]!.GetValue<int>(), Now, null);
                component.LastModified = Now;
                return new JsonObject { ["InferenceComponentArn"] = component.Arn };
            }
        });
        Register("DeleteInferenceComponent", body =>
        {
            lock (_gate)
            {
                RefreshHosting();
                var component = FindComponent(Text(body, "InferenceComponentName"));
                component.DeletingSince ??= Now;
                component.LastModified = Now;
                return [];
            }
        });
    }

    private void CheckComponentSpecification(JsonObject specification)
    {
        if (OptionalText(specification["ModelName"]) is { } model)
            FindModel(model);
        else if (specification["Container"] is null && specification["BaseInferenceComponentName"] is null)
            throw ServiceError.Validation("Specification needs a ModelName, a Container or a BaseInferenceComponentName.");
        if (specification["BaseInferenceComponentName"] is null && specification["ComputeResourceRequirements"] is null)
            throw ServiceError.Validation("Specification.ComputeResourceRequirements is required unless BaseInferenceComponentName is set.");
    }

    private Component UpdatableComponent(string name)
    {
        var component = FindComponent(name);
        var status = ComponentStatus(component);
        if (status != "InService")
            throw ServiceError.Validation($"Cannot update inference component \"{component.Arn}\" while it is {status}.");
        return component;
    }

    private Component FindComponent(string name) => _components.TryGetValue(name, out var component)
        ? component
        : throw ServiceError.Validation($"Could not find inference component \"{Arn("inference-component", name)}\".");

    private void RefreshComponents()
    {
        foreach (var component in _components.Values.ToList())
        {
            if (component.DeletingSince is { } deleting && Now >= deleting + Options.Hosting.ComponentDeleting)
            {
                _components.Remove(component.Name);
                _tags.Remove(component.Arn);
                continue;
            }
            if (component.Pending is { } pending && Now >= pending.Since + Options.Hosting.ComponentUpdating)
            {
                if (pending.Failure is null)
                {
                    component.Specification = pending.Specification ?? component.Specification;
                    component.Copies = pending.Copies ?? component.Copies;
                    component.FailureReason = null;
                }
                else
                    component.FailureReason = pending.Failure;
                component.Pending = null;
                component.LastModified = pending.Since + Options.Hosting.ComponentUpdating;
            }
        }
    }

    private string ComponentStatus(Component component) =>
        component.DeletingSince is not null ? "Deleting"
        : Now < component.CreatedAt + Options.Hosting.ComponentCreating ? "Creating"
        : component.Pending is not null ? "Updating"
        : "InService";

    private JsonObject DescribeComponent(Component component)
    {
        var status = ComponentStatus(component);
        var summary = new JsonObject();
        foreach (var member in Model.Shape("InferenceComponentSpecificationSummary").Members)
            if (component.Specification[member.Name] is { } value && member.Name != "Container")
                summary[member.Name] = value.DeepClone();
        if (component.Specification["Container"] is JsonObject container)
            summary["Container"] = new JsonObject { ["DeployedImage"] = new JsonObject { ["SpecifiedImage"] = container["Image"]?.DeepClone() }, ["ArtifactUrl"] = container["ArtifactUrl"]?.DeepClone() };
        var result = new JsonObject
        {
            ["InferenceComponentName"] = component.Name,
            ["InferenceComponentArn"] = component.Arn,
            ["EndpointName"] = component.EndpointName,
            ["EndpointArn"] = Arn("endpoint", component.EndpointName),
            ["VariantName"] = component.VariantName,
            ["Specification"] = summary,
            ["RuntimeConfig"] = new JsonObject
            {
                ["DesiredCopyCount"] = component.Pending?.Copies ?? component.Copies,
                ["CurrentCopyCount"] = status == "Creating" ? 0 : component.Copies,
            },
            ["CreationTime"] = Epoch(component.CreatedAt),
            ["LastModifiedTime"] = Epoch(component.LastModified),
            ["InferenceComponentStatus"] = status,
        };
        if (component.FailureReason is { } reason)
            result["FailureReason"] = reason;
        if (component.LastDeploymentConfig is { } deployment)
            result["LastDeploymentConfig"] = deployment.DeepClone();
        return result;
    }

    private sealed record PendingComponentUpdate(JsonObject? Specification, int? Copies, DateTimeOffset Since, string? Failure);

    private sealed class Component(string name, string arn, string endpointName, string variantName, JsonObject specification, int copies,
        DateTimeOffset createdAt)
    {
        public string Name { get; } = name;
        public string Arn { get; } = arn;
        public string EndpointName { get; } = endpointName;
        public string VariantName { get; } = variantName;
        public JsonObject Specification { get; set; } = specification;
        public int Copies { get; set; } = copies;
        public DateTimeOffset CreatedAt { get; } = createdAt;
        public DateTimeOffset LastModified { get; set; } = createdAt;
        public PendingComponentUpdate? Pending { get; set; }
        public JsonNode? LastDeploymentConfig { get; set; }
        public DateTimeOffset? DeletingSince { get; set; }
        public string? FailureReason { get; set; }
    }
}
