using System.Diagnostics;
using Detector.Preprocessing.Sources;

namespace Detector.Preprocessing.Tests.Sources;

/// <summary>Local sources stay inside their folder: links out, linked folders, FIFOs are refused, never followed.</summary>
public sealed class LocalTreeWalkerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tree-walker-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Open_LinksAndSpecialFiles_AreRefusedWithTheirReasonAndNeverListed()
    {
        Write("images/a.jpg", "A");
        Write("labels/a.txt", "0 0.5 0.5 0.1 0.1");
        File.CreateSymbolicLink(Path.Combine(_root, "labels", "passwd.txt"), "/etc/passwd");
        File.CreateSymbolicLink(Path.Combine(_root, "labels", "b.txt"), Path.Combine(_root, "labels", "a.txt"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "images", "loop"), "..");
        Directory.CreateSymbolicLink(Path.Combine(_root, "outside"), "/etc");
        MakeFifo(Path.Combine(_root, "images", "pipe.jpg"));

        var tree = LocalSourceTree.Open(_root);

        Assert.Equal(["images/a.jpg", "labels/a.txt", "labels/b.txt"], tree.Files.Select(f => f.RelativePath));
        Assert.Equal(
            [("images/loop", "linked folders are not followed"), ("images/pipe.jpg", "FIFO"), ("labels/passwd.txt", "outside the source folder"), ("outside", "linked folders are not followed")],
            tree.Refused.Select(r => (r.RelativePath, Reason(r.Reason))));
    }

    [Fact]
    public void Open_RootThatIsALink_IsWalkedThroughIt()
    {
        Write("images/a.jpg", "A");
        var link = _root + "-link";
        Directory.CreateSymbolicLink(link, _root);
        try
        {
            Assert.Equal(["images/a.jpg"], LocalSourceTree.Open(link).Files.Select(f => f.RelativePath));
        }
        finally
        {
            Directory.Delete(link);
        }
    }

    private static string Reason(string reason) =>
        new[] { "linked folders are not followed", "FIFO", "outside the source folder" }.First(r => reason.Contains(r, StringComparison.Ordinal));

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path])!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
