using System.Buffers.Binary;

namespace Detector.Preprocessing.RecordIO;

/// <summary>
/// Writes dmlc RecordIO records to a stream, splitting payloads that contain the magic word exactly like
/// dmlc-core's RecordIOWriter::WriteRecord. Not thread-safe: one writer thread per stream.
/// </summary>
public sealed class RecordIOWriter(Stream output)
{
    private readonly Stream _output = output ?? throw new ArgumentNullException(nameof(output));

    /// <summary>Bytes written so far (offset the next record will start at, relative to where writing began).</summary>
    public long Position { get; private set; }

    /// <summary>Writes one record and returns its start offset (for the .idx file).</summary>
    public long Write(ReadOnlySpan<byte> payload)
    {
        if (payload.Length > RecordIOFormat.MaxLength)
            throw new ArgumentException($"A RecordIO record holds at most {RecordIOFormat.MaxLength} bytes; got {payload.Length}", nameof(payload));
        var start = Position;
        // A reader resynchronizes on the magic, so an aligned magic inside the payload would be mistaken for a
        // record start: dmlc-core cuts the payload there, drops those 4 bytes and lets the reader put them back.
        var chunkStart = 0;
        var alignedEnd = payload.Length & ~3;
        for (var i = 0; i < alignedEnd; i += 4)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(payload[i..]) != RecordIOFormat.Magic)
                continue;
            var flag = chunkStart == 0 ? RecordIOFormat.FirstChunk : RecordIOFormat.MiddleChunk;
            WriteChunk(flag, payload[chunkStart..i]);
            chunkStart = i + 4;
        }
        WriteChunk(chunkStart == 0 ? RecordIOFormat.WholeRecord : RecordIOFormat.LastChunk, payload[chunkStart..]);
        return start;
    }

    private void WriteChunk(uint flag, ReadOnlySpan<byte> chunk)
    {
        Span<byte> header = stackalloc byte[RecordIOFormat.ChunkHeaderSize];
        BinaryPrimitives.WriteUInt32LittleEndian(header, RecordIOFormat.Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], RecordIOFormat.EncodeLength(flag, chunk.Length));
        _output.Write(header);
        _output.Write(chunk);
        // Only the last chunk can be unaligned: the others end at an aligned magic.
        var padding = RecordIOFormat.Align4(chunk.Length) - chunk.Length;
        if (padding > 0)
            _output.Write(stackalloc byte[padding]);
        Position += RecordIOFormat.ChunkHeaderSize + chunk.Length + padding;
    }
}
