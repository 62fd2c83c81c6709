namespace Detector.Preprocessing.RecordIO;

/// <summary>
/// Writes dmlc RecordIO records to a stream, splitting payloads that contain the magic word exactly like
/// dmlc-core's RecordIOWriter::WriteRecord. Not thread-safe: one writer thread per stream.
/// </summary>
public sealed class RecordIOWriter(Stream output)
{
    /// <summary>Bytes written so far (offset the next record will start at, relative to where writing began).</summary>
    public long Position { get; private set; }

    /// <summary>Writes one record and returns its start offset (for the .idx file).</summary>
    public long Write(ReadOnlySpan<byte> payload)
    {
        _ = output;
        throw new NotImplementedException();
    }
}
