using Detector.Preprocessing.Geometry;
using Detector.Preprocessing.Labels;

namespace Detector.Preprocessing.Tests.Labels;

public sealed class YoloLabelParserTests
{
    [Theory]
    [InlineData("0 0.5 0.5 0.2 0.2", null)]
    [InlineData("6 0.5 0.5 0.2 0.2", null)]                       // last class
    [InlineData("1\t0.5\t0.5\t0.2\t0.2", null)]                   // tabs
    [InlineData("  1   0.5 0.5  0.2 0.2  ", null)]                // extra spaces
    [InlineData("1 5e-1 0.5 1e-3 0.2", null)]                     // exponent notation
    [InlineData("2.0 0.5 0.5 0.2 0.2", null)]                     // integral class written as a float
    [InlineData("hello world", LabelIssueCodes.Unparseable)]
    [InlineData("0 0.5 0.5 0.2", LabelIssueCodes.Unparseable)]    // 4 columns
    [InlineData("0 0.5 0.5 0.2 0.2 0.9", LabelIssueCodes.Unparseable)] // 6 columns (segmentation or confidence)
    [InlineData("0 0,5 0.5 0.2 0.2", LabelIssueCodes.Unparseable)] // decimal comma
    [InlineData("0 NaN 0.5 0.2 0.2", LabelIssueCodes.Unparseable)]
    [InlineData("0 Infinity 0.5 0.2 0.2", LabelIssueCodes.Unparseable)]
    [InlineData("fish 0.5 0.5 0.2 0.2", LabelIssueCodes.Unparseable)]
    [InlineData("7 0.5 0.5 0.2 0.2", LabelIssueCodes.ClassOutOfRange)]
    [InlineData("-1 0.5 0.5 0.2 0.2", LabelIssueCodes.ClassOutOfRange)]
    [InlineData("1.5 0.5 0.5 0.2 0.2", LabelIssueCodes.ClassOutOfRange)]
    [InlineData("4 0.58 0.29 0 0", LabelIssueCodes.NonPositiveSize)] // the aquarium dataset's defect
    [InlineData("0 0.5 0.5 -0.2 0.2", LabelIssueCodes.NonPositiveSize)]
    [InlineData("0 0.5 0.5 0.2 0", LabelIssueCodes.NonPositiveSize)]
    [InlineData("0 -0.5 0.5 0.2 0.2", LabelIssueCodes.OutOfBounds)]
    [InlineData("0 0.5 1.5 0.2 0.2", LabelIssueCodes.OutOfBounds)]
    [InlineData("0 0.5 0.5 1.2 0.2", LabelIssueCodes.OutOfBounds)]
    [InlineData("0 0.95 0.5 0.2 0.2", LabelIssueCodes.OutOfBounds)]    // right edge at 1.05
    [InlineData("0 0.098 0.5 0.2 0.2", LabelIssueCodes.OutOfBounds)]   // left edge at −0.002, beyond the 1e-3 tolerance
    [InlineData("0 0.0995 0.5 0.2 0.2", null)]                         // left edge at −0.0005: within tolerance, clamped
    [InlineData("0 0.5 0.5 1.0005 0.2", null)]                         // width just over 1 from rounding: clamped
    public void Parse_Line_AcceptsOrReportsTheRightIssue(string line, string? expectedCode)
    {
        var parsed = YoloLabelParser.Parse(line, classCount: 7);

        if (expectedCode is null)
        {
            Assert.Empty(parsed.Issues);
            Assert.Equal(1, Assert.Single(parsed.Boxes).Line);
        }
        else
        {
            Assert.Empty(parsed.Boxes);
            var issue = Assert.Single(parsed.Issues);
            Assert.Equal((1, expectedCode), (issue.Line, issue.Code));
        }
    }

    [Fact]
    public void Parse_EdgeWithinTolerance_ClampsTheCornersToTheImage()
    {
        var parsed = YoloLabelParser.Parse("3 0.0995 0.5 0.2 0.2", classCount: 7);

        var corners = BoxConversion.ToCorners(Assert.Single(parsed.Boxes).Box);
        Assert.Equal(new BoxCorners(3, 0, 0.4, 0.1995, 0.6), corners with
        {
            XMin = Math.Round(corners.XMin, 12), YMin = Math.Round(corners.YMin, 12),
            XMax = Math.Round(corners.XMax, 12), YMax = Math.Round(corners.YMax, 12),
        });
    }

    [Fact]
    public void Parse_BoxInsideTheImage_KeepsTheValuesExactly()
    {
        var parsed = YoloLabelParser.Parse("1 0.123456789 0.5 0.2 0.3", classCount: 7);

        Assert.Equal(new YoloBox(1, 0.123456789, 0.5, 0.2, 0.3), Assert.Single(parsed.Boxes).Box);
    }

    [Fact]
    public void Parse_CustomTolerance_WidensTheClamp()
    {
        const string line = "0 0.98 0.5 0.1 0.1"; // right edge at 1.03

        Assert.Equal(LabelIssueCodes.OutOfBounds, Assert.Single(YoloLabelParser.Parse(line, 7).Issues).Code);
        Assert.Single(YoloLabelParser.Parse(line, 7, tolerance: 0.05).Boxes);
    }

    [Fact]
    public void Parse_MixedFile_NumbersLinesFromOneAndSkipsBlankLines()
    {
        const string text = "0 0.5 0.5 0.2 0.2\r\n\r\n   \n9 0.5 0.5 0.2 0.2\n1 0.25 0.25 0.1 0.1\ngarbage\n";

        var parsed = YoloLabelParser.Parse(text, classCount: 7);

        Assert.Equal([1, 5], parsed.Boxes.Select(b => b.Line));
        Assert.Equal([(4, LabelIssueCodes.ClassOutOfRange), (6, LabelIssueCodes.Unparseable)],
            parsed.Issues.Select(i => (i.Line, i.Code)));
    }

    [Fact]
    public void Parse_EmptyText_GivesNothing()
    {
        var parsed = YoloLabelParser.Parse("", classCount: 7);

        Assert.Empty(parsed.Boxes);
        Assert.Empty(parsed.Issues);
    }

    [Fact]
    public void Parse_UnparseableLine_QuotesItTruncated()
    {
        var line = "x " + new string('7', 200);

        var issue = Assert.Single(YoloLabelParser.Parse(line, 7).Issues);

        Assert.Contains("line 1", issue.Message);
        Assert.Contains("\"x 777", issue.Message);
        Assert.True(issue.Message.Length < 150, issue.Message);
    }

    [Fact]
    public void Parse_ClassOutOfRange_NamesTheClassAndTheRange()
    {
        var issue = Assert.Single(YoloLabelParser.Parse("12 0.5 0.5 0.2 0.2", 7).Issues);

        Assert.Contains("12", issue.Message);
        Assert.Contains("[0, 7)", issue.Message);
    }

    [Fact]
    public void Parse_MoreIssuesThanTheBudget_ListsTheFirstAndCountsTheRestPerCode()
    {
        var text = "0 0.5 0.5 0.1 0.1\n" + string.Concat(Enumerable.Repeat("x\n", 5)) + string.Concat(Enumerable.Repeat("7 0.5 0.5 0.1 0.1\n", 3));

        var parsed = YoloLabelParser.Parse(text, classCount: 2, maxIssues: 2);

        Assert.Single(parsed.Boxes);
        Assert.Equal([2, 3], parsed.Issues.Select(i => i.Line));
        Assert.Equal(3, parsed.OmittedIssues[LabelIssueCodes.Unparseable]);
        Assert.Equal(3, parsed.OmittedIssues[LabelIssueCodes.ClassOutOfRange]);
    }

    [Fact]
    public void Parse_ControlCharactersInALine_AreEscapedInTheMessage()
    {
        var issue = Assert.Single(YoloLabelParser.Parse("0 \u001b[2J 0.5\n", classCount: 1).Issues);

        Assert.Contains("\\x1B[2J", issue.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', issue.Message);
    }
}
