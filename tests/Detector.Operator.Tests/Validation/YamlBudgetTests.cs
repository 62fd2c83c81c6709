using Detector.Operator.Cli;
using Detector.Operator.Validation;

namespace Detector.Operator.Tests.Validation;

/// <summary>validate's YAML reader stops alias bombs, deep nesting and huge files at their budgets, with the line.</summary>
public class YamlBudgetTests
{
    [Fact]
    public void Parse_BillionLaughs_StopsAtTheNodeBudget()
    {
        var error = Assert.Throws<FormatException>(() => YamlDocuments.Parse(HostileFiles.BillionLaughs()));

        Assert.Contains("more than 200,000 nodes once aliases are expanded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FortyThousandOpenBrackets_StopsAtTheDepthBudgetWithoutRecursion()
    {
        var error = Assert.Throws<FormatException>(() => YamlDocuments.Parse("a: " + new string('[', 40_000)));

        Assert.Contains("nested deeper than the limit of 100 levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TextLongerThanTheBudget_IsRefusedBeforeParsing()
    {
        var error = Assert.Throws<FormatException>(() => YamlDocuments.Parse("a: 1234567890\n", new YamlBudget(MaxBytes: 5, MaxDepth: 10, MaxNodes: 10)));

        Assert.Contains("more than the limit of 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AliasesWithinTheBudget_ExpandToCopies()
    {
        var document = YamlDocuments.Parse("base: &b {cpu: 2, tags: [a, b]}\nfirst: *b\nsecond: *b\n").Single()!;

        Assert.Equal("""{"cpu":2,"tags":["a","b"]}""", document["second"]!.ToJsonString());
        Assert.Equal(document["first"]!.ToJsonString(), document["base"]!.ToJsonString());
    }

    [Theory]
    [InlineData("? [a]\n: 1\n", "mapping keys must be strings")]
    [InlineData("a: *nope\n", "unknown alias")]
    public void Parse_MalformedStructure_ThrowsFormatException(string yaml, string expected)
    {
        var error = Assert.Throws<FormatException>(() => YamlDocuments.Parse(yaml));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
