using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Datasets;
using k8s.Models;

namespace Detector.Operator.Tests.Datasets;

public sealed class DatasetNamesTests
{
    public static TheoryData<string, Func<DatasetSpec, DatasetSpec>> DataChanges => new()
    {
        { "source", s => s with { Source = new DatasetSource { Http = new HttpSource { Url = "https://example.com/a.zip" } } } },
        { "classes", s => s with { Classes = ["fish", "shark"] } },
        { "classes order", s => s with { Classes = ["penguin", "jellyfish", "fish"] } },
        { "image size", s => s with { Preprocessing = s.Preprocessing with { ImageSize = 300 } } },
        { "pad color", s => s with { Preprocessing = s.Preprocessing with { PadColor = "#000000" } } },
        { "jpeg quality", s => s with { Preprocessing = s.Preprocessing with { JpegQuality = 80 } } },
        { "validation fraction", s => s with { Split = s.Split with { ValidationFraction = 0.1 } } },
        { "seed", s => s with { Split = s.Split with { Seed = 7 } } },
        { "test split", s => s with { Split = s.Split with { TestSplit = "Train" } } },
        { "on invalid", s => s with { Validation = s.Validation with { OnInvalid = "Skip" } } },
        { "max skipped", s => s with { Validation = s.Validation with { MaxSkippedFraction = 0.5 } } },
        { "output", s => s with { Output = new DatasetOutput { S3 = new S3Output { Uri = "s3://elsewhere/x" } } } },
    };

    public static TheoryData<string, Func<DatasetSpec, DatasetSpec>> NonDataChanges => new()
    {
        { "parallelism", s => s with { Parallelism = 8 } },
        { "resources", s => s with { Resources = new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("4") } } } },
        { "service account", s => s with { ServiceAccountName = "other" } },
        { "deletion policy", s => s with { DeletionPolicy = DataDeletionPolicy.Delete } },
        { "credentials secret", s => s with { Source = new DatasetSource { S3 = new S3Source { Uri = "s3://raw/aquarium/", CredentialsSecretName = "x" } } } },
    };

    [Theory]
    [MemberData(nameof(DataChanges))]
    public void SpecHash_FieldThatDefinesTheData_Changes(string field, Func<DatasetSpec, DatasetSpec> edit)
    {
        Assert.True(Hash(DatasetSamples.Dataset()) != Hash(DatasetSamples.Dataset(edit)), $"{field} did not move the hash");
    }

    [Theory]
    [MemberData(nameof(NonDataChanges))]
    public void SpecHash_FieldThatDoesNotChangeTheBytes_StaysTheSame(string field, Func<DatasetSpec, DatasetSpec> edit)
    {
        Assert.True(Hash(DatasetSamples.Dataset()) == Hash(DatasetSamples.Dataset(edit)), $"{field} moved the hash");
    }

    [Fact]
    public void SpecHash_SameSpecInAnotherNamespace_Differs()
    {
        var other = DatasetSamples.Dataset();
        other.Metadata.NamespaceProperty = "other-team";
        Assert.NotEqual(Hash(DatasetSamples.Dataset()), Hash(other));
    }

    [Fact]
    public void SpecHash_SameSpec_IsStableAndShort()
    {
        var hash = Hash(DatasetSamples.Dataset());
        Assert.Equal(hash, Hash(DatasetSamples.Dataset()));
        Assert.Matches("^[0-9a-f]{10}$", hash);
    }

    [Theory]
    [InlineData("s3://prepared/datasets", "s3://prepared/datasets/aquarium-0123456789/")]
    [InlineData("s3://prepared/datasets/", "s3://prepared/datasets/aquarium-0123456789/")]
    [InlineData("s3://prepared", "s3://prepared/aquarium-0123456789/")]
    public void OutputPrefix_OutputUri_IsContentAddressedFolder(string output, string expected)
    {
        var dataset = DatasetSamples.Dataset(s => s with { Output = new DatasetOutput { S3 = new S3Output { Uri = output } } });
        Assert.Equal(expected, DatasetNames.OutputPrefix(dataset, "0123456789"));
    }

    [Theory]
    [InlineData("aquarium", "aquarium-prep-0123456789")]
    [InlineData("fish.v2", "fish-v2-prep-0123456789")]
    [InlineData("a-very-long-dataset-name-that-goes-on-and-on-and-on-forever-and-ever",
        "a-very-long-dataset-name-that-goes-on-and-on-an-prep-0123456789")]
    [InlineData("x.-.y", "x-y-prep-0123456789")]
    public void PrepareJob_Name_IsDns1123WithinLimit(string name, string expected)
    {
        var job = DatasetNames.PrepareJob(DatasetSamples.Dataset(name: name), "0123456789");
        Assert.Equal(expected, job);
        Assert.Matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", job);
        Assert.True(job.Length <= 63);
    }

    [Fact]
    public void MergeJob_LongName_StaysWithinLimit()
    {
        var job = DatasetNames.MergeJob(DatasetSamples.Dataset(name: new string('d', 200)), "0123456789");
        Assert.Equal(63, job.Length);
        Assert.EndsWith("-merge-0123456789", job);
    }

    [Theory]
    [InlineData("aquarium", "aquarium")]
    [InlineData("fish.v2", "fish.v2")]
    public void LabelValue_ShortName_IsTheName(string name, string expected) =>
        Assert.Equal(expected, DatasetNames.LabelValue(name));

    [Fact]
    public void LabelValue_LongName_IsCutWithHashSuffix()
    {
        var a = DatasetNames.LabelValue(new string('a', 100) + "1");
        var b = DatasetNames.LabelValue(new string('a', 100) + "2");
        Assert.Equal(63, a.Length);
        Assert.NotEqual(a, b);
    }

    private static string Hash(Dataset dataset) => DatasetNames.SpecHash(dataset);
}
