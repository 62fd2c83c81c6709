using System.Security.Cryptography;
using Detector.Preprocessing.Geometry;
using Detector.Preprocessing.Imaging;
using Detector.Preprocessing.Labels;
using Detector.Preprocessing.Layout;
using Detector.Preprocessing.RecordIO;
using Detector.Preprocessing.Reporting;

namespace Detector.Preprocessing.Pipeline;

/// <summary>An image of the plan with its global record id (index in the sorted order of its split).</summary>
/// <param name="Id">Record id.</param>
/// <param name="Split">Target split.</param>
/// <param name="Image">The source image and its label file.</param>
public sealed record PlannedItem(ulong Id, TargetSplit Split, SourceImage Image);

/// <summary>What processing one image produced.</summary>
/// <param name="Item">The planned item.</param>
/// <param name="Findings">Everything worth reporting about it, in line order.</param>
/// <param name="Payload">The MXNet image record payload, or null when nothing is packed.</param>
/// <param name="Label">The packed SSD label (for the .lst line), or null.</param>
/// <param name="Boxes">The output boxes packed.</param>
/// <param name="ContentHash">SHA-256 of the source image bytes (duplicate detection).</param>
/// <param name="Background">True when the image has no label file or an empty one.</param>
/// <param name="Rejected">True when the image itself was refused (counts as a skipped image).</param>
/// <param name="SourcePixels">Width·height of the source image per its header (0 when unreadable).</param>
public sealed record ItemOutcome(
    PlannedItem Item, IReadOnlyList<Finding> Findings, byte[]? Payload, float[]? Label,
    IReadOnlyList<BoxCorners> Boxes, byte[] ContentHash, bool Background, bool Rejected, long SourcePixels = 0)
{
    /// <summary>Dropped-box findings past the findings budget, counted per code but not listed.</summary>
    public IReadOnlyDictionary<string, long> OmittedDroppedBoxes { get; init; } = new Dictionary<string, long>();
}

/// <summary>Validates, letterboxes and packs one image with its labels (CPU only, no I/O; thread-safe).</summary>
public static class ItemProcessor
{
    /// <summary>An item refused before its bytes were read (a file-size budget).</summary>
    public static ItemOutcome Refuse(PlannedItem item, Finding finding) =>
        new(item, [finding], null, null, [], new byte[32], Background: false, Rejected: true);

    /// <summary>Processes one image; bad input becomes findings, never an exception.</summary>
    public static ItemOutcome Process(PlannedItem item, byte[] imageBytes, string? labelText, int classCount, PrepareOptions options)
    {
        var image = item.Image;
        var hash = SHA256.HashData(imageBytes);
        var findings = new List<Finding>();
        ImageInfo? info = null;
        ParsedLabels? parsed = null;
        ItemOutcome Outcome(byte[]? payload = null, float[]? label = null, IReadOnlyList<BoxCorners>? boxes = null, bool background = false, bool rejected = false) =>
            new(item, findings, payload, label, boxes ?? [], hash, background, rejected, info is null ? 0 : (long)info.Width * info.Height)
            {
                OmittedDroppedBoxes = parsed?.OmittedIssues ?? new Dictionary<string, long>(),
            };

        try
        {
            // Text chunks dropped, metadata counted: the decoders below never see a metadata bomb.
            imageBytes = MetadataScan.Sanitize(imageBytes, options.Limits.MaxMetadataBytes);
            info = ImageInspector.Inspect(imageBytes, image.ImagePath, options.Limits);
        }
        catch (ImageRejectedException e)
        {
            findings.Add(new(image.ImagePath, null, e.Code, WithoutFilePrefix(e.Message, image.ImagePath), FindingEffect.SkippedItem, IsInvalidInput: true));
            return Outcome(rejected: true);
        }
        if (info.Note is { } note)
            findings.Add(new(image.ImagePath, null, "format-note", note, FindingEffect.Note, IsInvalidInput: false));

        parsed = labelText is null ? new ParsedLabels([], []) : YoloLabelParser.Parse(labelText, classCount, options.LabelTolerance, options.MaxFindings);
        foreach (var issue in parsed.Issues)
            findings.Add(new(image.LabelPath!, issue.Line, issue.Code, WithoutLinePrefix(issue.Message, issue.Line), FindingEffect.DroppedBox, IsInvalidInput: true));
        if (parsed.Boxes.Count > options.MaxBoxesPerImage)
        {
            // A label width past what training can take: refuse the image rather than cut its boxes silently.
            var first = parsed.Boxes[options.MaxBoxesPerImage];
            findings.Add(new(image.LabelPath!, first.Line, IssueCodes.TooManyBoxes,
                $"{parsed.Boxes.Count:N0} boxes, more than the limit of {options.MaxBoxesPerImage:N0} per image (--max-boxes-per-image): image skipped",
                FindingEffect.SkippedItem, IsInvalidInput: true));
            return Outcome(rejected: true);
        }
        if (parsed.Boxes.Count == 0)
        {
            var background = parsed.Issues.Count == 0 && parsed.OmittedIssues.Count == 0;
            findings.Add(background
                ? new(image.ImagePath, null, IssueCodes.Background, labelText is null ? "no label file: background image, not packed" : "empty label file: background image, not packed", FindingEffect.SkippedItem, IsInvalidInput: false)
                : new(image.ImagePath, null, IssueCodes.NoBoxes, "no valid box left: not packed", FindingEffect.SkippedItem, IsInvalidInput: false));
            return Outcome(background: background);
        }

        LetterboxedImage letterboxed;
        try
        {
            letterboxed = Letterboxer.Process(imageBytes, info, options.Letterbox, options.Limits);
        }
        catch (ImageRejectedException e)
        {
            findings.Add(new(image.ImagePath, null, e.Code, WithoutFilePrefix(e.Message, image.ImagePath), FindingEffect.SkippedItem, IsInvalidInput: true));
            return Outcome(rejected: true);
        }

        var boxes = new List<BoxCorners>(parsed.Boxes.Count);
        foreach (var labeled in parsed.Boxes)
        {
            if (letterboxed.Geometry.Transform(BoxConversion.ToCorners(labeled.Box)) is { } corners)
                boxes.Add(corners);
            else
                findings.Add(new(image.LabelPath!, labeled.Line, IssueCodes.DegenerateBox,
                    $"box smaller than one pixel after letterboxing to {options.Letterbox.Size}: dropped", FindingEffect.DroppedBox, IsInvalidInput: false));
        }
        if (boxes.Count == 0)
        {
            findings.Add(new(image.ImagePath, null, IssueCodes.NoBoxes, "every box became degenerate after letterboxing: not packed", FindingEffect.SkippedItem, IsInvalidInput: false));
            return Outcome();
        }
        var label = SsdLabel.Pack(boxes);
        return Outcome(ImageRecord.Pack(item.Id, label, letterboxed.Jpeg), label, boxes);
    }

    // The finding already carries the file ("file: ..."); the inspector's own prefix would print it twice.
    private static string WithoutFilePrefix(string message, string file) =>
        message.StartsWith(file + ": ", StringComparison.Ordinal) ? message[(file.Length + 2)..] : message;

    // The finding already carries the line ("file:17: ..."); the parser's own "line 17: " prefix would repeat it.
    private static string WithoutLinePrefix(string message, int line) =>
        message.StartsWith($"line {line}: ", StringComparison.Ordinal) ? message[$"line {line}: ".Length..] : message;
}
