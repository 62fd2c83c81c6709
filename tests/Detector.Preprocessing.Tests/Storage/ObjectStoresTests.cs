using Detector.Preprocessing.Storage;

namespace Detector.Preprocessing.Tests.Storage;

public sealed class ObjectStoresTests
{
    [Theory]
    [InlineData("s3://bucket/out/", typeof(S3ObjectStore))]
    [InlineData("file:///tmp/out", typeof(FileObjectStore))]
    [InlineData("relative/out", typeof(FileObjectStore))]
    public void For_Location_PicksTheStoreForItsScheme(string location, Type expected)
    {
        var settings = new S3StorageSettings("http://127.0.0.1:1", true, null, "k", "s", null, true);

        var store = ObjectStores.For(StorageUri.Parse(location), settings);

        Assert.IsType(expected, store);
        (store as IDisposable)?.Dispose();
    }
}
