using k8s.Models;

namespace Detector.Operator.Runtime;

/// <summary>
/// Pure helpers for <c>metav1.Condition</c> lists. Every kind carries the kstatus conditions (sigs.k8s.io/cli-utils
/// "CRD Status Convention"): <see cref="Ready"/> (the declared state is reached), <see cref="Reconciling"/>
/// (abnormal-true: work toward the current generation is in flight) and <see cref="Stalled"/> (abnormal-true: progress
/// needs a person). Flux, kpt, Config Sync and Argo CD (through the chart's health scripts) read them.
/// </summary>
public static class Conditions
{
    /// <summary>The summary condition; <c>kubectl wait --for=condition=Ready</c> waits on it.</summary>
    public const string Ready = "Ready";

    /// <summary>True while work toward the current generation is in flight (kstatus reads it as InProgress).</summary>
    public const string Reconciling = "Reconciling";

    /// <summary>True when progress needs a person: a spec change, an approval, a fix to the operator (kstatus: Failed).</summary>
    public const string Stalled = "Stalled";

    /// <summary>
    /// The condition v1alpha1 published before it followed kstatus (kstatus ignores it); <see cref="SetSummary"/> removes
    /// it from objects written by an older operator so no stale copy lingers.
    /// </summary>
    public const string RetiredProgressing = "Progressing";

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
    /// Sets the three conditions every kind carries — <see cref="Ready"/>, <see cref="Reconciling"/> and
    /// <see cref="Stalled"/>, in that order — from one <see cref="ReconcileState"/> with one reason and message (as
    /// <see cref="Set"/> does for each), and drops the retired <see cref="RetiredProgressing"/>. Exactly one of the
    /// three is True, so kstatus never has to choose between Reconciling and Stalled.
    /// </summary>
    public static IReadOnlyList<V1Condition> SetSummary(IReadOnlyList<V1Condition>? current, ReconcileState state,
        string reason, string message, long? generation, DateTimeOffset now)
    {
        var kept = (current ?? []).Where(c => c.Type != RetiredProgressing).ToList();
        var conditions = Set(kept, Ready, state == ReconcileState.Ready, reason, message, generation, now);
        conditions = Set(conditions, Reconciling, state == ReconcileState.Reconciling, reason, message, generation, now);
        return Set(conditions, Stalled, state == ReconcileState.Stalled, reason, message, generation, now);
    }

    /// <summary>The state the three summary conditions express, or null when they are missing or not exactly one True.</summary>
    public static ReconcileState? StateOf(IReadOnlyList<V1Condition>? conditions) =>
        (IsTrue(conditions, Ready), IsTrue(conditions, Reconciling), IsTrue(conditions, Stalled)) switch
        {
            (true, false, false) => ReconcileState.Ready,
            (false, true, false) => ReconcileState.Reconciling,
            (false, false, true) => ReconcileState.Stalled,
            _ => null,
        };

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
