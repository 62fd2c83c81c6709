using Detector.Operator.DetectionEndpoints;

namespace Detector.Operator.Tests.DetectionEndpoints;

public sealed class InvocationUrlTests
{
    [Theory]
    [InlineData("us-east-1", "https://runtime.sagemaker.us-east-1.amazonaws.com/endpoints/ep-1/invocations")]
    [InlineData("cn-north-1", "https://runtime.sagemaker.cn-north-1.amazonaws.com.cn/endpoints/ep-1/invocations")]
    [InlineData("us-gov-west-1", "https://runtime.sagemaker.us-gov-west-1.amazonaws.com/endpoints/ep-1/invocations")]
    [InlineData("us-iso-east-1", "https://runtime.sagemaker.us-iso-east-1.c2s.ic.gov/endpoints/ep-1/invocations")]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("not a region", null)]
    public void For_Region_UsesThePartitionsRuntimeHost(string? region, string? url) =>
        Assert.Equal(url, InvocationUrl.For(region, "ep-1"));
}
