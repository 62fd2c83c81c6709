using System.Text;
using Amazon.Runtime.Internal.Auth;
using Detector.Operator.Aws;

namespace Detector.Operator.Tests.Aws;

public class SigV4Tests
{
    private const string AccessKey = "AKIDEXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly DateTimeOffset s_at = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);
    private const string StsToken = "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";

    // The AWS SigV4 test suite (reference §4): case, method, path, query, extra headers ("name:value|..."), body, signature.
    [Theory]
    [InlineData("get-vanilla", "GET", "/", "", "", "", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")]
    [InlineData("post-vanilla", "POST", "/", "", "", "", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")]
    [InlineData("get-vanilla-query-order-key-case", "GET", "/", "Param2=value2&Param1=value1", "", "", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")]
    [InlineData("get-vanilla-query-unreserved", "GET", "/", "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "", "", "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197")]
    [InlineData("get-vanilla-utf8-query", "GET", "/", "ሴ=bar", "", "", "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04")]
    [InlineData("normalize-path/get-relative-relative", "GET", "/example1/example2/../..", "", "", "", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")]
    [InlineData("normalize-path/get-slash-pointless-dot", "GET", "/./example", "", "", "", "ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5")]
    [InlineData("normalize-path/get-slashes", "GET", "//example//", "", "", "", "9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84")]
    [InlineData("normalize-path/get-space", "GET", "/example space/", "", "", "", "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741")]
    [InlineData("post-header-key-sort", "POST", "/", "", "my-header1:value1", "", "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c")]
    [InlineData("post-header-value-case", "POST", "/", "", "My-Header1:VALUE1", "", "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d")]
    [InlineData("post-sts-header-before", "POST", "/", "", "x-amz-security-token:" + StsToken, "", "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead")]
    [InlineData("post-vanilla-query", "POST", "/", "Param1=value1", "", "", "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11")]
    [InlineData("post-x-www-form-urlencoded", "POST", "/", "", "Content-Type:application/x-www-form-urlencoded", "Param1=value1", "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a")]
    [InlineData("post-x-www-form-urlencoded-parameters", "POST", "/", "", "Content-Type:application/x-www-form-urlencoded; charset=utf8", "Param1=value1", "1a72ec8f64bd914b0e42e42607c7fbce7fb2c7465f63e3092b3b0d39fa77a6fe")]
    [InlineData("get-vanilla-with-session-token", "GET", "/", "", "x-amz-security-token:6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267", "", "07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8")]
    public void Sign_AwsTestSuiteCase_GivesTheSuiteSignature(string name, string method, string path, string query, string headers,
        string body, string expected)
    {
        var signature = Sign(method, path, query, headers, body);

        Assert.True(expected == signature.Signature, $"{name}: got {signature.Signature}\n{signature.CanonicalRequest}");
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={AccessKey}/20150830/us-east-1/service/aws4_request, SignedHeaders=",
            signature.Authorization);
        Assert.EndsWith("Signature=" + expected, signature.Authorization);
    }

    [Fact]
    public void Sign_SameCanonicalRequest_MatchesAwsSdkCoreSigner()
    {
        var ours = Sign("POST", "/", "", "Content-Type:application/x-amz-json-1.1|X-Amz-Target:SageMaker.DescribeTrainingJob",
            """{"TrainingJobName":"job-1"}""", region: "eu-west-1", service: "sagemaker");

        var sdk = AWS4Signer.ComputeSignature(AccessKey, SecretKey, "eu-west-1", s_at.UtcDateTime, "sagemaker",
            ours.SignedHeaders, ours.CanonicalRequest);

        Assert.Equal(sdk.Signature, ours.Signature);
        Assert.Equal("content-type;host;x-amz-date;x-amz-target", ours.SignedHeaders);
    }

    [Fact]
    public void Sign_HeaderValueWithRunsOfSpaces_IsTrimmedAndCollapsed()
    {
        var signature = Sign("GET", "/", "", "My-Header1:  value1   with  spaces ", "");

        Assert.Contains("\nmy-header1:value1 with spaces\n", signature.CanonicalRequest);
    }

    [Theory]
    [InlineData("/endpoints/my-endpoint/invocations", "/endpoints/my-endpoint/invocations")]
    [InlineData("/a%20b/", "/a%2520b/")]
    [InlineData("", "/")]
    public void CanonicalPath_NonS3_EncodesEachSegmentAgain(string path, string expected) =>
        Assert.Equal(expected, SigV4.CanonicalPath(path, normalize: true));

    [Fact]
    public void EmptyPayloadHash_IsTheSha256OfNothing() =>
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", SigV4.EmptyPayloadHash);

    private static SigV4Signature Sign(string method, string path, string query, string headers, string body,
        string region = "us-east-1", string service = "service")
    {
        var list = new List<KeyValuePair<string, string>>
        {
            new("Host", "example.amazonaws.com"), new("X-Amz-Date", SigV4.AmzDate(s_at)),
        };
        foreach (var header in headers.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            list.Add(new(header[..colon], header[(colon + 1)..]));
        }
        var request = new SigV4Request(method, path, query, list, SigV4.Hash(Encoding.UTF8.GetBytes(body)));
        return SigV4.Sign(request, AccessKey, SecretKey, region, service, s_at);
    }
}
