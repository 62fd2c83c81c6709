namespace Detector.Preprocessing.Storage;

/// <summary>Picks the <see cref="IObjectStore"/> for a location.</summary>
public static class ObjectStores
{
    /// <summary>An <see cref="S3ObjectStore"/> for s3:// (owning its client), else a <see cref="FileObjectStore"/>.</summary>
    public static IObjectStore For(StorageUri uri, S3StorageSettings s3)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsS3 ? new S3ObjectStore(S3ClientFactory.Create(s3), s3) : new FileObjectStore();
    }
}
