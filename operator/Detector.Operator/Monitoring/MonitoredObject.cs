using System.Text.RegularExpressions;

namespace Detector.Operator.Monitoring;

/// <summary>The kinds <c>detector logs</c> and <c>detector metrics</c> read.</summary>
public enum MonitoredKind
{
    /// <summary>A TrainingRun: its current training job.</summary>
    TrainingRun,
    /// <summary>A TuningRun: its tuning job's trials.</summary>
    TuningRun,
    /// <summary>A DetectionEndpoint: its SageMaker endpoint.</summary>
    DetectionEndpoint,
}

/// <summary><c>&lt;kind&gt;/&lt;name&gt;</c> as kubectl writes it (kind, plural or short name, any case).</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Name">The object's name.</param>
public sealed partial record MonitoredObject(MonitoredKind Kind, string Name)
{
    /// <summary>Pure: parses the argument; throws <see cref="FormatException"/> saying what is accepted.</summary>
    public static MonitoredObject Parse(string value)
    {
        var text = (value ?? "").Trim();
        var slash = text.IndexOf('/');
        if (slash <= 0)
            throw new FormatException($"'{value}' must be <kind>/<name>, e.g. trainingrun/aquarium (kinds: trainingrun, tuningrun, detectionendpoint)");
        var kind = text[..slash].ToLowerInvariant() switch
        {
            "trainingrun" or "trainingruns" or "trun" or "trainingrun.detector.dev" => MonitoredKind.TrainingRun,
            "tuningrun" or "tuningruns" or "tun" or "tuningrun.detector.dev" => MonitoredKind.TuningRun,
            "detectionendpoint" or "detectionendpoints" or "detep" or "detectionendpoint.detector.dev" => MonitoredKind.DetectionEndpoint,
            var other => throw new FormatException($"'{other}' is not a kind detector can monitor: use trainingrun (trun), tuningrun (tun) or detectionendpoint (detep)"),
        };
        var name = text[(slash + 1)..];
        if (!KubeName().IsMatch(name))
            throw new FormatException($"'{name}' is not an object name (a lower-case DNS subdomain of at most 253 characters)");
        return new(kind, name);
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")]
    private static partial Regex KubeName();
}
