using Detector.Operator.Aws;

namespace Detector.Operator.Tests.Aws;

public class ClockSkewTests
{
    private static readonly DateTimeOffset s_local = new(2026, 3, 4, 5, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("InvalidSignatureException", "Signature expired: 20260304T050000Z is now earlier than 20260304T054500Z (20260304T060000Z - 15 min.)", 60, 60)]
    [InlineData("InvalidSignatureException", "Signature not yet current: 20260304T050000Z is still later than 20260304T040000Z", -60, -60)]
    [InlineData("RequestTimeTooSkewed", "", 30, 30)]
    [InlineData("RequestExpired", "", -20, -20)]
    [InlineData("InvalidSignatureException", "Signature expired", 2, null)]
    [InlineData("InvalidSignatureException", "The request signature we calculated does not match the signature you provided.", 60, null)]
    [InlineData("ThrottlingException", "Rate exceeded", 60, null)]
    public void Offset_Rejection_IsTheServerClockWhenItExplainsTheError(string code, string message, int serverMinutesAhead,
        int? expectedMinutes)
    {
        var error = new SageMakerException(code, message, 400, null, SageMakerErrorKind.AccessDenied);

        var offset = ClockSkew.Offset(error, s_local.AddMinutes(serverMinutesAhead), s_local);

        Assert.Equal(expectedMinutes is { } m ? TimeSpan.FromMinutes(m) : null, offset);
    }

    [Fact]
    public void Offset_NoDateHeader_IsNull() =>
        Assert.Null(ClockSkew.Offset(new SageMakerException("RequestTimeTooSkewed", "", 400, null, SageMakerErrorKind.Other), null, s_local));
}
