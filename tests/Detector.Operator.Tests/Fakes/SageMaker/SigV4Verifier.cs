using System.Globalization;

namespace Detector.Operator.Tests.Fakes.SageMaker;

/// <summary>
/// Verifies the <c>Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...</c> header of a
/// request the way AWS does, with AWS's error codes and messages: a missing header is
/// <c>MissingAuthenticationTokenException</c>, a malformed one <c>IncompleteSignatureException</c>, an unknown access
/// key or session token <c>UnrecognizedClientException</c>, a wrong scope, an unsigned <c>host</c>/<c>x-amz-date</c>,
/// a stale date or a wrong signature <c>InvalidSignatureException</c> (all 403).
/// </summary>
/// <param name="credentials">Access key → (secret key, session token or null).</param>
/// <param name="region">The region the scope must name.</param>
/// <param name="service">The signing name the scope must name (<c>sagemaker</c>).</param>
/// <param name="clock">The wall clock the client signs with (not the fake's simulated clock).</param>
/// <param name="maxSkew">How far the request time may be from <paramref name="clock"/> (AWS: 15 minutes).</param>
public sealed class SigV4Verifier(IReadOnlyDictionary<string, (string Secret, string? Token)> credentials, string region,
    string service, TimeProvider clock, TimeSpan maxSkew)
{
    private const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>Returns null when the request is correctly signed, else the error AWS would answer.</summary>
    public ServiceError? Verify(SignedRequest request)
    {
        var authorization = request.Header("authorization");
        if (string.IsNullOrEmpty(authorization))
            return ServiceError.Auth("MissingAuthenticationTokenException", "Missing Authentication Token");
        var space = authorization.IndexOf(' ');
        var algorithm = space < 0 ? authorization : authorization[..space];
        if (algorithm != SigV4.Algorithm)
            return ServiceError.Auth("IncompleteSignatureException", $"Unsupported AWS 'algorithm': '{algorithm}'. Authorization={authorization}");
        var parts = ParseParameters(authorization[(space + 1)..]);
        var amzDate = request.Header("x-amz-date");
        var missing = new List<string>();
        foreach (var name in new[] { "Credential", "Signature", "SignedHeaders" })
            if (!parts.ContainsKey(name))
                missing.Add($"Authorization header requires '{name}' parameter.");
        if (amzDate is null && request.Header("date") is null)
            missing.Add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        if (missing.Count > 0)
            return ServiceError.Auth("IncompleteSignatureException", string.Join(' ', missing) + $" Authorization={authorization}");
        if (amzDate is null)
            return Invalid("The fake requires the X-Amz-Date header (the AWS SDKs always send it).");

        var scope = parts["Credential"].Split('/');
        if (scope.Length != 5)
            return ServiceError.Auth("IncompleteSignatureException",
                $"Credential should be a 5-part string of the form 'AK/YYYYMMDD/region/service/aws4_request', got '{parts["Credential"]}'.");
        var (accessKey, date, scopeRegion, scopeService, terminator) = (scope[0], scope[1], scope[2], scope[3], scope[4]);
        if (!credentials.TryGetValue(accessKey, out var secret))
            return ServiceError.Auth("UnrecognizedClientException", "The security token included in the request is invalid.");
        if (request.Header("x-amz-security-token") != secret.Token)
            return ServiceError.Auth("UnrecognizedClientException", "The security token included in the request is invalid.");
        if (!DateTimeOffset.TryParseExact(amzDate, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var requestTime))
            return ServiceError.Auth("IncompleteSignatureException",
                $"Date must be in ISO-8601 'basic format'. Got '{amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601");
        if (date != amzDate[..8])
            return Invalid($"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{date}' != '{amzDate[..8]}', from '{amzDate}'.");
        if (scopeRegion != region)
            return Invalid($"Credential should be scoped to a valid region, not '{scopeRegion}'. ");
        if (scopeService != service)
            return Invalid($"Credential should be scoped to correct service: '{service}'. ");
        if (terminator != "aws4_request")
            return Invalid($"Credential should be scoped with a valid terminator: 'aws4_request', not '{terminator}'. ");

        var signedHeaders = parts["SignedHeaders"].Split(';');
        if (!signedHeaders.Contains("host"))
            return Invalid("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        if (!signedHeaders.Contains("x-amz-date"))
            return Invalid("'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.");
        if (secret.Token is not null && !signedHeaders.Contains("x-amz-security-token"))
            return Invalid("'X-Amz-Security-Token' must be a 'SignedHeader' in the AWS Authorization.");
        if (!signedHeaders.SequenceEqual(signedHeaders.Select(h => h.ToLowerInvariant()).Order(StringComparer.Ordinal)))
            return Invalid($"SignedHeaders must be lower-case and sorted, got '{parts["SignedHeaders"]}'.");

        var now = clock.GetUtcNow();
        if (requestTime < now - maxSkew)
            return Invalid($"Signature expired: {amzDate} is now earlier than {Format(now - maxSkew)} ({Format(now)} - {maxSkew.TotalMinutes:0} min.)");
        if (requestTime > now + maxSkew)
            return Invalid($"Signature not yet current: {amzDate} is still later than {Format(now + maxSkew)} ({Format(now)} + {maxSkew.TotalMinutes:0} min.)");

        var payloadHash = SigV4.PayloadHash(request.Body);
        if (request.Header("x-amz-content-sha256") is { } claimed && claimed != payloadHash)
            return Invalid($"The provided 'x-amz-content-sha256' header does not match what was computed (got '{claimed}', body hashes to '{payloadHash}').");
        var canonical = SigV4.CanonicalRequest(request, signedHeaders, payloadHash);
        var stringToSign = SigV4.StringToSign(amzDate, $"{date}/{scopeRegion}/{scopeService}/{terminator}", canonical);
        var expected = SigV4.Signature(SigV4.SigningKey(secret.Secret, date, scopeRegion, scopeService), stringToSign);
        if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(parts["Signature"])))
            return Invalid("The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\n"
                + $"The Canonical String for this request should have been\n'{canonical}'\n\nThe String-to-Sign should have been\n'{stringToSign}'\n");
        return null;
    }

    private static ServiceError Invalid(string message) => ServiceError.Auth("InvalidSignatureException", message);

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static Dictionary<string, string> ParseParameters(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            if (eq > 0)
                result[part[..eq]] = part[(eq + 1)..];
        }
        return result;
    }
}
