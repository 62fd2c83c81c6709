using Detector.Operator.Runtime;

namespace Detector.Operator.Tests.Runtime;

public sealed class LabelSelectorMatchTests
{
    [Theory]
    [InlineData(null, "", true)]
    [InlineData("", "team=fish", true)]
    [InlineData("team=fish", "team=fish", true)]
    [InlineData("team==fish", "team=fish", true)]
    [InlineData("team=fish", "team=birds", false)]
    [InlineData("team=fish", "", false)]
    [InlineData("team!=fish", "", true)]
    [InlineData("team!=fish", "team=fish", false)]
    [InlineData("team!=fish", "team=birds", true)]
    [InlineData("team", "team=fish", true)]
    [InlineData("team", "", false)]
    [InlineData("!team", "", true)]
    [InlineData("!team", "team=fish", false)]
    [InlineData("team=fish,tier=gold", "team=fish,tier=gold", true)]
    [InlineData("team=fish,tier=gold", "team=fish", false)]
    [InlineData("detector.dev/dataset=aquarium", "detector.dev/dataset=aquarium", true)]
    [InlineData("team=", "team=", true)]
    public void Equality_MatchesAsTheApiServer(string? selector, string labels, bool expected)
    {
        Assert.True(LabelSelectorMatch.TryParse(selector, out var matches));
        Assert.Equal(expected, matches(Labels(labels)));
    }

    [Theory]
    [InlineData("team in (fish,birds)")]
    [InlineData("team notin (fish)")]
    [InlineData("=fish")]
    [InlineData("team=fish,,tier=gold")]
    [InlineData("team=a=b")]
    public void SetBasedOrMalformed_IsNotParsed_SoTheServerAnswers(string selector) =>
        Assert.False(LabelSelectorMatch.TryParse(selector, out _));

    private static Dictionary<string, string>? Labels(string text) =>
        text.Length == 0 ? null : text.Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
}
