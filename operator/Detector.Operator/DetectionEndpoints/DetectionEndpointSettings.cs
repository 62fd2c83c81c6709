using Detector.Operator.Policy;

namespace Detector.Operator.DetectionEndpoints;

/// <summary>What the DetectionEndpoint reconciler takes from the operator's settings.</summary>
public sealed record DetectionEndpointSettings
{
    /// <summary>AWS region (for the invocation URL); null: the URL is left out.</summary>
    public string? Region { get; init; }

    /// <summary>How often an endpoint that is changing is looked at again.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a settled endpoint is described again, so out-of-band changes and new approvals are seen.</summary>
    public TimeSpan DriftInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Which roles and S3 prefixes each namespace may use; null: no policy, everything is allowed.</summary>
    public NamespacePolicy? Policy { get; init; }

    /// <summary>Endpoint health from CloudWatch (figures, Degraded, gauges, Events); null: not monitored.</summary>
    public EndpointHealthMonitor? Health { get; init; }
}
