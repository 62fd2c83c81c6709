using Detector.Preprocessing.Pipeline;

namespace Detector.Preprocessing.Tests.Pipeline;

public class ShardSpecTests
{
    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("3/8", 3, 8)]
    public void Parse_Valid_ReturnsIndexAndCount(string value, int index, int count)
    {
        Assert.Equal(new ShardSpec(index, count), ShardSpec.Parse(value));
    }

    [Theory]
    [InlineData("8/8")]
    [InlineData("-1/2")]
    [InlineData("1")]
    [InlineData("a/b")]
    [InlineData("0/0")]
    public void Parse_Invalid_ThrowsNamingValue(string value)
    {
        Assert.Contains(value, Assert.Throws<FormatException>(() => ShardSpec.Parse(value)).Message);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(2, 3)]
    [InlineData(10, 3)]
    [InlineData(190, 8)]
    public void RangeOf_AllShards_CoverEveryItemOnceInOrder(int total, int shards)
    {
        var covered = Enumerable.Range(0, shards).SelectMany(i =>
        {
            var (start, end) = new ShardSpec(i, shards).RangeOf(total);
            return Enumerable.Range(start, end - start);
        });

        Assert.Equal(Enumerable.Range(0, total), covered);
    }

    [Fact]
    public void PartName_UsesZeroPaddedIndexAndCount()
    {
        Assert.Equal("parts/train.part-00003-of-00008.rec", new ShardSpec(3, 8).PartName("train", ".rec"));
    }
}
