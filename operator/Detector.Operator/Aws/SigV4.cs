using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Detector.Operator.Aws;

/// <summary>What SigV4 signs: the method, the path and query as sent, every header to sign, and the payload hash.</summary>
/// <param name="Method">HTTP method, e.g. <c>POST</c>.</param>
/// <param name="Path">The URL path as it goes on the wire (percent-encoded), e.g. <c>/</c>.</param>
/// <param name="Query">The query string without <c>?</c> (empty when none).</param>
/// <param name="Headers">Headers to sign, including <c>host</c> and <c>x-amz-date</c>; names in any case.</param>
/// <param name="PayloadHash">Lower-case hex SHA-256 of the body.</param>
public sealed record SigV4Request(string Method, string Path, string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers, string PayloadHash);

/// <summary>The result of signing, with the intermediate strings for diagnostics and tests.</summary>
public sealed record SigV4Signature(string CanonicalRequest, string StringToSign, string SignedHeaders, string Signature,
    string Authorization);

/// <summary>
/// AWS Signature Version 4 as a pure function (reference §4), checked against the AWS test suite and AWSSDK.Core's
/// signer in the tests. Written here because AWSSDK.Core's <c>AWS4Signer</c> lives in an internal namespace and needs
/// the SDK's own request pipeline types; the credentials still come from AWSSDK.Core.
/// </summary>
public static class SigV4
{
    /// <summary>The algorithm name in the Authorization header.</summary>
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>Lower-case hex SHA-256 of the empty body.</summary>
    public static readonly string EmptyPayloadHash = Hash([]);

    /// <summary>The <c>x-amz-date</c> value for an instant: <c>yyyyMMddTHHmmssZ</c> in UTC.</summary>
    public static string AmzDate(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Lower-case hex SHA-256 of a body.</summary>
    public static string Hash(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>
    /// Signs <paramref name="request"/> at <paramref name="at"/> (which must equal its <c>x-amz-date</c>).
    /// <paramref name="normalizePath"/> is true for every service but S3 (remove dot segments and empty segments,
    /// then encode each segment once more).
    /// </summary>
    public static SigV4Signature Sign(SigV4Request request, string accessKey, string secretKey, string region, string service,
        DateTimeOffset at, bool normalizePath = true)
    {
        var headers = CanonicalHeaders(request.Headers);
        var signedHeaders = string.Join(';', headers.Select(h => h.Name));
        var canonical = string.Join('\n',
            request.Method.ToUpperInvariant(),
            CanonicalPath(request.Path, normalizePath),
            CanonicalQuery(request.Query),
            string.Concat(headers.Select(h => $"{h.Name}:{h.Value}\n")),
            signedHeaders,
            request.PayloadHash);
        var date = at.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = string.Join('\n', Algorithm, AmzDate(at), scope, Hash(Encoding.UTF8.GetBytes(canonical)));
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        var signature = Convert.ToHexStringLower(Hmac(key, stringToSign));
        var authorization = $"{Algorithm} Credential={accessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
        return new(canonical, stringToSign, signedHeaders, signature, authorization);
    }

    /// <summary>Lower-cased names, sorted; values trimmed with inner runs of spaces collapsed; repeats joined by commas.</summary>
    public static IReadOnlyList<(string Name, string Value)> CanonicalHeaders(IEnumerable<KeyValuePair<string, string>> headers) =>
        [.. headers
            .GroupBy(h => h.Key.Trim().ToLowerInvariant())
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, string.Join(',', g.Select(h => CollapseSpaces(h.Value)))))];

    /// <summary>The canonical URI: normalized (unless S3) and URI-encoded segment by segment.</summary>
    public static string CanonicalPath(string path, bool normalize)
    {
        if (string.IsNullOrEmpty(path))
            return "/";
        if (!normalize)
            return path;
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".")
                continue;
            if (segment == "..")
            {
                if (segments.Count > 0)
                    segments.RemoveAt(segments.Count - 1);
                continue;
            }
            segments.Add(UriEncode(segment, encodeSlash: true));
        }
        var joined = "/" + string.Join('/', segments);
        return segments.Count > 0 && path.EndsWith('/') ? joined + "/" : joined;
    }

    /// <summary>The canonical query: each name and value decoded then re-encoded, sorted by name then value.</summary>
    public static string CanonicalQuery(string query)
    {
        if (string.IsNullOrEmpty(query))
            return "";
        var pairs = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? "" : part[(eq + 1)..];
            return (Name: UriEncode(Uri.UnescapeDataString(name), true), Value: UriEncode(Uri.UnescapeDataString(value), true));
        });
        return string.Join('&', pairs.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
    }

    /// <summary>RFC 3986 encoding as SigV4 wants it: unreserved characters kept, everything else <c>%XX</c> of UTF-8.</summary>
    public static string UriEncode(string value, bool encodeSlash)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' || (c == '/' && !encodeSlash))
                builder.Append(c);
            else
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    private static string CollapseSpaces(string value)
    {
        var builder = new StringBuilder(value.Length);
        var lastWasSpace = false;
        foreach (var c in value.Trim())
        {
            var isSpace = c is ' ' or '\t';
            if (!(isSpace && lastWasSpace))
                builder.Append(isSpace ? ' ' : c);
            lastWasSpace = isSpace;
        }
        return builder.ToString();
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
