using Detector.Preprocessing.Storage;

namespace Detector.Preprocessing.Tests.Storage;

public sealed class StorageUriTests
{
    [Theory]
    [InlineData("s3://bucket/prefix/key.rec", "s3", "bucket", "prefix/key.rec")]
    [InlineData("s3://bucket", "s3", "bucket", "")]
    [InlineData("s3://bucket/", "s3", "bucket", "")]
    [InlineData("s3://bucket/folder/", "s3", "bucket", "folder/")]
    [InlineData("file:///data/set", "file", "", "/data/set")]
    [InlineData("file:///data/with%20space", "file", "", "/data/with space")]
    [InlineData("/abs/path", "file", "", "/abs/path")]
    public void Parse_Table_SplitsSchemeBucketAndKey(string input, string scheme, string bucket, string key)
    {
        var uri = StorageUri.Parse(input);

        Assert.Equal(scheme, uri.Scheme);
        Assert.Equal(bucket, uri.Bucket);
        Assert.Equal(key, uri.Key);
    }

    [Theory]
    [InlineData("s3:///key", "bucket is missing")]
    [InlineData("gs://bucket/key", "not a storage location")]
    [InlineData("https://example.com/x", "not a storage location")]
    public void Parse_Invalid_ThrowsNamingTheInput(string input, string reason)
    {
        var error = Assert.Throws<FormatException>(() => StorageUri.Parse(input));

        Assert.Contains(input, error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3://b/out", "train.rec", "s3://b/out/train.rec")]
    [InlineData("s3://b/out/", "/train.rec", "s3://b/out/train.rec")]
    [InlineData("s3://b", "a/b.rec", "s3://b/a/b.rec")]
    [InlineData("file:///tmp/out", "sub/train.rec", "file:///tmp/out/sub/train.rec")]
    public void Join_Table_AddsOneSlash(string root, string relative, string expected)
    {
        Assert.Equal(expected, StorageUri.Parse(root).Join(relative).ToString());
    }

    [Fact]
    public void Parse_RelativePath_BecomesAbsoluteFileLocation()
    {
        var uri = StorageUri.Parse("relative/dir");

        Assert.Equal("file", uri.Scheme);
        Assert.Equal(Path.GetFullPath("relative/dir"), uri.Key);
    }
}
