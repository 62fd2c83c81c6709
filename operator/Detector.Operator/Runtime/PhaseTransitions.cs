using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

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
/// A kind's rule for the Normal Events of its phase changes (Warnings follow the kind's warning rule, always).
/// </summary>
/// <param name="Announces">Whether arriving in a phase is worth a Normal Event.</param>
/// <param name="ReasonMovesAnnounced">
/// Whether a new Ready reason within the same phase is worth one too (false: only a move of the phase itself).
/// </param>
public sealed record PhaseEventRule(Func<string, bool> Announces, bool ReasonMovesAnnounced)
{
    /// <summary>
    /// Every phase but <paramref name="quietPhase"/> (each kind's Pending: a fresh object that merely waits is not
    /// news), and every new reason within a phase.
    /// </summary>
    public static PhaseEventRule AllBut(string quietPhase) => new(phase => phase != quietPhase, ReasonMovesAnnounced: true);

    /// <summary>
    /// Only arriving in <paramref name="phase"/> (a kind whose steps announce themselves with their own Events, such as
    /// a DetectionEndpoint's rollouts).
    /// </summary>
    public static PhaseEventRule Only(string phase) => new(p => p == phase, ReasonMovesAnnounced: false);
}

/// <summary>
/// Decides what a reconcile tells the user when the status it computed moved: every kind logs the move, warns when
/// the user must act and otherwise records a Normal Event as its <see cref="PhaseEventRule"/> says (by default every
/// phase but the quiet one: a fresh object that merely waits is not news).
/// </summary>
public static partial class PhaseTransitions
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
        bool warning, string quietPhase) =>
        Decide(beforePhase, beforeReason, afterPhase, ready, warning, PhaseEventRule.AllBut(quietPhase));

    /// <summary>
    /// The transition from (<paramref name="beforePhase"/>, <paramref name="beforeReason"/>) to
    /// (<paramref name="afterPhase"/>, <paramref name="ready"/>.Reason), or null when neither moved. Any move is logged;
    /// a move into a state that needs the user is a Warning (its Ready reason and message), other moves are a Normal
    /// Event (the new phase as reason) where <paramref name="rule"/> announces them.
    /// </summary>
    /// <param name="beforePhase">The phase in the stored status (null: no status yet).</param>
    /// <param name="beforeReason">The Ready reason in the stored status (null: none).</param>
    /// <param name="afterPhase">The phase just computed.</param>
    /// <param name="ready">The Ready condition just computed.</param>
    /// <param name="warning">True when the new state needs the user (the kind's rule): a Warning Event.</param>
    /// <param name="rule">Which moves the kind announces with a Normal Event.</param>
    public static PhaseTransition? Decide(string? beforePhase, string? beforeReason, string afterPhase, V1Condition ready,
        bool warning, PhaseEventRule rule)
    {
        if (beforePhase == afterPhase && beforeReason == ready.Reason)
            return null;
        var announced = rule.Announces(afterPhase) && (beforePhase != afterPhase || rule.ReasonMovesAnnounced);
        var recorded = warning ? new PhaseEvent(EventTypes.Warning, ready.Reason, ready.Message)
            : announced ? new PhaseEvent(EventTypes.Normal, afterPhase, ready.Message)
            : null;
        return new PhaseTransition(beforePhase ?? NoPhase, afterPhase, ready.Reason, recorded);
    }

    /// <summary>
    /// <see cref="Decide(string?, string?, string, V1Condition, bool, PhaseEventRule)"/> over two statuses' phases and
    /// conditions (the stored one, null when there is none, and the one just computed, which carries Ready).
    /// </summary>
    public static PhaseTransition? Decide(string? beforePhase, IReadOnlyList<V1Condition>? beforeConditions, string afterPhase,
        IReadOnlyList<V1Condition> afterConditions, bool warning, PhaseEventRule rule) =>
        Decide(beforePhase, Conditions.Get(beforeConditions, Conditions.Ready)?.Reason, afterPhase,
            Conditions.Get(afterConditions, Conditions.Ready)
                ?? throw new InvalidOperationException($"A computed status in phase {afterPhase} has no Ready condition"),
            warning, rule);

    /// <summary>
    /// Performs a decided transition of <paramref name="obj"/> (a <paramref name="kind"/>): logs the move and records
    /// its Event, if any. Nothing for a null transition.
    /// </summary>
    public static void Report(this IEventRecorder events, ILogger log, string kind, IKubernetesObject<V1ObjectMeta> obj, PhaseTransition? moved)
    {
        if (moved is null)
            return;
        log.PhaseChanged(kind, obj.Metadata.NamespaceProperty, obj.Metadata.Name, moved.OldPhase, moved.NewPhase, moved.Reason);
        if (moved.Event is { } recorded)
            events.Record(obj, recorded);
    }

    /// <summary>Records <paramref name="recorded"/> about <paramref name="obj"/> through the matching recorder call.</summary>
    public static void Record(this IEventRecorder events, IKubernetesObject<V1ObjectMeta> obj, PhaseEvent recorded)
    {
        if (recorded.Type == EventTypes.Warning)
            events.Warning(obj, recorded.Reason, recorded.Message);
        else
            events.Normal(obj, recorded.Reason, recorded.Message);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moved {Kind} {Namespace}/{Name} from {OldPhase} to {NewPhase} ({Reason})")]
    private static partial void PhaseChanged(this ILogger log, string kind, string? @namespace, string name, string oldPhase, string newPhase, string reason);
}
