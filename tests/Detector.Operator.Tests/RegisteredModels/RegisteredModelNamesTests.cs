using Detector.Operator.RegisteredModels;
using Detector.Operator.Tests.DetectionEndpoints;

namespace Detector.Operator.Tests.RegisteredModels;

public sealed class RegisteredModelNamesTests
{
    [SkippableTheory]
    [InlineData("birds")]
    [InlineData("a")]
    [InlineData("Very.Long_name-with-many-parts-that-goes-on-and-on-well-past-sixty-three-characters-of-kubernetes")]
    [InlineData("---")]
    public void Group_AnyObjectName_FitsTheModelPackageGroupShape(string name)
    {
        var group = RegisteredModelNames.Group(RegisteredModelSamples.Model(name: name));

        Assert.InRange(group.Length, 1, RegisteredModelNames.MaxGroupLength);
        Assert.True(AwsRequestCheck.MatchesShape("EntityName", group), group);
    }

    [Fact]
    public void Group_RecreatedObject_AdoptsTheSameGroup()
    {
        var first = RegisteredModelNames.Group(RegisteredModelSamples.Model(uid: "uid-1"));
        var again = RegisteredModelNames.Group(RegisteredModelSamples.Model(uid: "uid-2"));

        Assert.Equal(first, again);
        Assert.StartsWith("birds-", first);
    }

    [Fact]
    public void Group_OtherNamespaceOrName_DiffersEvenWhenTruncated()
    {
        var longName = new string('m', 80);
        var a = RegisteredModelSamples.Model(name: longName + "a");
        var b = RegisteredModelSamples.Model(name: longName + "b");
        var otherNamespace = RegisteredModelSamples.Model();
        otherNamespace.Metadata.NamespaceProperty = "other";

        Assert.NotEqual(RegisteredModelNames.Group(a), RegisteredModelNames.Group(b));
        Assert.NotEqual(RegisteredModelSamples.Group, RegisteredModelNames.Group(otherNamespace));
    }

    [SkippableTheory]
    [InlineData("birds-1a2b3c4d", "birds-run-1a2b3c4d")]
    [InlineData("g", "J")]
    public void ClientToken_GroupAndJob_FitsTheModelAndIsDeterministic(string group, string job)
    {
        var token = RegisteredModelNames.ClientToken(group, job);

        Assert.Equal(RegisteredModelNames.ClientTokenLength, token.Length);
        Assert.True(AwsRequestCheck.MatchesShape("ClientToken", token), token);
        Assert.Equal(token, RegisteredModelNames.ClientToken(group.ToUpperInvariant(), job.ToUpperInvariant()));
    }

    [Fact]
    public void ClientToken_OtherJobOrGroup_Differs()
    {
        var token = RegisteredModelNames.ClientToken("g", "job-1");

        Assert.NotEqual(token, RegisteredModelNames.ClientToken("g", "job-2"));
        Assert.NotEqual(token, RegisteredModelNames.ClientToken("h", "job-1"));
    }
}
