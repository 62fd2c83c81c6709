using System.Buffers.Binary;

namespace Detector.Preprocessing.RecordIO;

/// <summary>
/// Reads dmlc RecordIO records, re-joining split records (re-inserting the magic between chunks, as
/// dmlc-core's RecordIOReader does). Used by tests and the output checker. Stricter than dmlc-core: a chunk
/// flag out of sequence is reported instead of silently producing a wrong record.
/// </summary>
public sealed class RecordIOReader
{
    private readonly Stream _input;
    private long _offset;

    /// <summary>Reads from the current position of <paramref name="input"/>.</summary>
    public RecordIOReader(Stream input) : this(input, 0) { }

    private RecordIOReader(Stream input, long offset) =>
        (_input, _offset) = (input ?? throw new ArgumentNullException(nameof(input)), offset);

    /// <summary>The next record's payload, or null at a clean end of stream; throws <see cref="InvalidDataException"/> with the offset on corruption.</summary>
    public byte[]? ReadNext()
    {
        var record = new MemoryStream();
        var recordOffset = _offset;
        Span<byte> header = stackalloc byte[RecordIOFormat.ChunkHeaderSize];
        Span<byte> magicBytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(magicBytes, RecordIOFormat.Magic);
        for (var chunkIndex = 0; ; chunkIndex++)
        {
            var chunkOffset = _offset;
            var read = _input.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            if (read == 0 && chunkIndex == 0)
                return null;
            if (read < header.Length)
                throw Corrupt(chunkOffset, $"the stream ends inside a chunk header ({read} of 8 bytes)");
            _offset += read;
            var magic = BinaryPrimitives.ReadUInt32LittleEndian(header);
            if (magic != RecordIOFormat.Magic)
                throw Corrupt(chunkOffset, $"bad magic 0x{magic:X8} (expected 0x{RecordIOFormat.Magic:X8})");
            var lengthWord = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
            var flag = RecordIOFormat.DecodeFlag(lengthWord);
            var length = RecordIOFormat.DecodeLength(lengthWord);
            var expected = chunkIndex == 0
                ? flag is RecordIOFormat.WholeRecord or RecordIOFormat.FirstChunk
                : flag is RecordIOFormat.MiddleChunk or RecordIOFormat.LastChunk;
            if (!expected)
                throw Corrupt(chunkOffset, $"chunk flag {flag} out of sequence in the record starting at offset {recordOffset}");

            var padded = RecordIOFormat.Align4(length);
            var buffer = new byte[padded];
            var got = _input.ReadAtLeast(buffer, padded, throwOnEndOfStream: false);
            if (got < padded)
                throw Corrupt(chunkOffset, $"the stream ends inside a chunk ({got} of {padded} bytes)");
            _offset += padded;
            record.Write(buffer, 0, length);
            if (flag is RecordIOFormat.WholeRecord or RecordIOFormat.LastChunk)
                return record.ToArray();
            record.Write(magicBytes);
        }
    }

    /// <summary>All remaining records.</summary>
    public IEnumerable<byte[]> ReadAll()
    {
        while (ReadNext() is { } record)
            yield return record;
    }

    /// <summary>Reads the record starting at <paramref name="offset"/> (an .idx offset); the stream must be seekable.</summary>
    public static byte[] ReadAt(Stream stream, long offset)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Seek(offset, SeekOrigin.Begin);
        return new RecordIOReader(stream, offset).ReadNext()
            ?? throw Corrupt(offset, "no record there: the offset is at the end of the stream");
    }

    private static InvalidDataException Corrupt(long offset, string detail) =>
        new($"Invalid RecordIO data at offset {offset}: {detail}");
}
