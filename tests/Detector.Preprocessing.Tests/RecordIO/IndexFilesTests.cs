using System.Globalization;
using Detector.Preprocessing.RecordIO;

namespace Detector.Preprocessing.Tests.RecordIO;

public sealed class IndexFilesTests
{
    [Theory]
    [InlineData(0UL, 0L, "0\t0\n")]
    [InlineData(42UL, 123456789012L, "42\t123456789012\n")]
    public void IdxLine_IdAndOffset_IsTabSeparated(ulong id, long offset, string expected) =>
        Assert.Equal(expected, IndexFiles.IdxLine(id, offset));

    [Fact]
    public void LstLine_Label_IsIdFloatsAndPathTabSeparated() =>
        Assert.Equal("7\t2\t5\t3\t0.25\t0.1\t1\t0.999\timages/train/a b.jpg\n",
            IndexFiles.LstLine(7, [2f, 5f, 3f, 0.25f, 0.1f, 1f, 0.999f], "images/train/a b.jpg"));

    [Fact]
    public void LstLine_Floats_ParseBackToTheSameFloat32()
    {
        var random = new Random(7);
        var label = Enumerable.Range(0, 200).Select(_ => (float)random.NextDouble()).ToArray();

        var columns = IndexFiles.LstLine(1, label, "x.jpg").TrimEnd('\n').Split('\t');

        var parsed = columns[1..^1].Select(c => float.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(label, parsed);
    }

    [Theory]
    [InlineData("a\tb.jpg")]
    [InlineData("a\nb.jpg")]
    [InlineData("")]
    public void LstLine_PathWithSeparators_Throws(string path) =>
        Assert.Throws<ArgumentException>(() => IndexFiles.LstLine(1, [2f, 5f], path));

    [Fact]
    public void ParseIdx_Lines_GivesIdsAndOffsets() =>
        Assert.Equal([(0UL, 0L), (5UL, 1024L)], IndexFiles.ParseIdx(new StringReader("0\t0\n\n5\t1024\r\n")));

    [Theory]
    [InlineData("0\t0\nx\t5\n", "line 2")]
    [InlineData("1 16\n", "line 1")]
    [InlineData("1\t-16\n", "line 1")]
    public void ParseIdx_BadLine_NamesTheLine(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => IndexFiles.ParseIdx(new StringReader(text)).ToList());

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void RebaseIdx_Offsets_AreShiftedByTheBase() =>
        Assert.Equal("3\t1000\n4\t1016\n", IndexFiles.RebaseIdx("3\t0\n4\t16\n", 1000));

    [Fact]
    public void RebaseIdx_Empty_StaysEmpty() => Assert.Equal("", IndexFiles.RebaseIdx("", 1000));
}
