namespace Detector.Operator.Aws;

/// <summary>
/// Hosts and signing names of the monitoring services (from each model's metadata): CloudWatch Logs
/// <c>logs.{region}.{dnsSuffix}</c> signed as <c>logs</c>, CloudWatch <c>monitoring.{region}.{dnsSuffix}</c> signed as
/// <c>monitoring</c>, SageMaker Metrics <c>metrics.sagemaker.{region}.{dnsSuffix}</c> signed as <c>sagemaker</c>. Pure.
/// </summary>
public static class MonitoringEndpoints
{
    /// <summary>SigV4 name of CloudWatch Logs.</summary>
    public const string LogsSigningName = "logs";

    /// <summary>SigV4 name of CloudWatch.</summary>
    public const string CloudWatchSigningName = "monitoring";

    /// <summary>SigV4 name of SageMaker Metrics (the model's <c>signingName</c>).</summary>
    public const string MetricsSigningName = AwsEndpoints.SigningName;

    /// <summary>e.g. <c>https://logs.us-east-1.amazonaws.com/</c>.</summary>
    public static Uri Logs(string region) => Host("logs", region);

    /// <summary>e.g. <c>https://monitoring.us-east-1.amazonaws.com/</c>.</summary>
    public static Uri CloudWatch(string region) => Host("monitoring", region);

    /// <summary>e.g. <c>https://metrics.sagemaker.us-east-1.amazonaws.com/</c>.</summary>
    public static Uri SageMakerMetrics(string region) => Host("metrics.sagemaker", region);

    private static Uri Host(string prefix, string region) =>
        new($"https://{prefix}.{AwsEndpoints.Validate(region)}.{AwsEndpoints.DnsSuffix(region)}/");

    /// <summary>The client URL: the override when set (it must be http or https), else the regional host.</summary>
    internal static Uri Resolve(Uri? overrideUrl, Uri regional, string service)
    {
        var url = overrideUrl ?? regional;
        if (url.Scheme is not ("https" or "http"))
            throw new ArgumentException($"{service} endpoint '{url}' must be an http or https URL");
        return url;
    }
}
