using System.Collections;

namespace Detector.Operator.Runtime;

/// <summary>
/// The log scope of one reconcile (controller-runtime's keys): <c>kind</c>, <c>namespace</c>, <c>name</c> and a
/// <c>reconcileID</c> unique to the attempt, so every line a reconcile writes (the reconciler's, the SageMaker
/// client's, the runtime's) can be found and told apart from the next attempt's. Structured loggers (the JSON console)
/// write the pairs; text loggers write <see cref="ToString"/>.
/// </summary>
public sealed class ReconcileScope(string kind, ObjectKey key, string reconcileId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _pairs =
    [
        new("kind", kind),
        new("namespace", key.Namespace),
        new("name", key.Name),
        new("reconcileID", reconcileId),
    ];

    /// <summary>A scope for a new reconcile of <paramref name="key"/>, with a fresh id.</summary>
    public static ReconcileScope New(string kind, ObjectKey key) => new(kind, key, Guid.NewGuid().ToString("D"));

    /// <summary>The reconcile's id.</summary>
    public string ReconcileId => reconcileId;

    /// <inheritdoc />
    public int Count => _pairs.Length;

    /// <inheritdoc />
    public KeyValuePair<string, object?> this[int index] => _pairs[index];

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_pairs).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => $"{kind} {key} reconcile {reconcileId}";
}
