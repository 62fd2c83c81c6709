namespace Detector.Operator.Predictions;

/// <summary>Pure: the InvokeEndpoint content type of an image, judged by its first bytes (the file name may lie).</summary>
public static class ImageFormat
{
    /// <summary><c>image/jpeg</c> or <c>image/png</c>; throws <see cref="FormatException"/> naming the file otherwise.</summary>
    public static string ContentType(ReadOnlySpan<byte> bytes, string file)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return "image/jpeg";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
            return "image/png";
        throw new FormatException($"{file} is neither a JPEG nor a PNG (the Object Detection endpoint accepts only those)");
    }
}
