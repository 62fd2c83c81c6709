using Amazon.Runtime;

namespace Detector.Operator.Hosting;

/// <summary>
/// The shell half of the region lookup: when neither <c>--aws-region</c> nor <c>AWS_REGION</c>/<c>AWS_DEFAULT_REGION</c>
/// named a region, asks the AWS SDK's own chain (the AWS profile, then EC2 instance metadata), once at start-up, so the
/// start-up check and every client see the same answer.
/// </summary>
public static class AwsRegionFallback
{
    /// <summary>The settings with <see cref="OperatorSettings.AwsRegion"/> filled from the SDK's chain when it was unset.</summary>
    public static OperatorSettings Apply(OperatorSettings settings)
    {
        if (settings.AwsRegion is not null || TryResolve() is not { } region)
            return settings;
        return settings with { AwsRegion = region, Storage = settings.Storage with { Region = region } };
    }

    /// <summary>The region the AWS SDK's own chain finds (profile, instance metadata), or null when it finds none.</summary>
    public static string? TryResolve()
    {
        try
        {
            return FallbackRegionFactory.GetRegionEndpoint()?.SystemName;
        }
        catch (Exception)
        {
            // No profile, no instance metadata: the caller says what to set.
            return null;
        }
    }
}
