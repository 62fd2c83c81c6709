using Detector.Preprocessing.Sources;

namespace Detector.Preprocessing.Tests.Sources;

public sealed class SourceLocationTests
{
    [Theory]
    [InlineData("/data/aquarium", SourceKind.Local, "/data/aquarium")]
    [InlineData("file:///data/aquarium", SourceKind.Local, "/data/aquarium")]
    [InlineData("s3://bucket/raw/aquarium/", SourceKind.S3, "s3://bucket/raw/aquarium/")]
    [InlineData("https://example.com/aquarium.zip", SourceKind.Http, "https://example.com/aquarium.zip")]
    [InlineData("http://user:pw@example.com/a.tgz?sig=abc", SourceKind.Http, "http://example.com/a.tgz")]
    [InlineData("kaggle:owner/aquarium-data", SourceKind.Kaggle, "kaggle:owner/aquarium-data")]
    [InlineData("kaggle://owner/aquarium.v2", SourceKind.Kaggle, "kaggle:owner/aquarium.v2")]
    [InlineData("  kaggle:owner/name/  ", SourceKind.Kaggle, "kaggle:owner/name")]
    public void Parse_Table_RecognisesKindAndDescribesWithoutSecrets(string source, SourceKind kind, string description)
    {
        var location = SourceLocation.Parse(source);

        Assert.Equal(kind, location.Kind);
        Assert.Equal(description, location.ToString());
    }

    [Theory]
    [InlineData("ftp://example.com/a.zip")]
    [InlineData("gs://bucket/data")]
    public void Parse_UnknownScheme_ThrowsListingAcceptedForms(string source)
    {
        var error = Assert.Throws<FormatException>(() => SourceLocation.Parse(source));

        Assert.Contains(source, error.Message, StringComparison.Ordinal);
        Assert.Contains("kaggle:owner/name", error.Message, StringComparison.Ordinal);
    }
}
