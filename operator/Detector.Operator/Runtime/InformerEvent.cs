namespace Detector.Operator.Runtime;

/// <summary>What happened to an object in the informer's cache.</summary>
public enum InformerEventType
{
    /// <summary>The object appeared.</summary>
    Added,

    /// <summary>The object changed; <see cref="InformerEvent{T}.Old"/> is the previous copy.</summary>
    Updated,

    /// <summary>The object disappeared; <see cref="InformerEvent{T}.Old"/> is the last copy seen.</summary>
    Deleted,
}

/// <summary>A change to the informer's cache: old copy (null when added), new copy (null when deleted).</summary>
public sealed record InformerEvent<T>(InformerEventType Type, T? Old, T? New) where T : class
{
    /// <summary>The object the event is about: the new copy, or the last copy for a delete.</summary>
    public T Object => New ?? Old!;
}
