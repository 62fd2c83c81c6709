using System.Reflection;
using System.Text.RegularExpressions;
using Detector.Operator.Runtime;
using Detector.Testing;
using k8s.Models;

namespace Detector.Operator.Tests.Runtime;

public sealed partial class ReasonsTests
{
    private static V1Condition[] Stalled(string status, string reason, long? observedGeneration) =>
        [new() { Type = Conditions.Stalled, Status = status, Reason = reason, Message = "refused: bad role", ObservedGeneration = observedGeneration }];

    [Theory]
    // Stalled status, reason, observedGeneration, object generation, refused again (the message) or not
    [InlineData(Conditions.True, Reasons.SageMakerRejected, 3L, 3L, true)]
    [InlineData(Conditions.True, Reasons.SageMakerRejected, 3L, 4L, false)]      // a new generation is tried once more
    [InlineData(Conditions.True, Reasons.SageMakerRejected, null, 3L, false)]    // no generation observed: try
    [InlineData(Conditions.False, Reasons.SageMakerRejected, 3L, 3L, false)]     // no longer stalled
    [InlineData(Conditions.True, Reasons.InvalidSpec, 3L, 3L, false)]            // stalled for another reason
    [InlineData(Conditions.True, Reasons.Rejected, 3L, 3L, false)]               // the runtime's refusal waits by itself
    [InlineData(Conditions.True, Reasons.AccessDenied, 3L, 3L, false)]           // re-checked on the slow timer instead
    public void RefusedThisGeneration_OnlyARefusalOfThisGeneration_IsReportedAgain(string status, string reason, long? observed,
        long generation, bool refused) =>
        Assert.Equal(refused ? "refused: bad role" : null, Reasons.RefusedThisGeneration(Stalled(status, reason, observed), generation));

    [Fact]
    public void RefusedThisGeneration_NoStatus_ReturnsNull() =>
        Assert.Null(Reasons.RefusedThisGeneration(null, 1));

    [Fact]
    public void OperatorDoc_ListsEveryConditionReasonOfTheVocabulary_AndNoOther()
    {
        var doc = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "operator.md"));
        var section = doc[doc.IndexOf("## When a reconcile fails", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        var documented = TableRow().Matches(section).Select(m => m.Groups["reason"].Value).ToHashSet();

        var conditionReasons = typeof(Reasons).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(Reasons.JobCreated))   // JobCreated is an Event reason only.
            .Select(f => (string)f.GetRawConstantValue()!).ToHashSet();

        Assert.Equal(conditionReasons.Order(), documented.Order());
    }

    [GeneratedRegex(@"^\| `(?<reason>[A-Za-z]+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
