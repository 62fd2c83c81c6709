using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runtime;

namespace Detector.Operator.Tests.Runtime;

public sealed class ReferrersTests
{
    [Theory]
    [InlineData("vision", "aquarium", "vision/ssd-a,vision/ssd-b")]
    [InlineData("vision", "birds", "vision/ssd-birds")]
    [InlineData("vision", "fish", "")]
    [InlineData("bars", "aquarium", "")]
    public void Of_ChangedDataset_AreTheRunsOfItsNamespaceThatNameIt(string ns, string dataset, string expected)
    {
        TrainingRun Run(string name, string datasetRef) => new()
        {
            Metadata = new() { NamespaceProperty = "vision", Name = name },
            Spec = new TrainingRunSpec { DatasetRef = datasetRef },
        };
        var runs = new[] { Run("ssd-a", "aquarium"), Run("ssd-b", "aquarium"), Run("ssd-birds", "birds") };

        var keys = Referrers.Of(new Dataset { Metadata = new() { NamespaceProperty = ns, Name = dataset } }, runs, r => r.Spec.DatasetRef);

        Assert.Equal(expected, string.Join(",", keys.Select(k => $"{k.Namespace}/{k.Name}")));
    }
}
