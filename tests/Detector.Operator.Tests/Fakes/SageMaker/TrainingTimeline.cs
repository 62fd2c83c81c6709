namespace Detector.Operator.Tests.Fakes.SageMaker;

/// <summary>
/// A training job's status at any instant, computed from its creation time and plan (pure): InProgress through
/// Starting → Downloading → Training → Uploading, then Completed; or Failed at the end of a phase; or, after a stop,
/// Stopping → Stopped; or Stopped/MaxRuntimeExceeded when the plan outlasts MaxRuntimeInSeconds. No timers: moving
/// the clock is all it takes.
/// </summary>
public static class TrainingTimeline
{
    private static readonly string[] s_phases = ["Starting", "Downloading", "Training", "Uploading"];

    /// <summary>The status at <paramref name="now"/>.</summary>
    public static TrainingState At(TrainingPlan plan, DateTimeOffset now)
    {
        var transitions = new List<Transition>();
        var t = plan.CreatedAt;
        var durations = new[] { plan.Timings.Starting, plan.Timings.Downloading, plan.Timings.Training, plan.Timings.Uploading };
        var runtimeLimit = plan.MaxRuntime is { } max ? plan.CreatedAt + plan.Timings.Starting + max : DateTimeOffset.MaxValue;
        for (var i = 0; i < s_phases.Length; i++)
        {
            var end = t + durations[i];
            var failsHere = plan.FailureReason is not null && plan.FailDuring == s_phases[i];
            var stopAt = plan.StopRequestedAt is { } asked && asked < runtimeLimit ? asked
                : runtimeLimit == DateTimeOffset.MaxValue ? (DateTimeOffset?)null : runtimeLimit;
            if (stopAt is { } stop && stop < end && stop <= now)
            {
                // A stop (asked for, or the runtime limit) cuts the phase short.
                transitions.Add(new(s_phases[i], t, stop, Message(s_phases[i])));
                return Stopped(plan, transitions, stop, now, byLimit: plan.StopRequestedAt != stop);
            }
            if (now < end)
            {
                transitions.Add(new(s_phases[i], t, null, Message(s_phases[i])));
                return new("InProgress", s_phases[i], transitions, TrainingStart(plan, now), null, t);
            }
            transitions.Add(new(s_phases[i], t, end, Message(s_phases[i])));
            if (failsHere)
            {
                transitions.Add(new("Failed", end, end, plan.FailureReason!));
                return new("Failed", "Failed", transitions, TrainingStart(plan, end), end, end);
            }
            t = end;
        }
        transitions.Add(new("Completed", t, t, "Training job completed"));
        return new("Completed", "Completed", transitions, TrainingStart(plan, t), t, t);
    }

    /// <summary>When the job will reach a terminal status if nobody stops it.</summary>
    public static DateTimeOffset EndIfUndisturbed(TrainingPlan plan) => At(plan with { StopRequestedAt = null }, DateTimeOffset.MaxValue).EndTime!.Value;

    private static TrainingState Stopped(TrainingPlan plan, List<Transition> transitions, DateTimeOffset stop, DateTimeOffset now, bool byLimit)
    {
        if (byLimit)
        {
            transitions.Add(new("MaxRuntimeExceeded", stop, stop, "Training job stopped because it exceeded MaxRuntimeInSeconds"));
            return new("Stopped", "MaxRuntimeExceeded", transitions, TrainingStart(plan, stop), stop, stop);
        }
        var stopped = stop + plan.Timings.Stopping;
        if (now < stopped)
        {
            transitions.Add(new("Stopping", stop, null, "Stopping the training job"));
            return new("Stopping", "Stopping", transitions, TrainingStart(plan, stop), null, stop);
        }
        transitions.Add(new("Stopping", stop, stopped, "Stopping the training job"));
        transitions.Add(new("Stopped", stopped, stopped, "The training job was stopped"));
        return new("Stopped", "Stopped", transitions, TrainingStart(plan, stop), stopped, stopped);
    }

    // SageMaker bills from the moment the instances are ready, i.e. after Starting.
    private static DateTimeOffset? TrainingStart(TrainingPlan plan, DateTimeOffset until) =>
        plan.CreatedAt + plan.Timings.Starting is var start && start <= until ? start : null;

    private static string Message(string phase) => phase switch
    {
        "Starting" => "Preparing the instances for training",
        "Downloading" => "Downloading input data",
        "Training" => "Training image download completed. Training in progress.",
        _ => "Uploading generated training model",
    };
}

/// <summary>What a training job will do.</summary>
/// <param name="CreatedAt">CreationTime.</param>
/// <param name="Timings">Phase durations.</param>
/// <param name="MaxRuntime">StoppingCondition.MaxRuntimeInSeconds, counted from the end of Starting.</param>
/// <param name="FailureReason">Set when the job fails.</param>
/// <param name="FailDuring">The phase at whose end it fails.</param>
/// <param name="StopRequestedAt">When StopTrainingJob was called.</param>
public sealed record TrainingPlan(DateTimeOffset CreatedAt, TrainingTimings Timings, TimeSpan? MaxRuntime, string? FailureReason,
    string FailDuring, DateTimeOffset? StopRequestedAt);

/// <summary>A training job's status at one instant.</summary>
/// <param name="Status">TrainingJobStatus.</param>
/// <param name="SecondaryStatus">SecondaryStatus.</param>
/// <param name="Transitions">SecondaryStatusTransitions so far.</param>
/// <param name="TrainingStartTime">When the instances were ready (null while Starting).</param>
/// <param name="EndTime">TrainingEndTime, once terminal.</param>
/// <param name="LastModified">Time of the latest transition.</param>
public sealed record TrainingState(string Status, string SecondaryStatus, IReadOnlyList<Transition> Transitions,
    DateTimeOffset? TrainingStartTime, DateTimeOffset? EndTime, DateTimeOffset LastModified)
{
    /// <summary>Completed, Failed or Stopped.</summary>
    public bool IsTerminal => Status is "Completed" or "Failed" or "Stopped";
}

/// <summary>One SecondaryStatusTransition.</summary>
/// <param name="Status">Secondary status.</param>
/// <param name="StartTime">When it began.</param>
/// <param name="EndTime">When it ended (null: current).</param>
/// <param name="StatusMessage">SageMaker's message for it.</param>
public sealed record Transition(string Status, DateTimeOffset StartTime, DateTimeOffset? EndTime, string StatusMessage);
