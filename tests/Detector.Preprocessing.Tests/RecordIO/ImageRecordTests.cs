using Detector.Preprocessing.RecordIO;

namespace Detector.Preprocessing.Tests.RecordIO;

public sealed class ImageRecordTests
{
    [Fact]
    public void Unpack_PackedRecord_GivesBackHeaderLabelAndImage()
    {
        float[] label = [2f, 5f, 6f, 0.125f, 0.2f, 0.9f, 0.99f];
        byte[] image = [0xFF, 0xD8, 1, 2, 3, 0xFF, 0xD9];

        var record = ImageRecord.Unpack(ImageRecord.Pack(123456789012UL, label, image));

        Assert.Equal(new ImageRecordHeader(7, 0f, 123456789012UL, 0), record.Header);
        Assert.Equal(label, record.Label);
        Assert.Equal(image, record.Image.ToArray());
    }

    [Fact]
    public void Unpack_ScalarLabel_GivesAnEmptyVector()
    {
        var payload = new byte[ImageRecord.HeaderSize + 2];

        var record = ImageRecord.Unpack(payload);

        Assert.Equal(0u, record.Header.Flag);
        Assert.Empty(record.Label);
        Assert.Equal(2, record.Image.Length);
    }

    [Fact]
    public void Unpack_ShorterThanTheHeader_Throws() =>
        Assert.Throws<InvalidDataException>(() => ImageRecord.Unpack(new byte[10]));

    [Fact]
    public void Unpack_LabelLongerThanThePayload_Throws()
    {
        var payload = ImageRecord.Pack(1, [2f, 5f, 0f, 0f, 0f, 1f, 1f], []);

        var error = Assert.Throws<InvalidDataException>(() => ImageRecord.Unpack(payload.AsMemory(0, payload.Length - 4)));

        Assert.Contains("7 label floats", error.Message);
    }
}
