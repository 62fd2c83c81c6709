using System.Text;
using Detector.Preprocessing.Sample;

namespace Detector.Operator.Cli;

/// <summary>Where a case builds its inputs, and the loopback server that serves <c>served/</c> over http.</summary>
/// <param name="Folder">The case's own folder; the run may write only to <c>out/</c> and <c>work/</c> below it.</param>
/// <param name="ServerUrl">Base URL of the server (no trailing slash).</param>
public sealed record HostileContext(string Folder, string ServerUrl)
{
    /// <summary>The output folder given to prepare.</summary>
    public string Output => Path.Combine(Folder, "out");

    /// <summary>The scratch folder given to prepare.</summary>
    public string Work => Path.Combine(Folder, "work");

    /// <summary>Writes a small good dataset (4 train, 2 val images) to <c>data/</c> and returns its path.</summary>
    public string Dataset()
    {
        var path = Path.Combine(Folder, "data");
        SampleDataset.Write(path, trainImages: 4, validationImages: 2);
        return path;
    }

    /// <summary>Writes a file under the dataset (relative '/' path) and returns its full path.</summary>
    public string Write(string dataset, string relative, byte[] bytes)
    {
        var path = Path.Combine(dataset, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Puts <paramref name="bytes"/> on the server; returns its URL.</summary>
    public string Serve(string name, byte[] bytes)
    {
        Directory.CreateDirectory(Path.Combine(Folder, "served"));
        File.WriteAllBytes(Path.Combine(Folder, "served", name), bytes);
        return $"{ServerUrl}/{name}";
    }

    /// <summary>prepare's arguments for <paramref name="source"/>, plus <paramref name="extra"/>.</summary>
    public IReadOnlyList<string> Prepare(string source, params string[] extra) =>
        ["prepare", "--source", source, "--output", Output, "--work-dir", Work, "--workers", "2", .. extra];
}

/// <summary>One hostile input: what it is, how to build it, and the outcome it must have.</summary>
/// <param name="Name">Stable name (bench output, test case).</param>
/// <param name="BombClass">The class of the issue it belongs to.</param>
/// <param name="ExpectedExit">The documented exit code.</param>
/// <param name="Mentions">Text the last message line must contain (the source and the reason).</param>
/// <param name="Build">Writes the inputs and returns the command line.</param>
public sealed record HostileCase(string Name, string BombClass, int ExpectedExit, IReadOnlyList<string> Mentions, Func<HostileContext, IReadOnlyList<string>> Build)
{
    /// <summary>Whether the run may download from the loopback server (DETECTOR_ALLOW_LOOPBACK_SOURCES).</summary>
    public bool AllowLoopback { get; init; } = true;

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>
/// The hostile-input corpus of issue 15, generated (never shipped): metadata bombs, lying headers, zip bombs, broken
/// downloads, label floods, class-name abuse, links and FIFOs in local sources, YAML bombs. Each case names its
/// documented exit code and what its one-line message must say. Used by the tests and by <c>detector bench hostile</c>.
/// </summary>
public static class HostileCorpus
{
    private const long Mebibyte = 1 << 20;

    /// <summary>Every case.</summary>
    public static IReadOnlyList<HostileCase> All { get; } =
    [
        new("png-ztxt-bomb", "image metadata", ExitCodes.Success, ["train: "], c =>
        {
            var data = c.Dataset();
            c.Write(data, "images/train/bomb.png", HostileFiles.PngTextBomb("zTXt", 256 * Mebibyte));
            c.Write(data, "labels/train/bomb.txt", "0 0.5 0.5 0.5 0.5\n"u8.ToArray());
            return c.Prepare(data);
        }),
        new("png-itxt-bomb", "image metadata", ExitCodes.Success, ["train: "], c =>
        {
            var data = c.Dataset();
            c.Write(data, "images/train/bomb.png", HostileFiles.PngTextBomb("iTXt", 256 * Mebibyte));
            c.Write(data, "labels/train/bomb.txt", "0 0.5 0.5 0.5 0.5\n"u8.ToArray());
            return c.Prepare(data);
        }),
        new("jpeg-app-segments", "image metadata", ExitCodes.DataFailure, ["images/train/bomb.jpg", "metadata", "MetadataTooLarge"], c =>
        {
            var data = c.Dataset();
            c.Write(data, "images/train/bomb.jpg", HostileFiles.JpegWithAppSegments(200));
            return c.Prepare(data);
        }),
        new("pixel-bomb", "image header", ExitCodes.DataFailure, ["images/train/bomb.png", "TooManyPixels"], c =>
        {
            var data = c.Dataset();
            c.Write(data, "images/train/bomb.png", HostileFiles.PngClaiming(100_000, 100_000));
            return c.Prepare(data);
        }),
        new("zip-bomb", "archive", ExitCodes.DataFailure, ["/bomb.zip", "extracted size"], c =>
            c.Prepare(c.Serve("bomb.zip", HostileFiles.ZipBomb(512 * Mebibyte)))),
        new("http-404", "download", ExitCodes.DataFailure, ["/missing.zip", "404"], c => c.Prepare(c.ServerUrl + "/missing.zip")),
        new("connection-refused", "download", ExitCodes.DataFailure, ["127.0.0.1:9", "failed"], c => c.Prepare("http://127.0.0.1:9/data.zip")),
        new("loopback-refused", "download", ExitCodes.DataFailure, ["/data.zip", "loopback"], c =>
            c.Prepare(c.Serve("data.zip", GoodZip(c)))) { AllowLoopback = false },
        new("not-an-archive", "download", ExitCodes.DataFailure, ["/page.zip", "neither a zip nor a tar.gz"], c =>
            c.Prepare(c.Serve("page.zip", "<html><body>Sign in</body></html>"u8.ToArray()))),
        new("corrupt-zip", "archive", ExitCodes.DataFailure, ["/broken.zip", "not a readable zip archive"], c =>
            c.Prepare(c.Serve("broken.zip", [0x50, 0x4B, 0x03, 0x04, .. Enumerable.Repeat((byte)0x5A, 4000)]))),
        new("download-limit", "download", ExitCodes.DataFailure, ["/data.zip", "download limit"], c =>
            c.Prepare(c.Serve("data.zip", GoodZip(c)), "--max-download-bytes", "1000")),
        new("sha256-mismatch", "download", ExitCodes.DataFailure, ["/data.zip", "SHA-256 mismatch", "expected 0000"], c =>
            c.Prepare(c.Serve("data.zip", GoodZip(c)), "--sha256", new string('0', 64))),
        new("tab-in-file-name", "file names", ExitCodes.DataFailure, ["a\\tb.jpg", "control character"], c =>
        {
            var data = c.Dataset();
            c.Write(data, "images/train/a\tb.jpg", HostileFiles.Jpeg());
            return c.Prepare(data);
        }),
        new("huge-label-file", "labels", ExitCodes.DataFailure, ["labels/train/train-000.txt", "label file limit"], c =>
        {
            var data = c.Dataset();
            c.Write(data, "labels/train/train-000.txt", Lines("0 0.5 0.5 0.1 0.1", 8 * Mebibyte));
            return c.Prepare(data);
        }),
        new("too-many-boxes", "labels", ExitCodes.DataFailure, ["labels/train/train-000.txt:1001", "limit of 1,000"], c =>
        {
            var data = c.Dataset();
            c.Write(data, "labels/train/train-000.txt", Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("0 0.5 0.5 0.1 0.1\n", 10_000))));
            return c.Prepare(data);
        }),
        new("findings-flood", "labels", ExitCodes.Success, ["train: "], c =>
        {
            var data = c.Dataset();
            c.Write(data, "labels/train/train-001.txt", [.. "0 0.5 0.5 0.1 0.1\n"u8, .. Lines("x", Mebibyte - 64)]);
            return c.Prepare(data, "--on-invalid", "Skip", "--max-skipped-fraction", "1");
        }),
        new("too-many-classes", "class names", ExitCodes.DataFailure, ["classes.txt", "limit of 1,000"], c =>
        {
            var data = c.Dataset();
            c.Write(data, "classes.txt", Encoding.ASCII.GetBytes(string.Join("\n", Enumerable.Range(0, 2000).Select(i => $"c{i}"))));
            return c.Prepare(data);
        }),
        new("class-file-too-large", "class names", ExitCodes.DataFailure, ["classes.txt", "limit of 1,048,576 for a class-name file"], c =>
        {
            var data = c.Dataset();
            c.Write(data, "classes.txt", Encoding.ASCII.GetBytes($"rectangle\n{new string('e', 2 * (int)Mebibyte)}\nbar\n"));
            return c.Prepare(data);
        }),
        new("long-class-name", "class names", ExitCodes.DataFailure, ["classes.txt", "more than the limit of 128"], c =>
        {
            var data = c.Dataset();
            c.Write(data, "classes.txt", Encoding.ASCII.GetBytes($"rectangle\n{new string('e', 1000)}\nbar\n"));
            return c.Prepare(data);
        }),
        new("control-character-class", "class names", ExitCodes.DataFailure, ["classes.txt", "\\x1B[31m"], c =>
        {
            var data = c.Dataset();
            c.Write(data, "classes.txt", "rectangle\nellipse\x1b[31m\nbar\r\n"u8.ToArray());
            return c.Prepare(data);
        }),
        new("label-linked-outside", "local links", ExitCodes.DataFailure, ["labels/train/train-000.txt", "symbolic link", "outside"], c =>
        {
            var data = c.Dataset();
            var label = Path.Combine(data, "labels", "train", "train-000.txt");
            File.Delete(label);
            File.CreateSymbolicLink(label, "/etc/passwd");
            return c.Prepare(data);
        }),
        new("folder-link-loop", "local links", ExitCodes.DataFailure, ["images/train/loop", "not followed"], c =>
        {
            var data = c.Dataset();
            Directory.CreateSymbolicLink(Path.Combine(data, "images", "train", "loop"), "..");
            return c.Prepare(data);
        }),
        new("fifo-image", "local links", ExitCodes.DataFailure, ["images/train/fifo.jpg", "FIFO"], c =>
        {
            var data = c.Dataset();
            MakeFifo(Path.Combine(data, "images", "train", "fifo.jpg"));
            return c.Prepare(data);
        }),
        new("yaml-billion-laughs", "validate YAML", ExitCodes.DataFailure, ["laughs.yaml", "alias bomb"], c =>
            ["validate", "-f", WriteText(c, "laughs.yaml", HostileFiles.BillionLaughs())]),
        new("yaml-deep-nesting", "validate YAML", ExitCodes.DataFailure, ["deep.yaml", "nested deeper"], c =>
            ["validate", "-f", WriteText(c, "deep.yaml", "a: " + new string('[', 40_000))]),
        new("yaml-too-large", "validate YAML", ExitCodes.DataFailure, ["large.yaml", "limit"], c =>
            ["validate", "-f", WriteText(c, "large.yaml", "# " + new string('x', 9 * (int)Mebibyte) + "\n")]),
        new("yaml-policy-laughs", "validate YAML", ExitCodes.UsageError, ["policy.yaml", "alias bomb"], c =>
            ["validate", "-f", WriteText(c, "ok.yaml", "a: 1\n"), "--policy", WriteText(c, "policy.yaml", HostileFiles.BillionLaughs())]),
        new("bad-metadata-name", "validate names", ExitCodes.DataFailure, ["metadata.name", "Aquarium"], c =>
            ["validate", "-f", WriteText(c, "dataset.yaml", "apiVersion: detector.dev/v1alpha1\nkind: Dataset\nmetadata:\n  name: Aquarium\nspec: {}\n")]),
    ];

    private static byte[] GoodZip(HostileContext c)
    {
        var data = c.Dataset();
        return HostileFiles.Zip(Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(data, f).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllBytes(f))));
    }

    private static byte[] Lines(string line, long bytes) =>
        Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(line + "\n", (int)(bytes / (line.Length + 1)))));

    private static string WriteText(HostileContext c, string name, string text)
    {
        var path = Path.Combine(c.Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]) ?? throw new InvalidOperationException("mkfifo did not start");
        mkfifo.WaitForExit();
    }
}
