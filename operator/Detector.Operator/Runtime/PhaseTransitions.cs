using k8s;
using k8s.Models;

namespace Detector.Operator.Runtime;

/// <summary>An Event to record about an object: its type (<see cref="EventTypes"/>), reason and message.</summary>
/// <param name="Type">Normal or Warning.</param>
/// <param name="Reason">The CamelCase reason <c>kubectl describe</c> shows.</param>
/// <param name="Message">The human-readable message.</param>
public sealed record PhaseEvent(string Type, string Reason, string Message);

/// <summary>A move of an object's phase or Ready reason, to log, with the Event to record (null: none).</summary>
/// <param name="OldPhase">The phase before, or <c>(none)</c> for an object that had no status.</param>
/// <param name="NewPhase">The phase after.</param>
/// <param name="Reason">The Ready reason after.</param>
/// <param name="Event">The Event the move deserves, or null when it is not worth one.</param>
public sealed record PhaseTransition(string OldPhase, string NewPhase, string Reason, PhaseEvent? Event);

/// <summary>
/// Decides what a reconcile tells the user when the status it computed moved: every kind logs the move, warns when
/// the user must act and otherwise records a Normal Event, except in the quiet phase (a fresh object that merely
/// waits is not news).
/// </summary>
public static class PhaseTransitions
{
    /// <summary>The phase logged for an object that had no status yet.</summary>
    public const string NoPhase = "(none)";

    /// <summary>
    /// The transition from (<paramref name="beforePhase"/>, <paramref name="beforeReason"/>) to
    /// (<paramref name="afterPhase"/>, <paramref name="ready"/>.Reason), or null when neither moved.
    /// </summary>
    /// <param name="beforePhase">The phase in the stored status (null: no status yet).</param>
    /// <param name="beforeReason">The Ready reason in the stored status (null: none).</param>
    /// <param name="afterPhase">The phase just computed.</param>
    /// <param name="ready">The Ready condition just computed.</param>
    /// <param name="warning">True when the new state needs the user (the kind's rule): a Warning Event.</param>
    /// <param name="quietPhase">The phase that records no Normal Event (each kind's Pending).</param>
    public static PhaseTransition? Decide(string? beforePhase, string? beforeReason, string afterPhase, V1Condition ready,
        bool warning, string quietPhase)
    {
        if (beforePhase == afterPhase && beforeReason == ready.Reason)
            return null;
        var recorded = warning ? new PhaseEvent(EventTypes.Warning, ready.Reason, ready.Message)
            : afterPhase != quietPhase ? new PhaseEvent(EventTypes.Normal, afterPhase, ready.Message)
            : null;
        return new PhaseTransition(beforePhase ?? NoPhase, afterPhase, ready.Reason, recorded);
    }

    /// <summary>Records <paramref name="recorded"/> about <paramref name="obj"/> through the matching recorder call.</summary>
    public static void Record(this IEventRecorder events, IKubernetesObject<V1ObjectMeta> obj, PhaseEvent recorded)
    {
        if (recorded.Type == EventTypes.Warning)
            events.Warning(obj, recorded.Reason, recorded.Message);
        else
            events.Normal(obj, recorded.Reason, recorded.Message);
    }
}
