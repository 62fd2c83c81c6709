namespace Detector.Preprocessing.RecordIO;

/// <summary>Constants of the dmlc-core RecordIO container (what MXNet's im2rec writes).</summary>
public static class RecordIOFormat
{
    /// <summary>The magic word that starts every (chunk of a) record, little-endian on disk.</summary>
    public const uint Magic = 0xCED7230A;
}
