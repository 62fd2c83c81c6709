using System.Buffers.Binary;

namespace Detector.Preprocessing.RecordIO;

/// <summary>MXNet's IRHeader: struct 'IfQQ' (flag, label, id, id2), 24 bytes little-endian.</summary>
/// <param name="Flag">Number of label floats that follow the header (0 = the scalar <paramref name="Label"/> is the label).</param>
/// <param name="Label">Scalar label; 0 when the label is a vector.</param>
/// <param name="Id">Record id (the .idx/.lst key).</param>
/// <param name="Id2">Unused by im2rec; 0.</param>
public readonly record struct ImageRecordHeader(uint Flag, float Label, ulong Id, ulong Id2);

/// <summary>A decoded image record payload.</summary>
/// <param name="Header">The IRHeader.</param>
/// <param name="Label">The label floats (Flag of them; empty when Flag is 0 and the scalar header label applies).</param>
/// <param name="Image">The encoded image bytes.</param>
public sealed record UnpackedRecord(ImageRecordHeader Header, float[] Label, ReadOnlyMemory<byte> Image);

/// <summary>Builds and reads MXNet image record payloads (mx.recordio.pack with a vector label, as im2rec --pack-label).</summary>
public static class ImageRecord
{
    /// <summary>Size of the packed IRHeader in bytes.</summary>
    public const int HeaderSize = 24;

    /// <summary>Header (flag = label length, label = 0, id, id2 = 0), the label float32s, then the image bytes.</summary>
    public static byte[] Pack(ulong id, ReadOnlySpan<float> label, ReadOnlySpan<byte> image)
    {
        var payload = new byte[HeaderSize + sizeof(float) * label.Length + image.Length];
        var span = payload.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)label.Length);
        BinaryPrimitives.WriteSingleLittleEndian(span[4..], 0f);
        BinaryPrimitives.WriteUInt64LittleEndian(span[8..], id);
        BinaryPrimitives.WriteUInt64LittleEndian(span[16..], 0);
        var at = HeaderSize;
        foreach (var value in label)
        {
            BinaryPrimitives.WriteSingleLittleEndian(span[at..], value);
            at += sizeof(float);
        }
        image.CopyTo(span[at..]);
        return payload;
    }

    /// <summary>Splits a payload into header, label and image; throws <see cref="InvalidDataException"/> when too short.</summary>
    public static UnpackedRecord Unpack(ReadOnlyMemory<byte> payload)
    {
        var span = payload.Span;
        if (span.Length < HeaderSize)
            throw new InvalidDataException($"An image record needs a {HeaderSize}-byte header; the payload has {span.Length} bytes");
        var header = new ImageRecordHeader(
            BinaryPrimitives.ReadUInt32LittleEndian(span),
            BinaryPrimitives.ReadSingleLittleEndian(span[4..]),
            BinaryPrimitives.ReadUInt64LittleEndian(span[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(span[16..]));
        var labelBytes = (long)header.Flag * sizeof(float);
        if (span.Length - HeaderSize < labelBytes)
            throw new InvalidDataException(
                $"Image record {header.Id} declares {header.Flag} label floats but the payload has only {span.Length - HeaderSize} bytes after the header");
        var label = new float[header.Flag];
        for (var i = 0; i < label.Length; i++)
            label[i] = BinaryPrimitives.ReadSingleLittleEndian(span[(HeaderSize + sizeof(float) * i)..]);
        return new UnpackedRecord(header, label, payload[(HeaderSize + (int)labelBytes)..]);
    }
}
