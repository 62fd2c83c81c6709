using System.Security.Cryptography;
using System.Text;
using Detector.Preprocessing.RecordIO;
using Detector.Preprocessing.Storage;

namespace Detector.Preprocessing.Pipeline;

/// <summary>
/// Writes one split's .rec, .idx and .lst through streaming object writers, in record order. Each record is framed
/// into a small reusable buffer, then written asynchronously, so a slow S3 upload never blocks a thread.
/// </summary>
internal sealed class SplitOutputWriter : IAsyncDisposable
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly IObjectWriter _rec, _idx, _lst;
    private readonly MemoryStream _frame = new();
    private readonly RecordIOWriter _records;
    private readonly StreamWriter _idxText, _lstText;
    private readonly IncrementalHash? _hash;
    private bool _textClosed;

    private SplitOutputWriter(IObjectWriter rec, IObjectWriter idx, IObjectWriter lst, IncrementalHash? hash)
    {
        (_rec, _idx, _lst, _hash) = (rec, idx, lst, hash);
        _records = new RecordIOWriter(_frame);
        _idxText = new StreamWriter(idx.Stream, s_utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        _lstText = new StreamWriter(lst.Stream, s_utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
    }

    /// <summary>Bytes of .rec written so far.</summary>
    public long RecBytes => _records.Position;

    /// <summary>Opens the three writers; <paramref name="hash"/> (if any) receives every .rec byte.</summary>
    public static async Task<SplitOutputWriter> OpenAsync(IObjectStore store, StorageUri output, TargetSplit split, ShardSpec shard, IncrementalHash? hash, CancellationToken ct)
    {
        var rec = await store.CreateWriterAsync(output.Join(SplitNames.FileName(split, ".rec", shard)), "application/octet-stream", ct);
        var idx = await store.CreateWriterAsync(output.Join(SplitNames.FileName(split, ".idx", shard)), "text/plain", ct);
        var lst = await store.CreateWriterAsync(output.Join(SplitNames.FileName(split, ".lst", shard)), "text/plain", ct);
        return new(rec, idx, lst, hash);
    }

    /// <summary>Appends one record and its index lines.</summary>
    public async Task WriteAsync(ulong id, byte[] payload, float[] label, string relativePath, CancellationToken ct)
    {
        _frame.SetLength(0);
        var offset = _records.Write(payload);
        var framed = new ReadOnlyMemory<byte>(_frame.GetBuffer(), 0, (int)_frame.Length);
        _hash?.AppendData(framed.Span);
        await _rec.Stream.WriteAsync(framed, ct);
        await _idxText.WriteAsync(IndexFiles.IdxLine(id, offset));
        await _lstText.WriteAsync(IndexFiles.LstLine(id, label, relativePath));
    }

    /// <summary>Flushes and completes all three objects (they become visible).</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        // Text writers go first: disposing them later would flush into streams that completion has closed.
        await _idxText.DisposeAsync();
        await _lstText.DisposeAsync();
        _textClosed = true;
        await _rec.CompleteAsync(ct);
        await _idx.CompleteAsync(ct);
        await _lst.CompleteAsync(ct);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_textClosed)
        {
            await _idxText.DisposeAsync();
            await _lstText.DisposeAsync();
        }
        await _rec.DisposeAsync();
        await _idx.DisposeAsync();
        await _lst.DisposeAsync();
        await _frame.DisposeAsync();
    }
}
