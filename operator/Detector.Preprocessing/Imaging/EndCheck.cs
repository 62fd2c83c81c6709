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
                // Phones (e.g. Samsung's trailer) append arbitrary data after EOI: walk the markers to find EOI itself.
                if (JpegReachesEndMarker(bytes))
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

    /// <summary>
    /// Walks the JPEG segment structure (length-prefixed segments, entropy-coded data after each SOS) and says whether
    /// the EOI marker is reached. Inside entropy-coded data 0xFF is always followed by 0x00 or a restart marker, so the
    /// first other marker there ends the scan; a file cut short runs out of bytes before EOI.
    /// </summary>
    internal static bool JpegReachesEndMarker(ReadOnlySpan<byte> b)
    {
        var i = 2; // after SOI
        while (i + 1 < b.Length)
        {
            if (b[i] != 0xFF)
                return false;
            var marker = b[i + 1];
            if (marker == 0xFF) { i++; continue; }          // fill byte
            if (marker == 0xD9) return true;                // EOI
            if (marker == 0x01 || marker is >= 0xD0 and <= 0xD7) { i += 2; continue; } // no length
            if (i + 3 >= b.Length)
                return false;
            i += 2 + ((b[i + 2] << 8) | b[i + 3]);
            if (marker != 0xDA)
                continue;
            while (i + 1 < b.Length && !(b[i] == 0xFF && b[i + 1] is not 0x00 and not 0xFF and not (>= 0xD0 and <= 0xD7)))
                i++;
        }
        return false;
    }
}
