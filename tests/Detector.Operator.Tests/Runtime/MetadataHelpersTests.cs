using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runtime;

namespace Detector.Operator.Tests.Runtime;

public sealed class MetadataHelpersTests
{
    [Fact]
    public void Finalizers_AddRemove_ReportWhetherChanged()
    {
        var ds = KubeSamples.Dataset();
        Assert.True(Finalizers.Add(ds, Finalizers.Cleanup));
        Assert.False(Finalizers.Add(ds, Finalizers.Cleanup));
        Assert.True(ds.HasFinalizer(Finalizers.Cleanup));
        Assert.Equal(["detector.dev/cleanup"], ds.Metadata.Finalizers);
        Assert.True(Finalizers.Remove(ds, Finalizers.Cleanup));
        Assert.False(Finalizers.Remove(ds, Finalizers.Cleanup));
        Assert.Empty(ds.Metadata.Finalizers);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData(" true ", true)]
    [InlineData("false", false)]
    [InlineData("yes", false)]
    public void IsPaused_ReadsAnnotation(string? value, bool paused)
    {
        var ds = KubeSamples.Dataset();
        if (value is not null)
            ds.Metadata.Annotations = new Dictionary<string, string> { [Annotations.PausedName] = value };
        Assert.Equal(paused, Annotations.IsPaused(ds));
    }

    [Fact]
    public void ReconcileRequestedAt_ReadsAnnotation()
    {
        var ds = KubeSamples.Dataset();
        Assert.Null(Annotations.ReconcileRequestedAt(ds));
        ds.Metadata.Annotations = new Dictionary<string, string> { ["detector.dev/reconcile-requested-at"] = "2026-11-26T05:00:00Z" };
        Assert.Equal("2026-11-26T05:00:00Z", Annotations.ReconcileRequestedAt(ds));
    }

    [Theory]
    [InlineData("aquarium", "aquarium-")]
    [InlineData("My_Dataset.V2", "my-dataset-v2-")]
    [InlineData("--a--b--", "a-b-")]
    [InlineData("___", "x-")]
    public void Label_Sanitizes(string name, string prefix)
    {
        var label = Names.Label(name, "uid-1");
        Assert.StartsWith(prefix, label);
        Assert.True(Names.IsDns1123Label(label), label);
        Assert.Equal(prefix.Length + Names.HashLength, label.Length);
    }

    [Fact]
    public void Label_LongName_TruncatesTo63AndKeepsDistinctHashes()
    {
        var name = new string('a', 100);
        var first = Names.Label(name, "uid-1");
        var second = Names.Label(name, "uid-2");
        Assert.Equal(63, first.Length);
        Assert.True(Names.IsDns1123Label(first));
        Assert.NotEqual(first, second);
        Assert.Equal(first, Names.Label(name, "uid-1"));
    }

    [Fact]
    public void ShortHash_SeparatesParts()
    {
        Assert.NotEqual(Names.ShortHash(["ab", "c"]), Names.ShortHash(["a", "bc"]));
        Assert.Equal(Names.HashLength, Names.ShortHash(["x"]).Length);
    }

    [Fact]
    public void ControllerReference_PointsAtOwner()
    {
        var ds = KubeSamples.Dataset();
        ds.Metadata.Uid = "u-1";
        var reference = ds.ControllerReference();
        Assert.Equal((ApiGroup.ApiVersion, "Dataset", "aquarium", "u-1", true), (reference.ApiVersion, reference.Kind, reference.Name, reference.Uid, reference.Controller!.Value));
    }
}
