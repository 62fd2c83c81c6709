using Detector.Operator.Aws;

namespace Detector.Operator.DetectionEndpoints;

/// <summary>Pure: the SageMaker Runtime InvokeEndpoint URL of an endpoint (reference §3), partition-aware.</summary>
public static class InvocationUrl
{
    /// <summary>
    /// <c>https://runtime.sagemaker.{region}.{dnsSuffix}/endpoints/{name}/invocations</c>; the DNS suffix is the
    /// region's partition's (amazonaws.com, amazonaws.com.cn, c2s.ic.gov, ...). Null without a valid region.
    /// </summary>
    public static string? For(string? region, string endpointName)
    {
        if (string.IsNullOrEmpty(region))
            return null;
        try
        {
            return $"{AwsEndpoints.SageMakerRuntime(region)}endpoints/{Uri.EscapeDataString(endpointName)}/invocations";
        }
        catch (ArgumentException)
        {
            // A malformed region is reported by the operator's configuration check; status just has no URL.
            return null;
        }
    }
}
