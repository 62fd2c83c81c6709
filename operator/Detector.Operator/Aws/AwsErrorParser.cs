using System.Text;
using System.Text.Json;

namespace Detector.Operator.Aws;

/// <summary>An AWS error response, parsed.</summary>
/// <param name="Code">The trimmed error code, or the HTTP status as text when the response named none.</param>
/// <param name="Message">The service's message (empty when it sent none).</param>
/// <param name="RequestId">The <c>x-amzn-RequestId</c> header.</param>
public sealed record AwsErrorInfo(string Code, string Message, string? RequestId);

/// <summary>
/// Reads AWS error responses as botocore does (reference §2.2). JSON 1.1: code from the body's <c>__type</c>, else the
/// <c>x-amzn-ErrorType</c> header; REST-JSON (the runtime): the header first, then the body's <c>code</c>/<c>Code</c>/
/// <c>__type</c>. Either way the code is trimmed (<see cref="AwsErrors.TrimErrorCode"/>), the message is <c>message</c>
/// or <c>Message</c>, and a response naming no code gets its HTTP status. Pure.
/// </summary>
public static class AwsErrorParser
{
    private const int MaxTextMessage = 512;

    /// <summary>Parses an error response from its status, two headers and body.</summary>
    public static AwsErrorInfo Parse(int statusCode, string? errorTypeHeader, string? requestId, ReadOnlySpan<byte> body,
        bool restJson = false)
    {
        string? bodyType = null, bodyCode = null, message = null;
        var isJson = TryReadJson(body, out var root);
        if (isJson)
        {
            bodyType = StringMember(root, "__type");
            bodyCode = StringMember(root, "code") ?? StringMember(root, "Code");
            message = StringMember(root, "message") ?? StringMember(root, "Message");
        }
        var code = restJson
            ? AwsErrors.TrimErrorCode(errorTypeHeader) ?? AwsErrors.TrimErrorCode(bodyCode) ?? AwsErrors.TrimErrorCode(bodyType)
            : AwsErrors.TrimErrorCode(bodyType) ?? AwsErrors.TrimErrorCode(errorTypeHeader);
        // A proxy or load balancer may answer with HTML; keep a little of it so the operator's message says what happened.
        message ??= isJson || body.IsEmpty ? "" : Truncate(Encoding.UTF8.GetString(body).Trim());
        return new(code ?? statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), message,
            string.IsNullOrEmpty(requestId) ? null : requestId);
    }

    private static bool TryReadJson(ReadOnlySpan<byte> body, out JsonElement root)
    {
        root = default;
        if (body.IsEmpty)
            return false;
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return false;
            root = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? StringMember(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Truncate(string text) => text.Length <= MaxTextMessage ? text : text[..MaxTextMessage] + "...";
}
