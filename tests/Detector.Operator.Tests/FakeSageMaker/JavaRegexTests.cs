using Detector.Operator.Tests.Fakes.SageMaker;
using Detector.Testing;

namespace Detector.Operator.Tests.FakeSageMakerTests;

public sealed class JavaRegexTests
{
    [SkippableFact]
    public void Compile_EveryPatternOfBothModels_Succeeds()
    {
        var patterns = new[] { SharedData.SageMakerModel, SharedData.RequireFile("aws-models/sagemaker-runtime-2017-05-13.json") }
            .SelectMany(path => ServiceModel.Load(path).Shapes.Values)
            .Select(s => s.Pattern).OfType<string>().Distinct().ToList();

        var broken = patterns.Select(p => (Pattern: p, Error: Try(p))).Where(r => r.Error is not null).ToList();

        Assert.True(patterns.Count > 200, $"only {patterns.Count} patterns found");
        Assert.Empty(broken);
    }

    [Theory]
    [InlineData("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}", "train-1", true)]
    [InlineData("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}", "train-1-", false)] // full match, not a prefix match
    [InlineData("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}", "xtrain_1", false)]
    [InlineData(@"\d+", "١٢", false)]                                   // Java's \d is ASCII only
    [InlineData(@"\w+", "é", false)]
    [InlineData(".*", "a\nb", false)]                                    // Java's . stops at line terminators
    [InlineData(".*", "a\u2028b", false)]
    [InlineData(@"arn:[\p{Alnum}\-]+:lambda", "arn:aws-cn:lambda", true)]
    [InlineData(@"arn:[\p{Alnum}\-]+:lambda", "arn:aws_x:lambda", false)]
    [InlineData(@"([\p{L}\p{Z}\p{N}_.:\/=+\-@]*)${1,128}", "a b", true)] // a quantified $ is a no-op in Java
    [InlineData(@"[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\t]*", "ok \U0001F600", true)]
    [InlineData(@"[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\t]*", "no\u0001", false)]
    [InlineData(@"(?!^[.-])^([a-zA-Z0-9-_.]+)", "-x", false)]
    [InlineData(@"(?!^[.-])^([a-zA-Z0-9-_.]+)", "x-_.y", true)]
    public void FullMatch_JavaSemantics(string pattern, string value, bool matches) =>
        Assert.Equal(matches, JavaRegex.FullMatch(pattern, value));

    private static string? Try(string pattern)
    {
        try
        {
            JavaRegex.Compile(pattern);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}
