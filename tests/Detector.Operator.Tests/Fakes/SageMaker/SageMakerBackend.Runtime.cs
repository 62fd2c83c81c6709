using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.Fakes.SageMaker;

public sealed partial class SageMakerBackend
{
    private static readonly string[] s_imageTypes = ["image/jpeg", "image/png", "application/x-image"];

    /// <summary>
    /// InvokeEndpoint as the Object Detection container answers it: <c>{"prediction": [[class, score, xmin, ymin, xmax,
    /// ymax], ...]}</c> (reference §1.8), deterministic for the image bytes and the model artifact, class ids below the
    /// num_classes of the training job that made the artifact. Throws SageMaker Runtime's errors.
    /// </summary>
    public InvokeResult Invoke(string endpointName, string? componentName, string? contentType, string? accept, byte[] body)
    {
        lock (_gate)
        {
            RefreshHosting();
            if (!_endpoints.TryGetValue(endpointName, out var endpoint) || EndpointStatus(endpoint) is not ("InService" or "Updating"))
                throw RuntimeError(400, "ValidationError", $"Endpoint {endpointName} of account {Options.AccountId} not found.");
            var config = FindEndpointConfig(endpoint.ConfigName);
            var variant = config.Variants[0];
            string? modelName;
            if (variant["ModelName"] is null)
            {
                if (componentName is null)
                    throw RuntimeError(400, "ValidationError", "Inference Component Name header is required for endpoints to which you plan to deploy "
                        + "inference components. Please include Inference Component Name header or consider using SageMaker models.");
                if (!_components.TryGetValue(componentName, out var component)
                    || !string.Equals(component.EndpointName, endpointName, StringComparison.OrdinalIgnoreCase)
                    || ComponentStatus(component) is not ("InService" or "Updating"))
                    throw RuntimeError(400, "ValidationError", $"Inference Component {componentName} not found on endpoint {endpointName}.");
                modelName = OptionalText(component.Specification["ModelName"]);
                variant = config.Variants.First(v => v["VariantName"]!.GetValue<string>() == component.VariantName);
            }
            else
                modelName = OptionalText(variant["ModelName"]);

            var media = contentType?.Split(';')[0].Trim().ToLowerInvariant();
            if (media is null || !s_imageTypes.Contains(media))
                throw ModelError(415, $"Content type {contentType ?? "(none)"} is not supported by the Object Detection algorithm; use image/jpeg, image/png or application/x-image.");
            var isJpeg = body.Length > 2 && body[0] == 0xFF && body[1] == 0xD8;
            var isPng = body.Length > 4 && body[0] == 0x89 && body[1] == 'P' && body[2] == 'N' && body[3] == 'G';
            if (!isJpeg && !isPng)
                throw ModelError(400, "Unable to decode the payload as a JPEG or PNG image.");
            var acceptMedia = accept?.Split(',')[0].Trim() ?? "application/json";
            if (acceptMedia.Contains("annotation=1", StringComparison.Ordinal))
                throw new ServiceError(501, "NotImplementedByFake", "The fake answers Accept: application/json only (not the annotation format).");

            var artifact = modelName is not null ? ModelDataUrl(modelName) : null;
            var classes = ClassCount(artifact);
            return new InvokeResult(Encoding.UTF8.GetBytes(Predictions(body, artifact, classes).ToJsonString()), "application/json",
                variant["VariantName"]!.GetValue<string>());
        }
    }

    private string? ModelDataUrl(string modelName)
    {
        if (!_models.TryGetValue(modelName, out var model))
            return null;
        var container = model.Request["PrimaryContainer"] ?? (model.Request["Containers"] as JsonArray)?.FirstOrDefault();
        if (OptionalText(container?["ModelDataUrl"]) is { } url)
            return url;
        return OptionalText(container?["ModelPackageName"]) is { } package && FindPackageOrNull(package) is { } p
            ? OptionalText(p.Request["InferenceSpecification"]?["Containers"]?[0]?["ModelDataUrl"])
            : null;
    }

    // The training job whose artifact this is knows how many classes the model predicts.
    private int ClassCount(string? artifact)
    {
        foreach (var job in _trainingJobs.Values)
        {
            var output = OptionalText(job.Request["OutputDataConfig"]?["S3OutputPath"])?.TrimEnd('/');
            if (artifact is not null && $"{output}/{job.Name}/output/model.tar.gz" == artifact
                && int.TryParse(OptionalText(job.Request["HyperParameters"]?["num_classes"]), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
                return n;
        }
        return 1;
    }

    private static JsonObject Predictions(byte[] image, string? artifact, int classes)
    {
        var seed = SHA256.HashData([.. image, .. Encoding.UTF8.GetBytes(artifact ?? "")]);
        var count = 3 + seed[0] % 3;
        var rows = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var b = SHA256.HashData([.. seed, (byte)i]);
            double Fraction(int k) => b[k] / 255.0;
            var (x1, x2) = (Math.Min(Fraction(1), Fraction(2)) * 0.8, 0.2 + Math.Max(Fraction(1), Fraction(2)) * 0.8);
            var (y1, y2) = (Math.Min(Fraction(3), Fraction(4)) * 0.8, 0.2 + Math.Max(Fraction(3), Fraction(4)) * 0.8);
            // Scores fall with the index, so some boxes pass a 0.4 threshold and some do not, as real responses do.
            var score = Math.Round(0.95 - i * 0.2 - Fraction(5) * 0.05, 4);
            rows.Add(new JsonArray((double)(b[0] % classes), score, Math.Round(x1, 4), Math.Round(y1, 4), Math.Round(x2, 4), Math.Round(y2, 4)));
        }
        return new JsonObject { ["prediction"] = rows };
    }

    private static ServiceError RuntimeError(int status, string code, string message) => new(status, code, message, rest: true);

    private static ServiceError ModelError(int originalStatus, string message) =>
        new(424, "ModelError", $"Received client error ({originalStatus}) from primary with message \"{message}\". See CloudWatch logs for details.", rest: true);
}

/// <summary>What InvokeEndpoint answers.</summary>
/// <param name="Body">Response body.</param>
/// <param name="ContentType">Its MIME type.</param>
/// <param name="Variant">The production variant that answered (x-Amzn-Invoked-Production-Variant).</param>
public sealed record InvokeResult(byte[] Body, string ContentType, string Variant);
