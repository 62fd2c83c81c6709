using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.Fakes.SageMaker;

/// <summary>
/// UpdateEndpointWeightsAndCapacities: a variant's instance count changes in place. The endpoint is Updating for
/// <see cref="HostingTimings.EndpointUpdating"/>, DesiredInstanceCount shows the new count at once and
/// CurrentInstanceCount when it is done; the config keeps its InitialInstanceCount.
/// </summary>
public sealed partial class SageMakerBackend
{
    private void RegisterEndpointCapacity() =>
        Register("UpdateEndpointWeightsAndCapacities", body =>
        {
            lock (_gate)
            {
                RefreshHosting();
                var endpoint = FindEndpoint(Text(body, "EndpointName"));
                if (EndpointStatus(endpoint) != "InService")
                    throw ServiceError.Validation($"Cannot update in-progress endpoint \"{endpoint.Arn}\".");
                var config = FindEndpointConfig(endpoint.ConfigName);
                var desired = (JsonArray)body["DesiredWeightsAndCapacities"]!;
                if (desired.Count != 1)
                    throw ServiceError.Validation("The fake models a single variant per update.");
                var change = (JsonObject)desired[0]!;
                var variantName = Text(change, "VariantName");
                var variant = config.Variants.FirstOrDefault(v => v["VariantName"]!.GetValue<string>() == variantName)
                    ?? throw ServiceError.Validation($"The variant name(s) [{variantName}] is/are not present in the endpoint \"{endpoint.Arn}\".");
                if (change["DesiredInstanceCount"]?.GetValue<int>() is { } count)
                {
                    // Scaling to zero is only for variants whose managed instance scaling allows it (inference components).
                    var minimum = variant["ManagedInstanceScaling"]?["MinInstanceCount"]?.GetValue<int>() ?? 1;
                    if (count < Math.Min(1, minimum))
                        throw ServiceError.Validation($"The desired instance count {count} of variant {variantName} is below its minimum of {Math.Min(1, minimum)}.");
                    endpoint.PendingCapacity = (count, Now);
                }
                endpoint.LastModified = Now;
                return new JsonObject { ["EndpointArn"] = endpoint.Arn };
            }
        });

    private void RefreshCapacity()
    {
        foreach (var endpoint in _endpoints.Values)
            if (endpoint.PendingCapacity is { } pending && Now >= pending.Since + Options.Hosting.EndpointUpdating)
            {
                (endpoint.InstanceCount, endpoint.PendingCapacity) = (pending.Count, null);
                endpoint.LastModified = pending.Since + Options.Hosting.EndpointUpdating;
            }
    }
}
