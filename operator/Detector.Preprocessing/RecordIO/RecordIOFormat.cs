namespace Detector.Preprocessing.RecordIO;

/// <summary>
/// Constants of the dmlc-core RecordIO container (what MXNet's im2rec writes): each chunk is the magic, a length word
/// (cflag &lt;&lt; 29 | length), the bytes, and zero padding to a 4-byte boundary.
/// </summary>
public static class RecordIOFormat
{
    /// <summary>The magic word that starts every (chunk of a) record, little-endian on disk.</summary>
    public const uint Magic = 0xCED7230A;

    /// <summary>Bytes of magic plus length word before each chunk.</summary>
    public const int ChunkHeaderSize = 8;

    /// <summary>Largest payload a length word can express (29 bits).</summary>
    public const int MaxLength = (1 << 29) - 1;

    /// <summary>cflag: the chunk is a whole record.</summary>
    public const uint WholeRecord = 0;

    /// <summary>cflag: first chunk of a split record.</summary>
    public const uint FirstChunk = 1;

    /// <summary>cflag: middle chunk of a split record.</summary>
    public const uint MiddleChunk = 2;

    /// <summary>cflag: last chunk of a split record.</summary>
    public const uint LastChunk = 3;

    /// <summary>Encodes the length word.</summary>
    public static uint EncodeLength(uint cflag, int length) => (cflag << 29) | (uint)length;

    /// <summary>The cflag of a length word.</summary>
    public static uint DecodeFlag(uint lengthWord) => (lengthWord >> 29) & 7;

    /// <summary>The length of a length word.</summary>
    public static int DecodeLength(uint lengthWord) => (int)(lengthWord & MaxLength);

    /// <summary>Rounds up to the 4-byte boundary chunks are padded to.</summary>
    public static int Align4(int length) => (length + 3) & ~3;
}
