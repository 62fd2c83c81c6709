using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.Fakes.CloudWatch;

/// <summary>
/// Opaque pagination tokens as the services hand them out: the offset of the next page bound to the request it
/// belongs to (every member but the token), so a token replayed with another request is refused as AWS refuses it.
/// </summary>
public static class PageToken
{
    /// <summary>The token for the page starting at <paramref name="offset"/> of <paramref name="request"/>.</summary>
    public static string Create(JsonObject request, string tokenMember, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{offset}:{Fingerprint(request, tokenMember)}"));

    /// <summary>The offset a token names: 0 without a token, null when it is not one of ours for this request.</summary>
    public static int? Offset(JsonObject request, string tokenMember)
    {
        if (request[tokenMember] is null)
            return 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String((string)request[tokenMember]!));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 && int.TryParse(text[..colon], out var offset) && text[(colon + 1)..] == Fingerprint(request, tokenMember)
                ? offset : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Fingerprint(JsonObject request, string tokenMember)
    {
        var copy = (JsonObject)request.DeepClone();
        copy.Remove(tokenMember);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(copy.ToJsonString())))[..16];
    }
}
