namespace Detector.Operator.Aws;

/// <summary>
/// Recognises a request AWS rejected because its signing time was too far from the server's clock (the signature is
/// valid for about 15 minutes) and says by how much to shift the client's clock, as the AWS SDKs do. Pure.
/// </summary>
public static class ClockSkew
{
    /// <summary>Shifts smaller than this are not worth a retry: they cannot have caused the rejection.</summary>
    public static readonly TimeSpan Threshold = TimeSpan.FromMinutes(4);

    /// <summary>
    /// The offset (server minus local time) to sign with from now on, or null when <paramref name="error"/> is not a
    /// clock-skew rejection or the response carried no usable <c>Date</c>.
    /// </summary>
    public static TimeSpan? Offset(SageMakerException error, DateTimeOffset? serverDate, DateTimeOffset localNow)
    {
        if (serverDate is not { } server || !IsSkewError(error))
            return null;
        var offset = server - localNow;
        return offset.Duration() >= Threshold ? offset : null;
    }

    private static bool IsSkewError(SageMakerException error) =>
        error.ErrorCode is "RequestTimeTooSkewed" or "RequestExpired" or "RequestInTheFuture"
        || (error.ErrorCode is "InvalidSignatureException" or "SignatureDoesNotMatch"
            && (error.Message.Contains("Signature expired", StringComparison.OrdinalIgnoreCase)
                || error.Message.Contains("Signature not yet current", StringComparison.OrdinalIgnoreCase)));
}
