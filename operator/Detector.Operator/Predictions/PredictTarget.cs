using System.Text.RegularExpressions;

namespace Detector.Operator.Predictions;

/// <summary>What <c>--endpoint</c> names: a DetectionEndpoint (<c>namespace/name</c>) or a SageMaker endpoint name.</summary>
/// <param name="Namespace">The DetectionEndpoint's namespace; null for a raw SageMaker name.</param>
/// <param name="Name">The DetectionEndpoint's or the SageMaker endpoint's name.</param>
public sealed partial record PredictTarget(string? Namespace, string Name)
{
    /// <summary>Whether this names a DetectionEndpoint to resolve through the Kubernetes API.</summary>
    public bool IsDetectionEndpoint => Namespace is not null;

    /// <summary>Pure: parses <c>--endpoint</c>; throws <see cref="FormatException"/> naming the flag on bad input.</summary>
    public static PredictTarget Parse(string value)
    {
        var text = value.Trim();
        var slash = text.IndexOf('/');
        if (slash >= 0)
        {
            var (ns, name) = (text[..slash], text[(slash + 1)..]);
            if (!KubeName().IsMatch(ns) || !KubeName().IsMatch(name))
                throw new FormatException($"--endpoint '{value}' must be <namespace>/<name> of a DetectionEndpoint (lower-case DNS labels) or a SageMaker endpoint name");
            return new(ns, name);
        }
        if (!SageMakerName().IsMatch(text))
            throw new FormatException($"--endpoint '{value}' is not a SageMaker endpoint name (letters, digits and single hyphens, at most 63) nor <namespace>/<name>");
        return new(null, text);
    }

    // The EndpointName pattern of the runtime model, with its 63-character limit.
    [GeneratedRegex("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$")]
    private static partial Regex SageMakerName();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,251}[a-z0-9])?$")]
    private static partial Regex KubeName();
}
