using System.Text;
using Detector.Operator.Tests.Fakes.SageMaker;
using Microsoft.Extensions.Time.Testing;

namespace Detector.Operator.Tests.FakeSageMakerTests;

// The folder is FakeSageMaker/, the namespace FakeSageMakerTests: a namespace named FakeSageMaker would hide the class.
public sealed class SigV4VerifierTests
{
    // The AWS SigV4 test suite (reference §4): credentials, region, service and time of every case.
    private const string AccessKey = "AKIDEXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly DateTimeOffset s_suiteTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("GET", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")]
    [InlineData("POST", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")]
    public void Signature_SuiteVanillaCase_MatchesPublishedSignature(string method, string expected)
    {
        var request = Vanilla(method, "");
        var canonical = SigV4.CanonicalRequest(request, ["host", "x-amz-date"], SigV4.PayloadHash([]));
        var toSign = SigV4.StringToSign("20150830T123600Z", "20150830/us-east-1/service/aws4_request", canonical);

        Assert.Equal(expected, SigV4.Signature(SigV4.SigningKey(SecretKey, "20150830", "us-east-1", "service"), toSign));
        Assert.Equal($"{method}\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
            + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", canonical);
    }

    [Fact]
    public void Verify_SuiteVanillaRequestWithItsSignature_Accepts()
    {
        var request = Vanilla("GET", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");

        Assert.Null(Verifier(s_suiteTime).Verify(request));
    }

    [Theory]
    [InlineData("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf30", "InvalidSignatureException", "The request signature we calculated does not match")]
    [InlineData("AKIDOTHER", "UnrecognizedClientException", "The security token included in the request is invalid.")]
    [InlineData("eu-west-1", "InvalidSignatureException", "Credential should be scoped to a valid region, not 'eu-west-1'.")]
    [InlineData("s3", "InvalidSignatureException", "Credential should be scoped to correct service: 'service'.")]
    [InlineData("20150831", "InvalidSignatureException", "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20150831' != '20150830'")]
    [InlineData("x-amz-date", "InvalidSignatureException", "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.")]
    [InlineData("no-signature", "IncompleteSignatureException", "Authorization header requires 'Signature' parameter.")]
    public void Verify_BrokenAuthorization_AnswersAwsError(string change, string code, string messageStart)
    {
        var (key, date, region, service, headers, signature) = (AccessKey, "20150830", "us-east-1", "service", "host;x-amz-date",
            ", Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
        switch (change)
        {
            case "AKIDOTHER": key = change; break;
            case "eu-west-1": region = change; break;
            case "s3": service = change; break;
            case "20150831": date = change; break;
            case "x-amz-date": headers = change; break;
            case "no-signature": signature = ""; break;
            default: signature = ", Signature=" + change; break;
        }

        var error = Verifier(s_suiteTime).Verify(Vanilla("GET", $"AWS4-HMAC-SHA256 Credential={key}/{date}/{region}/{service}/aws4_request, SignedHeaders={headers}{signature}"));

        Assert.NotNull(error);
        Assert.Equal((403, code), (error.StatusCode, error.Code));
        Assert.StartsWith(messageStart, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-16, "Signature expired: 20150830T123600Z is now earlier than 20150830T123700Z (20150830T125200Z - 15 min.)")]
    [InlineData(16, "Signature not yet current: 20150830T123600Z is still later than 20150830T123500Z (20150830T122000Z + 15 min.)")]
    public void Verify_RequestTimeOutsideSkew_IsRejected(int minutesFromRequest, string message)
    {
        var signed = Vanilla("GET", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");

        var error = Verifier(s_suiteTime.AddMinutes(-minutesFromRequest)).Verify(signed);

        Assert.Equal(("InvalidSignatureException", message), (error?.Code, error?.Message));
    }

    [Fact]
    public void Verify_NoAuthorization_IsMissingAuthenticationToken()
    {
        var error = Verifier(s_suiteTime).Verify(Vanilla("GET", ""));

        Assert.Equal(("MissingAuthenticationTokenException", "Missing Authentication Token"), (error?.Code, error?.Message));
    }

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/./a/../b//c", "/b/c")]
    [InlineData("/a b/%2F", "/a%20b/%252F")]
    public void CanonicalPath_NonS3_NormalizesAndEncodesAgain(string raw, string canonical) =>
        Assert.Equal(canonical, SigV4.CanonicalPath(raw));

    [Theory]
    [InlineData("", "")]
    [InlineData("b=2&a=1", "a=1&b=2")]
    [InlineData("a=2&a=1&c", "a=1&a=2&c=")]
    [InlineData("k=%7e x", "k=~%20x")]
    public void CanonicalQuery_SortsAndReencodes(string raw, string canonical) =>
        Assert.Equal(canonical, SigV4.CanonicalQuery(raw));

    private static SigV4Verifier Verifier(DateTimeOffset now) =>
        new(new Dictionary<string, (string, string?)> { [AccessKey] = (SecretKey, null) }, "us-east-1", "service", new FakeTimeProvider(now), TimeSpan.FromMinutes(15));

    private static SignedRequest Vanilla(string method, string authorization)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["Host"] = ["example.amazonaws.com"],
            ["X-Amz-Date"] = ["20150830T123600Z"],
        };
        if (authorization.Length > 0)
            headers["Authorization"] = [authorization];
        return new SignedRequest(method, "/", "", headers, Encoding.UTF8.GetBytes(""));
    }
}
