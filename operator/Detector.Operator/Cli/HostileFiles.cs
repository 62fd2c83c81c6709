using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Detector.Operator.Cli;

/// <summary>
/// Builds hostile inputs in memory for <see cref="HostileCorpus"/>: metadata bombs, lying headers, zip bombs. Generated,
/// never shipped as files, so the corpus is always what the code says.
/// </summary>
public static class HostileFiles
{
    private static readonly uint[] s_crcTable = BuildCrcTable();

    /// <summary>A small valid PNG.</summary>
    public static byte[] Png(int width = 64, int height = 48)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(90, 140, 200));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    /// <summary>A small valid JPEG.</summary>
    public static byte[] Jpeg(int width = 64, int height = 48)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(200, 140, 90));
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    /// <summary>A valid PNG with a text chunk (zTXt or iTXt) whose text inflates to <paramref name="inflatedBytes"/> zeros.</summary>
    public static byte[] PngTextBomb(string chunkType, long inflatedBytes)
    {
        var compressed = Deflate(inflatedBytes);
        var keyword = "Comment\0"u8.ToArray();
        byte[] data = chunkType switch
        {
            "zTXt" => [.. keyword, 0, .. compressed],                      // keyword, method 0, zlib text
            "iTXt" => [.. keyword, 1, 0, 0, 0, .. compressed],             // keyword, compressed, method, language "", translated ""
            _ => throw new ArgumentException($"unknown text chunk {chunkType}", nameof(chunkType)),
        };
        return InsertPngChunk(Png(), chunkType, data);
    }

    /// <summary>A PNG whose header claims <paramref name="width"/>×<paramref name="height"/> pixels (a 1 KB "gigapixel" file).</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var png = Png();
        // IHDR data starts at 16: width and height, then the chunk CRC at 29.
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc(png.AsSpan(12, 17)));
        return png;
    }

    /// <summary>A valid JPEG with <paramref name="segments"/> maximal APP1 segments right after SOI.</summary>
    public static byte[] JpegWithAppSegments(int segments)
    {
        var jpeg = Jpeg();
        using var output = new MemoryStream();
        output.Write(jpeg, 0, 2);
        var payload = new byte[65533];
        "Exif\0\0"u8.CopyTo(payload);
        for (var i = 0; i < segments; i++)
        {
            output.Write([0xFF, 0xE1, 0xFF, 0xFF]);
            output.Write(payload);
        }
        output.Write(jpeg, 2, jpeg.Length - 2);
        return output.ToArray();
    }

    /// <summary>A zip with one entry of <paramref name="inflatedBytes"/> zeros (about 1000:1).</summary>
    public static byte[] ZipBomb(long inflatedBytes, string entryName = "images/train/bomb.jpg")
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(entryName, CompressionLevel.SmallestSize).Open();
            WriteZeros(entry, inflatedBytes);
        }
        return output.ToArray();
    }

    /// <summary>A zip of the given files.</summary>
    public static byte[] Zip(IEnumerable<(string Name, byte[] Bytes)> files)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, bytes) in files)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(bytes);
            }
        return output.ToArray();
    }

    /// <summary>YAML whose aliases expand to 10^<paramref name="levels"/> nodes ("billion laughs").</summary>
    public static string BillionLaughs(int levels = 9)
    {
        var text = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= levels; i++)
            text.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        return text.ToString();
    }

    private static byte[] Deflate(long inflatedBytes)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
            WriteZeros(zlib, inflatedBytes);
        return output.ToArray();
    }

    private static void WriteZeros(Stream stream, long count)
    {
        var zeros = new byte[1 << 20];
        for (var left = count; left > 0; left -= zeros.Length)
            stream.Write(zeros, 0, (int)Math.Min(zeros.Length, left));
    }

    private static byte[] InsertPngChunk(byte[] png, string type, byte[] data)
    {
        const int afterIhdr = 8 + 25; // signature, then IHDR (length 4 + type 4 + data 13 + CRC 4)
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc(chunk.AsSpan(4, 4 + data.Length)));
        return [.. png.AsSpan(0, afterIhdr), .. chunk, .. png.AsSpan(afterIhdr)];
    }

    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
            crc = s_crcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
