namespace Detector.Operator.Hosting;

/// <summary>Disposes a <see cref="Lazy{T}"/>'s value only if it was ever created (no S3 client for clusters that never need one).</summary>
internal static class LazyDisposable
{
    /// <summary>Wraps the lazy in a disposable handle.</summary>
    public static Handle<T> AsDisposable<T>(this Lazy<T> lazy) where T : IDisposable => new(lazy);

    /// <summary>A disposable handle over a lazy value.</summary>
    public sealed class Handle<T>(Lazy<T> lazy) : IDisposable where T : IDisposable
    {
        /// <summary>The value, created on first use.</summary>
        public T Value => lazy.Value;

        /// <inheritdoc />
        public void Dispose()
        {
            if (lazy.IsValueCreated)
                lazy.Value.Dispose();
        }
    }
}
