using System.Globalization;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace Detector.Preprocessing.Sample;

/// <summary>
/// A small deterministic synthetic YOLO dataset for the quick start: coloured rectangles, ellipses and bars on noise,
/// three classes, images/{train,val} + labels/{train,val} + classes.txt. Same seed, same bytes.
/// </summary>
public static class SampleDataset
{
    /// <summary>The class names, in id order.</summary>
    public static IReadOnlyList<string> Classes { get; } = ["rectangle", "ellipse", "bar"];

    private static readonly Rgb24[] s_colors = [new(220, 40, 40), new(40, 160, 60), new(40, 80, 220)];

    /// <summary>Writes the dataset under <paramref name="folder"/>; returns the files written (relative paths).</summary>
    public static IReadOnlyList<string> Write(string folder, int trainImages = 16, int validationImages = 8, int seed = 7)
    {
        var written = new List<string>();
        var random = new Random(seed);
        void Save(string relative, byte[] bytes)
        {
            var path = Path.Combine(folder, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
            written.Add(relative);
        }
        Save("classes.txt", Encoding.UTF8.GetBytes(string.Join("\n", Classes) + "\n"));
        foreach (var (split, count) in new[] { ("train", trainImages), ("val", validationImages) })
            for (var i = 0; i < count; i++)
            {
                var (jpeg, labels) = Render(random);
                var name = string.Create(CultureInfo.InvariantCulture, $"{split}-{i:D3}");
                Save($"images/{split}/{name}.jpg", jpeg);
                Save($"labels/{split}/{name}.txt", Encoding.UTF8.GetBytes(labels));
            }
        return written;
    }

    /// <summary>Renders one image (random landscape or portrait size) with 1–4 shapes; returns JPEG bytes and YOLO label text.</summary>
    public static (byte[] Jpeg, string Labels) Render(Random random)
    {
        var landscape = random.Next(2) == 0;
        var (width, height) = landscape ? (480, 320) : (320, 440);
        using var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var v = (byte)(90 + random.Next(60));
                    row[x] = new Rgb24(v, v, (byte)(v + 10));
                }
            }
        });
        var labels = new StringBuilder();
        var shapes = 1 + random.Next(4);
        for (var s = 0; s < shapes; s++)
        {
            var cls = random.Next(Classes.Count);
            var (w, h) = cls switch
            {
                0 => (30 + random.Next(90), 30 + random.Next(90)),
                1 => (30 + random.Next(80), 30 + random.Next(80)),
                _ => (60 + random.Next(120), 12 + random.Next(12)),
            };
            var x0 = random.Next(width - w);
            var y0 = random.Next(height - h);
            Fill(image, x0, y0, w, h, s_colors[cls], ellipse: cls == 1);
            labels.Append(string.Create(CultureInfo.InvariantCulture,
                $"{cls} {(x0 + w / 2.0) / width:0.######} {(y0 + h / 2.0) / height:0.######} {(double)w / width:0.######} {(double)h / height:0.######}\n"));
        }
        using var jpeg = new MemoryStream();
        image.SaveAsJpeg(jpeg, new JpegEncoder { Quality = 90 });
        return (jpeg.ToArray(), labels.ToString());
    }

    private static void Fill(Image<Rgb24> image, int x0, int y0, int w, int h, Rgb24 color, bool ellipse)
    {
        image.ProcessPixelRows(rows =>
        {
            for (var y = y0; y < y0 + h; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = x0; x < x0 + w; x++)
                {
                    var dx = (x + 0.5 - x0 - w / 2.0) / (w / 2.0);
                    var dy = (y + 0.5 - y0 - h / 2.0) / (h / 2.0);
                    if (!ellipse || dx * dx + dy * dy <= 1)
                        row[x] = color;
                }
            }
        });
    }
}
