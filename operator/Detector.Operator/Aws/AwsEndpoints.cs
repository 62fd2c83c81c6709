using System.Text.RegularExpressions;
using Amazon;

namespace Detector.Operator.Aws;

/// <summary>
/// SageMaker hosts per region and partition (reference §2.1): <c>api.sagemaker.{region}.{dnsSuffix}</c> and
/// <c>runtime.sagemaker.{region}.{dnsSuffix}</c>, the DNS suffix taken from AWSSDK.Core's partition data
/// (aws, aws-cn <c>amazonaws.com.cn</c>, aws-us-gov, aws-iso*, aws-eusc). Pure.
/// </summary>
public static partial class AwsEndpoints
{
    /// <summary>The SigV4 signing name of both the API and the runtime (not <c>runtime.sagemaker</c>).</summary>
    public const string SigningName = "sagemaker";

    /// <summary>The control-plane URL for a region, e.g. <c>https://api.sagemaker.us-east-1.amazonaws.com/</c>.</summary>
    public static Uri SageMakerApi(string region) => new($"https://api.sagemaker.{Validate(region)}.{DnsSuffix(region)}/");

    /// <summary>The runtime URL for a region, e.g. <c>https://runtime.sagemaker.cn-north-1.amazonaws.com.cn/</c>.</summary>
    public static Uri SageMakerRuntime(string region) =>
        new($"https://runtime.sagemaker.{Validate(region)}.{DnsSuffix(region)}/");

    /// <summary>The partition DNS suffix of a region, from AWSSDK.Core's endpoint data (unknown regions map by pattern).</summary>
    public static string DnsSuffix(string region) => RegionEndpoint.GetBySystemName(Validate(region)).PartitionDnsSuffix;

    /// <summary>The partition name of a region (<c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>, ...), for ARNs.</summary>
    public static string Partition(string region) => RegionEndpoint.GetBySystemName(Validate(region)).PartitionName;

    /// <summary>Returns the region, or throws naming it when it does not look like one (e.g. <c>us-east-1</c>).</summary>
    public static string Validate(string region)
    {
        if (string.IsNullOrWhiteSpace(region) || !RegionPattern().IsMatch(region))
            throw new ArgumentException($"Region '{region}' is not an AWS region name such as us-east-1", nameof(region));
        return region;
    }

    [GeneratedRegex("^[a-z]{2,4}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionPattern();
}
