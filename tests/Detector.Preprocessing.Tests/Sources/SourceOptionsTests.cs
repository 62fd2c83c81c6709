using Detector.Preprocessing.Sources;

namespace Detector.Preprocessing.Tests.Sources;

public sealed class SourceOptionsTests
{
    [Fact]
    public void FromVariables_LimitsAndEndpointsSet_OverridesDefaults()
    {
        var variables = new Dictionary<string, string?>
        {
            [SourceOptions.MaxDownloadBytesVariable] = "1000",
            [SourceOptions.MaxExtractedBytesVariable] = "2000",
            [SourceOptions.MaxEntriesVariable] = "30",
            ["KAGGLE_API_BASE"] = "http://127.0.0.1:9/api/v1",
            ["DETECTOR_WORK_DIR"] = "/work",
            ["DETECTOR_S3_ENDPOINT_URL"] = "http://minio:9000",
        };

        var options = SourceOptions.FromVariables(name => variables.GetValueOrDefault(name));

        Assert.Equal((1000L, 2000L, 30), (options.MaxDownloadBytes, options.MaxExtractedBytes, options.MaxEntries));
        Assert.Equal("http://127.0.0.1:9/api/v1", options.KaggleApiBase);
        Assert.Equal("/work", options.WorkDirectory);
        Assert.Equal("http://minio:9000", options.S3.ServiceUrl);
    }

    [Fact]
    public void FromVariables_NothingSet_KeepsDefaults()
    {
        var options = SourceOptions.FromVariables(_ => null);

        Assert.Equal(new SourceOptions().MaxEntries, options.MaxEntries);
        Assert.Equal(SourceOptions.DefaultKaggleApiBase, options.KaggleApiBase);
    }

    [Theory]
    [InlineData(SourceOptions.MaxDownloadBytesVariable, "-5")]
    [InlineData(SourceOptions.MaxExtractedBytesVariable, "10GB")]
    [InlineData(SourceOptions.MaxEntriesVariable, "0")]
    [InlineData(SourceOptions.MaxEntriesVariable, "99999999999")]
    public void FromVariables_BadLimit_ThrowsNamingTheVariable(string variable, string value)
    {
        var error = Assert.Throws<FormatException>(() => SourceOptions.FromVariables(name => name == variable ? value : null));

        Assert.Contains($"{variable}='{value}'", error.Message, StringComparison.Ordinal);
    }
}
