using k8s.Models;

namespace Detector.Operator.Runtime;

/// <summary>
/// Pure helpers for <c>metav1.Condition</c> lists. Every kind carries <see cref="Ready"/> (summary),
/// <see cref="Progressing"/> (waiting on SageMaker or a Job) and <see cref="Stalled"/> (stuck until the spec changes).
/// </summary>
public static class Conditions
{
    /// <summary>The summary condition; <c>kubectl wait --for=condition=Ready</c> waits on it.</summary>
    public const string Ready = "Ready";

    /// <summary>True while the object waits on SageMaker or a Job.</summary>
    public const string Progressing = "Progressing";

    /// <summary>True when nothing will happen until the spec changes.</summary>
    public const string Stalled = "Stalled";

    /// <summary>The status value of a true condition.</summary>
    public const string True = "True";

    /// <summary>The status value of a false condition.</summary>
    public const string False = "False";

    /// <summary>The status value of an unknown condition.</summary>
    public const string Unknown = "Unknown";

    /// <summary>
    /// Sets one condition by type and returns the new list (the input is not changed). LastTransitionTime moves only
    /// when Status flips, so re-applying the same state writes nothing new.
    /// </summary>
    public static IReadOnlyList<V1Condition> Set(IReadOnlyList<V1Condition>? current, string type, bool? status,
        string reason, string message, long? generation, DateTimeOffset now)
    {
        current ??= [];
        var value = ToStatus(status);
        var old = current.FirstOrDefault(c => c.Type == type);
        var next = new V1Condition
        {
            Type = type,
            Status = value,
            Reason = reason,
            Message = message,
            ObservedGeneration = generation,
            LastTransitionTime = old is not null && old.Status == value ? old.LastTransitionTime : now.UtcDateTime,
        };
        return old is null ? [.. current, next] : [.. current.Select(c => c.Type == type ? next : c)];
    }

    /// <summary>
    /// Sets the three conditions every kind carries — <see cref="Ready"/>, <see cref="Progressing"/> and
    /// <see cref="Stalled"/>, in that order — with one reason and message, as <see cref="Set"/> does for each.
    /// </summary>
    public static IReadOnlyList<V1Condition> SetSummary(IReadOnlyList<V1Condition>? current, bool ready, bool progressing,
        bool stalled, string reason, string message, long? generation, DateTimeOffset now)
    {
        var conditions = Set(current, Ready, ready, reason, message, generation, now);
        conditions = Set(conditions, Progressing, progressing, reason, message, generation, now);
        return Set(conditions, Stalled, stalled, reason, message, generation, now);
    }

    /// <summary>The condition of this type, or null.</summary>
    public static V1Condition? Get(IReadOnlyList<V1Condition>? conditions, string type) =>
        conditions?.FirstOrDefault(c => c.Type == type);

    /// <summary>Whether the condition of this type exists and is <c>True</c>.</summary>
    public static bool IsTrue(IReadOnlyList<V1Condition>? conditions, string type) =>
        Get(conditions, type)?.Status == True;

    /// <summary>Whether the condition of this type exists and is <c>False</c>.</summary>
    public static bool IsFalse(IReadOnlyList<V1Condition>? conditions, string type) =>
        Get(conditions, type)?.Status == False;

    /// <summary>Maps true/false/null to <c>True</c>/<c>False</c>/<c>Unknown</c>.</summary>
    public static string ToStatus(bool? status) => status switch { true => True, false => False, null => Unknown };
}
