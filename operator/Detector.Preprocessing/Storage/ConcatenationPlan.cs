namespace Detector.Preprocessing.Storage;

/// <summary>A byte range of one source object: <c>[Offset, Offset + Length)</c> of <c>parts[Source]</c>.</summary>
public readonly record struct SourceRange(int Source, long Offset, long Length);

/// <summary>
/// One part of the target multipart upload: either copied server-side from a single range (<see cref="IsCopy"/>),
/// or assembled by downloading the listed ranges and uploading their bytes.
/// </summary>
public sealed record PlannedPart(bool IsCopy, IReadOnlyList<SourceRange> Ranges)
{
    /// <summary>Bytes in this part.</summary>
    public long Length => Ranges.Sum(r => r.Length);
}

/// <summary>
/// Plans how to concatenate objects with S3 multipart upload-part-copy. S3 requires every part except the last to be at
/// least 5 MiB and a copied part to be at most 5 GiB. Big pieces are copied server-side; pieces smaller than the minimum
/// are downloaded and glued together (with, if needed, the head of the next big piece) into parts of at least the minimum,
/// so at most about two minimum-sized parts are ever held in memory. Pure: sizes in, plan out.
/// </summary>
public static class ConcatenationPlan
{
    /// <summary>S3's minimum size of every part except the last.</summary>
    public const long MinPartSize = 5L << 20;

    /// <summary>S3's maximum size of one copied part.</summary>
    public const long MaxCopyPartSize = 5L << 30;

    /// <summary>S3's maximum number of parts.</summary>
    public const int MaxParts = 10_000;

    /// <summary>Plans the parts for sources of the given sizes (in order). Zero-length sources contribute nothing.</summary>
    public static IReadOnlyList<PlannedPart> Build(IReadOnlyList<long> sizes, long minPartSize = MinPartSize, long maxCopyPartSize = MaxCopyPartSize)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        if (minPartSize <= 0 || maxCopyPartSize < 2 * minPartSize)
            throw new ArgumentOutOfRangeException(nameof(minPartSize), "need 0 < minPartSize and maxCopyPartSize >= 2 * minPartSize");
        var lastSource = LastNonEmpty(sizes);
        var plan = new List<PlannedPart>();
        var pending = new List<SourceRange>();
        long pendingBytes = 0;
        for (var i = 0; i < sizes.Count; i++)
        {
            if (sizes[i] < 0)
                throw new ArgumentOutOfRangeException(nameof(sizes), $"source {i} has a negative size");
            long offset = 0;
            while (offset < sizes[i])
            {
                var remaining = sizes[i] - offset;
                if (pendingBytes == 0 && (remaining >= minPartSize || i == lastSource))
                {
                    plan.AddRange(CopyParts(i, offset, remaining, maxCopyPartSize));
                    offset = sizes[i];
                }
                else
                {
                    // Top the pending bytes up to the minimum; the rest of this source is handled by the next iteration.
                    var take = pendingBytes == 0 ? remaining : Math.Min(minPartSize - pendingBytes, remaining);
                    pending.Add(new SourceRange(i, offset, take));
                    pendingBytes += take;
                    offset += take;
                    if (pendingBytes >= minPartSize)
                    {
                        plan.Add(new PlannedPart(false, [.. pending]));
                        pending.Clear();
                        pendingBytes = 0;
                    }
                }
            }
        }
        if (pending.Count > 0)
            plan.Add(new PlannedPart(false, [.. pending]));
        if (plan.Count > MaxParts)
            throw new InvalidOperationException($"concatenation needs {plan.Count} parts, more than S3's {MaxParts}: use fewer, larger pieces");
        return plan;
    }

    private static int LastNonEmpty(IReadOnlyList<long> sizes)
    {
        for (var i = sizes.Count - 1; i >= 0; i--)
            if (sizes[i] > 0)
                return i;
        return -1;
    }

    /// <summary>Splits a range into equal copy parts of at most <paramref name="maxCopyPartSize"/> (each then ≥ half of it).</summary>
    private static IEnumerable<PlannedPart> CopyParts(int source, long offset, long length, long maxCopyPartSize)
    {
        var count = (int)((length + maxCopyPartSize - 1) / maxCopyPartSize);
        var baseLength = length / count;
        var extra = length % count;
        for (var k = 0; k < count; k++)
        {
            var partLength = baseLength + (k < extra ? 1 : 0);
            yield return new PlannedPart(true, [new SourceRange(source, offset, partLength)]);
            offset += partLength;
        }
    }
}
