namespace Detector.Preprocessing.Imaging;

/// <summary>
/// Detects files cut short. ImageSharp (like OpenCV and Skia) decodes a truncated JPEG "successfully", filling the
/// missing rows with grey, so the only dependable signal is the end marker the encoder writes last.
/// </summary>
internal static class EndCheck
{
    // JPEG End Of Image marker.
    private static ReadOnlySpan<byte> JpegEnd => [0xFF, 0xD9];

    // The PNG IEND chunk: length 0, type "IEND", fixed CRC.
    private static ReadOnlySpan<byte> PngEnd => [0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82];

    /// <summary>Why the file looks truncated, or null when its end marker is present.</summary>
    public static string? FindTruncation(string format, ReadOnlySpan<byte> bytes)
    {
        switch (format)
        {
            case "JPEG":
                // Some cameras and upload tools pad files with zero bytes after EOI; the image itself is complete.
                if (bytes.TrimEnd((byte)0).EndsWith(JpegEnd))
                    return null;
                return "the JPEG does not end with the end-of-image marker FFD9: the file is truncated";
            case "PNG":
                // Bytes after IEND are ignored by decoders; what matters is that the chunk stream reached its end.
                if (bytes.LastIndexOf(PngEnd) >= 0)
                    return null;
                return "the PNG has no IEND chunk: the file is truncated";
            default:
                // Other formats' decoders fail on short data themselves.
                return null;
        }
    }
}
