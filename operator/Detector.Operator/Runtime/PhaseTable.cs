namespace Detector.Operator.Runtime;

/// <summary>
/// Where an object stands, as the kstatus conditions say it. Exactly one of Ready, Reconciling and Stalled is True;
/// kstatus (Flux, kpt, Config Sync) reads them as Current, InProgress and Failed, Argo CD's health scripts as Healthy,
/// Progressing and Degraded.
/// </summary>
public enum ReconcileState
{
    /// <summary>The declared state is reached: <c>Ready=True</c>.</summary>
    Ready,

    /// <summary>Work toward the current generation is in flight (waiting, a Job, SageMaker, deleting): <c>Reconciling=True</c>.</summary>
    Reconciling,

    /// <summary>Progress needs a person (invalid spec, refused, failed, misconfigured): <c>Stalled=True</c>.</summary>
    Stalled,
}

/// <summary>One row of a kind's phase table: a phase and a condition reason (the situation), and the state they mean.</summary>
/// <param name="Phase">The <c>status.phase</c>; null: any phase (a situation that keeps the phase, such as deleting).</param>
/// <param name="Reason">The condition reason; null: any other reason in this phase.</param>
/// <param name="State">The kstatus state the operator publishes.</param>
/// <param name="Situation">What is happening, in words (the documentation column of docs/gitops.md).</param>
public sealed record PhaseRow(string? Phase, string? Reason, ReconcileState State, string Situation);

/// <summary>
/// Pure: a kind's mapping from (phase, reason) to <see cref="ReconcileState"/>. The rows are the documentation
/// (docs/gitops.md prints them) and the fixtures of the kstatus and Argo CD health tests; the status mappers set their
/// conditions through <see cref="StateOf"/>, so there is one source for all three.
/// </summary>
public sealed class PhaseTable
{
    /// <summary>A table over the given rows; the first matching row wins: exact, then any phase, then any reason.</summary>
    /// <param name="kind">The kind the table is for (its name in errors and docs).</param>
    /// <param name="rows">The rows, in the order docs/gitops.md prints them.</param>
    public PhaseTable(string kind, IReadOnlyList<PhaseRow> rows)
    {
        Kind = kind;
        Rows = rows;
    }

    /// <summary>The kind's name.</summary>
    public string Kind { get; }

    /// <summary>The rows, in documentation order.</summary>
    public IReadOnlyList<PhaseRow> Rows { get; }

    /// <summary>
    /// The state of an object in <paramref name="phase"/> for <paramref name="reason"/>: the row naming both, else a
    /// row for the reason in any phase, else the phase's catch-all row. A pair no row covers is a bug in the table
    /// (the tests cover every reason the mapper writes), reported naming the kind, phase and reason.
    /// </summary>
    public ReconcileState StateOf(string phase, string reason) =>
        (Rows.FirstOrDefault(r => r.Phase == phase && r.Reason == reason)
            ?? Rows.FirstOrDefault(r => r.Phase is null && r.Reason == reason)
            ?? Rows.FirstOrDefault(r => r.Phase == phase && r.Reason is null)
            ?? throw new InvalidOperationException($"{Kind} phase table has no row for phase {phase}, reason {reason}")).State;
}
