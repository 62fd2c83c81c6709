namespace Detector.Preprocessing.Sources;

/// <summary>
/// Opens a dataset source: a local path, file://, s3://bucket/prefix, http(s)://….zip|.tar.gz|.tgz, or a Kaggle
/// dataset (<c>kaggle:owner/name</c> or <c>kaggle://owner/name</c>).
/// </summary>
public static class DatasetSources
{
    /// <summary>Opens <paramref name="source"/>; archives are downloaded and safely extracted under the work directory.</summary>
    public static Task<ISourceTree> OpenAsync(string source, SourceOptions options, CancellationToken ct) =>
        throw new NotImplementedException();
}
