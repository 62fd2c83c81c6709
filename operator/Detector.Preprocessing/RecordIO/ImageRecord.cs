namespace Detector.Preprocessing.RecordIO;

/// <summary>MXNet's IRHeader: struct 'IfQQ' (flag, label, id, id2), 24 bytes little-endian.</summary>
/// <param name="Flag">Number of label floats that follow the header (0 = the scalar <paramref name="Label"/> is the label).</param>
/// <param name="Label">Scalar label; 0 when the label is a vector.</param>
/// <param name="Id">Record id (the .idx/.lst key).</param>
/// <param name="Id2">Unused by im2rec; 0.</param>
public readonly record struct ImageRecordHeader(uint Flag, float Label, ulong Id, ulong Id2);

/// <summary>A decoded image record payload.</summary>
/// <param name="Header">The IRHeader.</param>
/// <param name="Label">The label floats (Flag of them).</param>
/// <param name="Image">The encoded image bytes.</param>
public sealed record UnpackedRecord(ImageRecordHeader Header, float[] Label, ReadOnlyMemory<byte> Image);

/// <summary>Builds and reads MXNet image record payloads (recordio.pack with a vector label).</summary>
public static class ImageRecord
{
    /// <summary>Size of the packed IRHeader in bytes.</summary>
    public const int HeaderSize = 24;

    /// <summary>Header (flag = label length, label = 0, id, id2 = 0), the label float32s, then the image bytes.</summary>
    public static byte[] Pack(ulong id, ReadOnlySpan<float> label, ReadOnlySpan<byte> image)
    {
        throw new NotImplementedException();
    }

    /// <summary>Splits a payload into header, label and image; throws <see cref="InvalidDataException"/> when too short.</summary>
    public static UnpackedRecord Unpack(ReadOnlyMemory<byte> payload)
    {
        throw new NotImplementedException();
    }
}
