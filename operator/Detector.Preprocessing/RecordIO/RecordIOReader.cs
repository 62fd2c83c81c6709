namespace Detector.Preprocessing.RecordIO;

/// <summary>Reads dmlc RecordIO records, re-joining split records. Used by tests and the checker.</summary>
public sealed class RecordIOReader(Stream input)
{
    /// <summary>The next record's payload, or null at a clean end of stream; throws <see cref="InvalidDataException"/> with the offset on corruption.</summary>
    public byte[]? ReadNext()
    {
        _ = input;
        throw new NotImplementedException();
    }

    /// <summary>All remaining records.</summary>
    public IEnumerable<byte[]> ReadAll()
    {
        while (ReadNext() is { } record)
            yield return record;
    }

    /// <summary>Reads the record starting at <paramref name="offset"/> (an .idx offset).</summary>
    public static byte[] ReadAt(Stream stream, long offset)
    {
        throw new NotImplementedException();
    }
}
