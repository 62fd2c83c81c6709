using Detector.Preprocessing.Geometry;

namespace Detector.Preprocessing.Labels;

/// <summary>
/// The SageMaker object-detection label layout: [headerWidth=2, objectWidth=5, then per object cls, xmin, ymin, xmax, ymax].
/// </summary>
public static class SsdLabel
{
    /// <summary>Header length in floats (header width, object width).</summary>
    public const int HeaderWidth = 2;

    /// <summary>Floats per object.</summary>
    public const int ObjectWidth = 5;

    /// <summary>Packs boxes into the float32 label vector.</summary>
    public static float[] Pack(IReadOnlyList<BoxCorners> boxes)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        var label = new float[Width(boxes.Count)];
        label[0] = HeaderWidth;
        label[1] = ObjectWidth;
        for (var i = 0; i < boxes.Count; i++)
        {
            var at = HeaderWidth + ObjectWidth * i;
            var box = boxes[i];
            label[at] = box.ClassId;
            label[at + 1] = (float)box.XMin;
            label[at + 2] = (float)box.YMin;
            label[at + 3] = (float)box.XMax;
            label[at + 4] = (float)box.YMax;
        }
        return label;
    }

    /// <summary>Label length for <paramref name="boxCount"/> objects: 2 + 5·n.</summary>
    public static int Width(int boxCount) => HeaderWidth + ObjectWidth * boxCount;
}
