using System.Buffers.Binary;

namespace Detector.Preprocessing.Imaging;

/// <summary>
/// A cheap pass over an image's chunk or segment headers before any decoder sees it. ImageSharp 2.1 inflates every PNG
/// text chunk (zTXt/iTXt) while identifying, with no option to skip them, so a 1 MB file can ask for gigabytes; and it
/// concatenates JPEG metadata segments. Here PNG text chunks and the compressed ICC profile are dropped unread (nothing
/// downstream uses them), and the remaining metadata is counted against <see cref="ImageLimits.MaxMetadataBytes"/>.
/// </summary>
public static class MetadataScan
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// Returns the bytes to decode: <paramref name="bytes"/> itself, or for a PNG with text chunks a copy without them.
    /// Throws <see cref="ImageRejectedException"/> (<see cref="ImageRejectionCodes.MetadataTooLarge"/>) past the budget.
    /// Malformed structure is left to the decoder and the truncation check, which name it better.
    /// </summary>
    public static byte[] Sanitize(byte[] bytes, long maxMetadataBytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.AsSpan().StartsWith(PngSignature))
            return SanitizePng(bytes, maxMetadataBytes);
        if (bytes is [0xFF, 0xD8, ..])
            CheckJpeg(bytes, maxMetadataBytes);
        return bytes;
    }

    private static byte[] SanitizePng(byte[] bytes, long maxMetadataBytes)
    {
        var dropped = new List<(int Start, int Length)>();
        long metadata = 0;
        var i = PngSignature.Length;
        while (i + 8 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(i));
            var type = bytes.AsSpan(i + 4, 4);
            var total = 12L + length; // length, type, data, CRC
            if (total > bytes.Length - i)
                break; // a chunk running past the end: the decoder reports it (or the truncation check)
            if (type.SequenceEqual("tEXt"u8) || type.SequenceEqual("zTXt"u8) || type.SequenceEqual("iTXt"u8) || type.SequenceEqual("iCCP"u8))
                dropped.Add((i, (int)total));
            else if ((type[0] & 0x20) != 0) // ancillary (lower-case first letter), e.g. eXIf
            {
                metadata += length;
                if (metadata > maxMetadataBytes)
                    throw TooLarge("PNG", $"ancillary chunks ('{System.Text.Encoding.ASCII.GetString(type)}' and before)", metadata, maxMetadataBytes);
            }
            i += (int)total;
            if (type.SequenceEqual("IEND"u8))
                break;
        }
        if (dropped.Count == 0)
            return bytes;
        var kept = new byte[bytes.Length - dropped.Sum(d => d.Length)];
        int from = 0, to = 0;
        foreach (var (start, length) in dropped)
        {
            bytes.AsSpan(from, start - from).CopyTo(kept.AsSpan(to));
            to += start - from;
            from = start + length;
        }
        bytes.AsSpan(from).CopyTo(kept.AsSpan(to));
        return kept;
    }

    private static void CheckJpeg(byte[] b, long maxMetadataBytes)
    {
        long metadata = 0;
        var i = 2; // after SOI
        while (i + 3 < b.Length && b[i] == 0xFF)
        {
            var marker = b[i + 1];
            if (marker == 0xFF) { i++; continue; }                                        // fill byte
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7)) { i += 2; continue; }            // no length
            if (marker is 0xDA or 0xD9)
                return;                                                                   // start of scan / end: no metadata after
            var length = (b[i + 2] << 8) | b[i + 3];
            if (marker is (>= 0xE0 and <= 0xEF) or 0xFE)                                  // APPn, COM
            {
                metadata += length;
                if (metadata > maxMetadataBytes)
                    throw TooLarge("JPEG", "APPn/COM segments", metadata, maxMetadataBytes);
            }
            i += 2 + length;
        }
    }

    private static ImageRejectedException TooLarge(string format, string what, long bytes, long limit) =>
        new(ImageRejectionCodes.MetadataTooLarge,
            $"the {format}'s metadata ({what}) exceeds the limit of {limit:N0} bytes (--max-image-metadata-bytes); at least {bytes:N0} bytes");
}
