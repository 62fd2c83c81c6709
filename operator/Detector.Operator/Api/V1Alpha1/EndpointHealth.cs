using System.Text.Json.Serialization;

namespace Detector.Operator.Api.V1Alpha1;

/// <summary>
/// Endpoint health from CloudWatch (namespace <c>AWS/SageMaker</c>): the window the figures cover and the thresholds
/// past which the DetectionEndpoint is <c>Degraded</c>. Without thresholds the figures are still shown.
/// </summary>
public sealed record EndpointHealthSpec
{
    /// <summary>Minutes the figures cover, ending now (default 5).</summary>
    [Minimum(1), Maximum(1440)] [JsonPropertyName("windowMinutes")] public int WindowMinutes { get; init; } = 5;

    /// <summary>Degraded when 5XX errors / invocations exceed this (0..1); unset: not checked.</summary>
    [Minimum(0), Maximum(1)] [JsonPropertyName("maxServerErrorRate")] public double? MaxServerErrorRate { get; init; }

    /// <summary>Degraded when 4XX errors / invocations exceed this (0..1); unset: not checked.</summary>
    [Minimum(0), Maximum(1)] [JsonPropertyName("maxClientErrorRate")] public double? MaxClientErrorRate { get; init; }

    /// <summary>Degraded when the p99 model latency exceeds this many milliseconds; unset: not checked.</summary>
    [Minimum(1)] [JsonPropertyName("maxP99LatencyMilliseconds")] public double? MaxP99LatencyMilliseconds { get; init; }
}

/// <summary>The endpoint's figures over the window, from CloudWatch; refreshed at most once a minute.</summary>
public sealed record EndpointHealthStatus
{
    /// <summary>Minutes the figures cover.</summary>
    [JsonPropertyName("windowMinutes")] public int WindowMinutes { get; init; }

    /// <summary>InvokeEndpoint requests in the window (Sum of Invocations).</summary>
    [JsonPropertyName("invocations")] public long Invocations { get; init; }

    /// <summary>Median model latency, milliseconds (ModelLatency p50); unset without invocations.</summary>
    [JsonPropertyName("p50LatencyMilliseconds")] public double? P50LatencyMilliseconds { get; init; }

    /// <summary>99th percentile model latency, milliseconds (ModelLatency p99); unset without invocations.</summary>
    [JsonPropertyName("p99LatencyMilliseconds")] public double? P99LatencyMilliseconds { get; init; }

    /// <summary>Invocation4XXErrors / Invocations (0 without invocations).</summary>
    [JsonPropertyName("clientErrorRate")] public double ClientErrorRate { get; init; }

    /// <summary>Invocation5XXErrors / Invocations (0 without invocations).</summary>
    [JsonPropertyName("serverErrorRate")] public double ServerErrorRate { get; init; }

    /// <summary>When the figures were read.</summary>
    [JsonPropertyName("updatedAt")] public DateTime? UpdatedAt { get; init; }
}
