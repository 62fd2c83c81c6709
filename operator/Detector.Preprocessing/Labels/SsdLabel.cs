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
        throw new NotImplementedException();
    }

    /// <summary>Label length for <paramref name="boxCount"/> objects: 2 + 5·n.</summary>
    public static int Width(int boxCount) => HeaderWidth + ObjectWidth * boxCount;
}
