using Detector.Testing;

namespace Detector.Preprocessing.Tests.RecordIO;

/// <summary>Reads the annotated hex files under Golden/: hex byte pairs, '#' starts a comment.</summary>
internal static class GoldenHex
{
    public static byte[] Read(string name)
    {
        var path = Path.Combine(SharedData.RepositoryRoot, "tests", "Detector.Preprocessing.Tests", "Golden", name);
        var bytes = new List<byte>();
        foreach (var line in File.ReadAllLines(path))
        {
            var hash = line.IndexOf('#');
            var data = hash < 0 ? line : line[..hash];
            foreach (var token in data.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
                bytes.Add(Convert.ToByte(token, 16));
        }
        return [.. bytes];
    }
}
