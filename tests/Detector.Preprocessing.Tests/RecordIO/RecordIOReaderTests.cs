using System.Buffers.Binary;
using Detector.Preprocessing.RecordIO;

namespace Detector.Preprocessing.Tests.RecordIO;

public sealed class RecordIOReaderTests
{
    [Fact]
    public void ReadAll_ManyRandomPayloads_RoundTripsEveryByte()
    {
        var random = new Random(20261126);
        var payloads = Enumerable.Range(0, 600).Select(_ => RandomPayload(random)).ToList();
        using var file = new MemoryStream();
        var writer = new RecordIOWriter(file);
        var offsets = payloads.Select(p => writer.Write(p)).ToList();

        file.Position = 0;
        var read = new RecordIOReader(file).ReadAll().ToList();

        Assert.Equal(payloads.Count, read.Count);
        for (var i = 0; i < payloads.Count; i++)
            Assert.True(payloads[i].AsSpan().SequenceEqual(read[i]), $"record {i} differs");
        for (var i = 0; i < payloads.Count; i += 37)
            Assert.True(payloads[i].AsSpan().SequenceEqual(RecordIOReader.ReadAt(file, offsets[i])), $"record {i} at its offset differs");
    }

    [Fact]
    public void ReadNext_BadMagic_ThrowsWithTheOffset()
    {
        using var file = new MemoryStream();
        var writer = new RecordIOWriter(file);
        writer.Write([1, 2, 3, 4]);
        var second = writer.Write([5, 6, 7, 8]);
        file.GetBuffer()[second] ^= 0xFF;
        file.Position = 0;
        var reader = new RecordIOReader(file);
        reader.ReadNext();

        var error = Assert.Throws<InvalidDataException>(() => reader.ReadNext());

        Assert.Contains($"offset {second}", error.Message);
        Assert.Contains("magic", error.Message);
    }

    [Theory]
    [InlineData(3)]    // inside the chunk header
    [InlineData(10)]   // inside the payload
    [InlineData(17)]   // inside the padding
    public void ReadNext_TruncatedFile_ThrowsInsteadOfReturningPartialData(int keep)
    {
        using var file = new MemoryStream();
        new RecordIOWriter(file).Write([1, 2, 3, 4, 5, 6, 7, 8, 9]);

        var reader = new RecordIOReader(new MemoryStream(file.ToArray()[..keep]));

        Assert.Contains("offset 0", Assert.Throws<InvalidDataException>(() => reader.ReadNext()).Message);
    }

    [Fact]
    public void ReadNext_ChunkFlagsOutOfSequence_Throws()
    {
        // A lone "middle chunk" cannot start a record.
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, RecordIOFormat.Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), RecordIOFormat.EncodeLength(RecordIOFormat.MiddleChunk, 0));

        var error = Assert.Throws<InvalidDataException>(() => new RecordIOReader(new MemoryStream(bytes)).ReadNext());

        Assert.Contains("out of sequence", error.Message);
    }

    [Fact]
    public void ReadNext_EmptyStream_ReturnsNull() => Assert.Null(new RecordIOReader(new MemoryStream()).ReadNext());

    [Fact]
    public void ReadAt_EndOfStream_Throws()
    {
        using var file = new MemoryStream();
        new RecordIOWriter(file).Write([1, 2, 3, 4]);

        Assert.Throws<InvalidDataException>(() => RecordIOReader.ReadAt(file, file.Length));
    }

    private static byte[] RandomPayload(Random random)
    {
        var payload = new byte[random.Next(0, 300)];
        random.NextBytes(payload);
        // Plant the magic often, at aligned and unaligned offsets, sometimes back to back, sometimes at the very end.
        var plants = random.Next(0, 4);
        for (var i = 0; i < plants && payload.Length >= 4; i++)
        {
            var at = random.Next(0, payload.Length - 3);
            if (random.Next(2) == 0)
                at &= ~3;
            BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(at), RecordIOFormat.Magic);
        }
        return payload;
    }
}
