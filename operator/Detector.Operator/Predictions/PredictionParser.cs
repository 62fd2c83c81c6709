using System.Text.Json;

namespace Detector.Operator.Predictions;

/// <summary>
/// Pure: reads the built-in Object Detection algorithm's JSON answer, <c>{"prediction": [[class, score, xmin, ymin,
/// xmax, ymax], …]}</c> with normalized coordinates (reference §1.8).
/// </summary>
public static class PredictionParser
{
    /// <summary>
    /// The detections scoring at least <paramref name="threshold"/>, highest score first. Throws
    /// <see cref="FormatException"/> naming what is wrong when the body is not that shape.
    /// </summary>
    public static IReadOnlyList<Detection> Parse(ReadOnlySpan<byte> json, double threshold)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray());
        }
        catch (JsonException e)
        {
            throw new FormatException($"the endpoint's answer is not JSON: {e.Message}", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("prediction", out var rows) || rows.ValueKind != JsonValueKind.Array)
                throw new FormatException("the endpoint's answer has no \"prediction\" array (is this an Object Detection endpoint?)");
            var detections = new List<Detection>();
            var index = 0;
            foreach (var row in rows.EnumerateArray())
            {
                var detection = Row(row, index++);
                if (detection.Score >= threshold)
                    detections.Add(detection);
            }
            // Stable: equal scores keep the container's order.
            return [.. detections.OrderByDescending(d => d.Score)];
        }
    }

    private static Detection Row(JsonElement row, int index)
    {
        if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != 6)
            throw new FormatException($"prediction[{index}] must be [class, score, xmin, ymin, xmax, ymax]");
        var values = new double[6];
        var i = 0;
        foreach (var item in row.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetDouble(out values[i]) || !double.IsFinite(values[i]))
                throw new FormatException($"prediction[{index}][{i}] is not a number");
            i++;
        }
        var classId = values[0];
        if (classId < 0 || classId != Math.Floor(classId) || classId > int.MaxValue)
            throw new FormatException($"prediction[{index}][0] (class) must be a whole number ≥ 0, got {classId}");
        return new Detection((int)classId, values[1], values[2], values[3], values[4], values[5]);
    }
}
