using Detector.Preprocessing.Outputs;

namespace Detector.Operator.Datasets;

/// <summary>Everything the reconciler observed for one Dataset, as input to <see cref="DatasetStatusMapper.Map"/>.</summary>
/// <param name="SpecHash">Hash of the spec fields that define the data.</param>
/// <param name="OutputPrefix">The content-addressed output prefix for this spec.</param>
/// <param name="InvalidSpec">Why the spec cannot be acted on (names the field), or null when it is valid.</param>
/// <param name="Job">The Job that decides the phase now (the merge Job once the shards are done), or null when none exists.</param>
/// <param name="Manifest">manifest.json of the output prefix when it was read, else null.</param>
/// <param name="ManifestError">Why manifest.json could not be used (absent after success, not valid JSON), or null.</param>
/// <param name="Blocked">Why the next Job is not created yet although the spec is valid (reason, message), or null.</param>
public sealed record DatasetObservation(
    string SpecHash,
    string OutputPrefix,
    string? InvalidSpec = null,
    JobObservation? Job = null,
    DatasetManifest? Manifest = null,
    string? ManifestError = null,
    (string Reason, string Message)? Blocked = null)
{
    /// <summary>An invalid spec: nothing else was looked at.</summary>
    public static DatasetObservation Invalid(string message) => new("", "", InvalidSpec: message);
}
