namespace Detector.Preprocessing.Geometry;

/// <summary>EXIF orientation (tag 0x0112) facts needed to reason about the upright image.</summary>
public static class ExifOrientation
{
    /// <summary>
    /// The size of the image once displayed upright: orientations 5–8 involve a 90° turn and swap width and height;
    /// 1–4 (and unknown values, which viewers treat as 1) keep it.
    /// </summary>
    public static (int Width, int Height) UprightSize(int width, int height, ushort orientation) =>
        orientation is >= 5 and <= 8 ? (height, width) : (width, height);
}
