using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Detector.Operator.Aws;

/// <summary>
/// JSON as the AWS JSON protocols want it: property names as-is (they are the model's member names), nulls omitted,
/// timestamps as epoch seconds. Reading is lenient: unknown members are ignored and a member the model marks
/// required but the service left out does not fail the call.
/// </summary>
public static class AwsJson
{
    /// <summary>Options for request bodies.</summary>
    public static readonly JsonSerializerOptions Write = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new EpochSecondsConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    /// <summary>Options for response bodies.</summary>
    public static readonly JsonSerializerOptions Read = new()
    {
        Converters = { new EpochSecondsConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        // `required` is a promise we make when building requests; the service's responses are not checked against it.
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { NothingRequired } },
    };

    /// <summary>The request body; <c>{}</c> for a request with no members set.</summary>
    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Write);

    /// <summary>The response record; an empty body reads as <c>{}</c>.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> body) =>
        JsonSerializer.Deserialize<T>(body.IsEmpty ? "{}"u8 : body, Read)
        ?? throw new JsonException($"The response body was null where {typeof(T).Name} was expected");

    private static void NothingRequired(JsonTypeInfo info)
    {
        foreach (var property in info.Properties)
            property.IsRequired = false;
    }

    /// <summary>Timestamps as epoch seconds (fractional milliseconds allowed); ISO 8601 strings are accepted on read.</summary>
    private sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Number)
                return FromSeconds(reader.GetDecimal());
            var text = reader.GetString() ?? "";
            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                return FromSeconds(seconds);
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                return parsed;
            throw new JsonException($"'{text}' is not a timestamp (epoch seconds or ISO 8601)");
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000m);

        private static DateTimeOffset FromSeconds(decimal seconds) =>
            DateTimeOffset.FromUnixTimeMilliseconds((long)decimal.Round(seconds * 1000m));
    }
}
