namespace Detector.Preprocessing.Geometry;

/// <summary>
/// One YOLO box: class id and centre/size normalized to the upright source image (0..1).
/// </summary>
/// <param name="ClassId">Zero-based class index.</param>
/// <param name="CenterX">Box centre x, fraction of the image width.</param>
/// <param name="CenterY">Box centre y, fraction of the image height.</param>
/// <param name="Width">Box width, fraction of the image width.</param>
/// <param name="Height">Box height, fraction of the image height.</param>
public readonly record struct YoloBox(int ClassId, double CenterX, double CenterY, double Width, double Height);

/// <summary>
/// A box as normalized corners (0..1), the layout the SSD label uses.
/// </summary>
/// <param name="ClassId">Zero-based class index.</param>
/// <param name="XMin">Left edge, fraction of the width.</param>
/// <param name="YMin">Top edge, fraction of the height.</param>
/// <param name="XMax">Right edge, fraction of the width.</param>
/// <param name="YMax">Bottom edge, fraction of the height.</param>
public readonly record struct BoxCorners(int ClassId, double XMin, double YMin, double XMax, double YMax);

/// <summary>Conversions between box layouts.</summary>
public static class BoxConversion
{
    /// <summary>Centre/size to corners: xmin = cx − w/2 etc. No clipping: callers decide what out-of-range means.</summary>
    public static BoxCorners ToCorners(YoloBox b) => new(
        b.ClassId,
        b.CenterX - b.Width / 2,
        b.CenterY - b.Height / 2,
        b.CenterX + b.Width / 2,
        b.CenterY + b.Height / 2);
}
