using System.Text.Json.Serialization;

namespace Detector.Preprocessing.Reporting;

/// <summary>What a finding did to the output.</summary>
public enum FindingEffect
{
    /// <summary>The image (or orphan label) was not packed.</summary>
    SkippedItem,

    /// <summary>One box was dropped; the image was kept.</summary>
    DroppedBox,

    /// <summary>Nothing was dropped; worth knowing (e.g. PNG content in a .jpg file).</summary>
    Note,
}

/// <summary>One reported problem or remark: file, optional 1-based line, stable code, reason.</summary>
/// <param name="File">Path relative to the source root.</param>
/// <param name="Line">1-based line in a label file, or null for a whole-file finding.</param>
/// <param name="Code">Stable code (label codes, image rejection codes or <see cref="Layout.IssueCodes"/>).</param>
/// <param name="Message">Human-readable reason.</param>
/// <param name="Effect">What happened to the data because of it.</param>
/// <param name="IsInvalidInput">True when the finding is bad input (fails the run under the Fail policy).</param>
public sealed record Finding(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("line")] int? Line,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("effect"), JsonConverter(typeof(JsonStringEnumConverter<FindingEffect>))] FindingEffect Effect,
    [property: JsonPropertyName("invalidInput")] bool IsInvalidInput)
{
    /// <summary>"file:line: message (code)", the form error messages use.</summary>
    public override string ToString() => $"{File}{(Line is { } l ? ":" + l : "")}: {Message} ({Code})";
}
