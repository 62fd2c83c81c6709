using System.Security.Cryptography;
using System.Text;

namespace Detector.Operator.Tests.Fakes.SageMaker;

/// <summary>An HTTP request as the signature covers it: raw path and query as sent, headers, body.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="RawPath">Path as it appeared on the request line (still percent-encoded).</param>
/// <param name="RawQuery">Query string without the leading '?', still encoded; empty when none.</param>
/// <param name="Headers">Header name → values (a header sent twice has two values).</param>
/// <param name="Body">The body bytes.</param>
public sealed record SignedRequest(string Method, string RawPath, string RawQuery,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Headers, byte[] Body)
{
    /// <summary>The header's values joined as SigV4 canonicalizes them (trimmed, inner spaces collapsed, comma-joined), or null.</summary>
    public string? Header(string name)
    {
        var values = Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        return values is null ? null : string.Join(',', values.Select(SigV4.TrimHeaderValue));
    }
}

/// <summary>
/// The SigV4 algorithm (AWS "Signature Version 4 signing process"), written from the specification for the fake's
/// verifier: canonical request, string to sign, derived key, signature. Non-S3 rules: the path is normalized and
/// encoded once more (double encoding); the payload hash is the SHA-256 of the body.
/// </summary>
public static class SigV4
{
    /// <summary>The only algorithm SigV4 (not SigV4a) accepts.</summary>
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The canonical request for the given signed header names (lower-case, in the order signed).</summary>
    public static string CanonicalRequest(SignedRequest request, IReadOnlyList<string> signedHeaders, string payloadHash)
    {
        var builder = new StringBuilder();
        builder.Append(request.Method.ToUpperInvariant()).Append('\n');
        builder.Append(CanonicalPath(request.RawPath)).Append('\n');
        builder.Append(CanonicalQuery(request.RawQuery)).Append('\n');
        foreach (var name in signedHeaders)
            builder.Append(name).Append(':').Append(request.Header(name) ?? "").Append('\n');
        builder.Append('\n');
        builder.Append(string.Join(';', signedHeaders)).Append('\n');
        builder.Append(payloadHash);
        return builder.ToString();
    }

    /// <summary>The string to sign for a request time (<c>yyyyMMddTHHmmssZ</c>) and scope (<c>date/region/service/aws4_request</c>).</summary>
    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        $"{Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

    /// <summary>The derived signing key: HMAC chain over date, region, service and <c>aws4_request</c>.</summary>
    public static byte[] SigningKey(string secretKey, string date, string region, string service)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretKey), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("aws4_request"));
    }

    /// <summary>The hex signature of a string to sign.</summary>
    public static string Signature(byte[] signingKey, string stringToSign) =>
        Hex(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));

    /// <summary>Lower-case hex SHA-256 of the body.</summary>
    public static string PayloadHash(byte[] body) => Hex(SHA256.HashData(body));

    /// <summary>Lower-case hex.</summary>
    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>Trims a header value and collapses runs of spaces to one, as the canonical headers need.</summary>
    public static string TrimHeaderValue(string value)
    {
        var builder = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value.Trim())
        {
            if (c is ' ' or '\t')
            {
                if (!space)
                    builder.Append(' ');
                space = true;
                continue;
            }
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Normalized path (dot segments and empty segments removed), each segment encoded again.</summary>
    public static string CanonicalPath(string rawPath)
    {
        var segments = new List<string>();
        foreach (var segment in rawPath.Split('/'))
        {
            if (segment is "" or ".")
                continue;
            if (segment == "..")
            {
                if (segments.Count > 0)
                    segments.RemoveAt(segments.Count - 1);
                continue;
            }
            segments.Add(segment);
        }
        var path = "/" + string.Join('/', segments.Select(Encode));
        return segments.Count > 0 && rawPath.EndsWith('/') ? path + "/" : path;
    }

    /// <summary>Query parameters decoded, re-encoded (RFC 3986) and sorted by name, then value.</summary>
    public static string CanonicalQuery(string rawQuery)
    {
        if (rawQuery.Length == 0)
            return "";
        var pairs = rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Key: Encode(Uri.UnescapeDataString(p[0])), Value: Encode(p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "")))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => $"{p.Key}={p.Value}"));
    }

    /// <summary>RFC 3986 encoding: unreserved characters as they are, every other UTF-8 byte as %XX (upper-case).</summary>
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~')
                builder.Append(c);
            else
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }
}
