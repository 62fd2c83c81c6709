using Detector.Preprocessing.RecordIO;

namespace Detector.Preprocessing.Tests.RecordIO;

public sealed class RecordIOWriterGoldenTests
{
    [Theory]
    [InlineData("recordio-small.hex", "01 02 03 04 05")]
    [InlineData("recordio-split-two.hex", "AA BB CC DD 0A 23 D7 CE 11 22 33")]
    [InlineData("recordio-split-three.hex", "0A 23 D7 CE 01 02 03 04 0A 23 D7 CE")]
    [InlineData("recordio-unaligned-magic.hex", "00 0A 23 D7 CE")]
    public void Write_Payload_MatchesTheHandComputedBytes(string golden, string payloadHex)
    {
        var payload = Convert.FromHexString(payloadHex.Replace(" ", ""));
        using var output = new MemoryStream();
        var writer = new RecordIOWriter(output);

        var offset = writer.Write(payload);

        Assert.Equal(0, offset);
        Assert.Equal(Convert.ToHexString(GoldenHex.Read(golden)), Convert.ToHexString(output.ToArray()));
        Assert.Equal(output.Length, writer.Position);
    }

    [Theory]
    [InlineData("recordio-small.hex", "01 02 03 04 05")]
    [InlineData("recordio-split-two.hex", "AA BB CC DD 0A 23 D7 CE 11 22 33")]
    [InlineData("recordio-split-three.hex", "0A 23 D7 CE 01 02 03 04 0A 23 D7 CE")]
    [InlineData("recordio-unaligned-magic.hex", "00 0A 23 D7 CE")]
    public void ReadNext_GoldenBytes_ReassemblesThePayload(string golden, string payloadHex)
    {
        var reader = new RecordIOReader(new MemoryStream(GoldenHex.Read(golden)));

        var record = reader.ReadNext();

        Assert.Equal(payloadHex.Replace(" ", ""), Convert.ToHexString(record!));
        Assert.Null(reader.ReadNext());
    }

    [Fact]
    public void Pack_ImageRecord_MatchesTheHandComputedBytes()
    {
        var payload = ImageRecord.Pack(7, [2f, 5f, 3f, 0.25f, 0.5f, 0.75f, 1f], [0xFF, 0xD8, 0xFF, 0xD9]);
        using var output = new MemoryStream();

        new RecordIOWriter(output).Write(payload);

        Assert.Equal(Convert.ToHexString(GoldenHex.Read("recordio-image-record.hex")), Convert.ToHexString(output.ToArray()));
    }

    [Fact]
    public void Write_SeveralRecords_ReturnsEachStartOffset()
    {
        using var output = new MemoryStream();
        var writer = new RecordIOWriter(output);

        var offsets = new[] { writer.Write([1, 2, 3, 4, 5]), writer.Write([]), writer.Write([9, 9, 9, 9]) };

        // 8 + 5 + 3 padding = 16; an empty record is just its 8-byte header.
        Assert.Equal([0L, 16L, 24L], offsets);
        Assert.Equal(36, writer.Position);
    }
}
