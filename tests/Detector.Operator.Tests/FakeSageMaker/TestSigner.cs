using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Detector.Operator.Tests.FakeSageMakerTests;

/// <summary>
/// A deliberately small SigV4 signer for JSON 1.1 POSTs, written apart from the fake's verifier (and from the
/// operator's client) so that the two can check each other: it signs content-type, host, x-amz-date and x-amz-target.
/// </summary>
public static class TestSigner
{
    /// <summary>Adds X-Amz-Date and Authorization to a request whose body is <paramref name="body"/>.</summary>
    public static void Sign(HttpRequestMessage request, byte[] body, string accessKey, string secretKey, string region, DateTimeOffset time,
        string service = "sagemaker", string? sessionToken = null)
    {
        var amzDate = time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        if (sessionToken is not null)
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", sessionToken);
        var host = request.RequestUri!.Authority;
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = request.Content!.Headers.ContentType!.ToString(),
            ["host"] = host,
            ["x-amz-date"] = amzDate,
        };
        foreach (var name in new[] { "X-Amz-Target", "X-Amz-Security-Token", "X-Amzn-SageMaker-Inference-Component" })
            if (request.Headers.TryGetValues(name, out var values))
                headers[name.ToLowerInvariant()] = string.Join(',', values);
        var signedHeaders = string.Join(';', headers.Keys);
        // Paths here are plain ASCII names, which the second encoding leaves as they are.
        var canonical = $"POST\n{request.RequestUri.AbsolutePath}\n\n{string.Concat(headers.Select(h => $"{h.Key}:{h.Value}\n"))}\n{signedHeaders}\n{Hex(SHA256.HashData(body))}";
        var scope = $"{date}/{region}/{service}/aws4_request";
        var toSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + secretKey);
        foreach (var part in new[] { date, region, service, "aws4_request" })
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        var signature = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign)));
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={accessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
