using Detector.Operator.Validation;

namespace Detector.Operator.Tests.Validation;

/// <summary>metadata.name: DNS-1123 subdomain, and short enough that every derived name keeps it whole.</summary>
public class ObjectNameRulesTests
{
    [Theory]
    [InlineData("Dataset", "aquarium", null)]
    [InlineData("Dataset", "aquarium.v2", null)]
    [InlineData("Dataset", "Aquarium", "lowercase RFC 1123 subdomain")]
    [InlineData("Dataset", "-aquarium", "lowercase RFC 1123 subdomain")]
    [InlineData("Dataset", "aqua_rium", "lowercase RFC 1123 subdomain")]
    [InlineData("Dataset", "", "Required value")]
    [InlineData("Dataset", "a234567890123456789012345678901234567890123456", null)]
    [InlineData("Dataset", "a2345678901234567890123456789012345678901234567", "no more than 46 characters for a Dataset")]
    [InlineData("TrainingRun", "a23456789012345678901234567890123456789012345678901234", null)]
    [InlineData("TrainingRun", "a234567890123456789012345678901234567890123456789012345", "no more than 54 characters")]
    [InlineData("TuningRun", "a2345678901234567890123", null)]
    [InlineData("TuningRun", "a23456789012345678901234", "no more than 23 characters for a TuningRun")]
    [InlineData("RegisteredModel", "a234567890123456789012345678901234567890123456789012345", "no more than 54 characters")]
    [InlineData("DetectionEndpoint", "a234567890123456789012345678901234567890123456789", "no more than 48 characters")]
    public void Check_Table(string kind, string name, string? expected)
    {
        var problem = ObjectNameRules.Check(kind, name);

        if (expected is null)
            Assert.Null(problem);
        else
            Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_254Characters_FailsTheSubdomainRule() =>
        Assert.Contains("at most 253 characters", ObjectNameRules.Check("Dataset", new string('a', 254)), StringComparison.Ordinal);
}
