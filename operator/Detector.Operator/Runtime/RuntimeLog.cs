using Microsoft.Extensions.Logging;

namespace Detector.Operator.Runtime;

/// <summary>The controller runtime's loop log lines, as source-generated <see cref="LoggerMessageAttribute"/> methods.</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Listed {Count} objects from {Source} at resourceVersion {ResourceVersion}")]
    public static partial void Listed(this ILogger log, int count, string source, string resourceVersion);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Watch of {Source} expired at resourceVersion {ResourceVersion}; relisting")]
    public static partial void WatchGone(this ILogger log, string source, string resourceVersion);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Watch of {Source} failed; retrying in {Delay}")]
    public static partial void WatchFailed(this ILogger log, Exception exception, string source, TimeSpan delay);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "List of {Source} failed; retrying in {Delay}")]
    public static partial void ListFailed(this ILogger log, Exception exception, string source, TimeSpan delay);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Informer handler failed for {Source}")]
    public static partial void HandlerFailed(this ILogger log, Exception exception, string source);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Debug, Message = "Reconciled {Kind} {Key} in {ElapsedMs} ms; requeue after {RequeueAfter}")]
    public static partial void Reconciled(this ILogger log, string kind, string key, double elapsedMs, TimeSpan? requeueAfter);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Error, Message = "Reconcile of {Kind} {Key} failed ({Reason}: {FailureMessage}); retrying in {Delay}")]
    public static partial void ReconcileFailed(this ILogger log, Exception exception, string kind, string key, string reason, string failureMessage, TimeSpan delay);

    [LoggerMessage(EventId = 1015, Level = LogLevel.Error, Message = "Reconcile of {Kind} {Key} failed ({Reason}: {FailureMessage}); not retried until the object changes")]
    public static partial void ReconcileRefused(this ILogger log, Exception exception, string kind, string key, string reason, string failureMessage);

    [LoggerMessage(EventId = 1018, Level = LogLevel.Error, Message = "Reconcile of {Kind} {Key} is stalled ({Reason}: {FailureMessage}); looked at again when the object changes or in {Recheck}")]
    public static partial void ReconcileStalled(this ILogger log, Exception exception, string kind, string key, string reason, string failureMessage, TimeSpan recheck);

    [LoggerMessage(EventId = 1016, Level = LogLevel.Warning, Message = "Could not show the {Reason} failure on {Kind} {Key}")]
    public static partial void FailureReportFailed(this ILogger log, Exception exception, string kind, string key, string reason);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Information, Message = "Started controller for {Kind} with {Workers} workers")]
    public static partial void ControllerStarted(this ILogger log, string kind, int workers);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Information, Message = "Stopped controller for {Kind}")]
    public static partial void ControllerStopped(this ILogger log, string kind);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Warning, Message = "Controller for {Kind} cancelled in-flight reconciles after the shutdown timeout of {Timeout}")]
    public static partial void ShutdownTimedOut(this ILogger log, string kind, TimeSpan timeout);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Warning, Message = "Failed to record event {Reason} for {Kind} {Key}")]
    public static partial void EventFailed(this ILogger log, Exception exception, string reason, string kind, string key);

    [LoggerMessage(EventId = 1030, Level = LogLevel.Information, Message = "Started leading as {Identity} on lease {Lease}")]
    public static partial void StartedLeading(this ILogger log, string identity, string lease);

    [LoggerMessage(EventId = 1031, Level = LogLevel.Warning, Message = "Stopped leading as {Identity} on lease {Lease}; stopping all controllers")]
    public static partial void StoppedLeading(this ILogger log, string identity, string lease);

    [LoggerMessage(EventId = 1032, Level = LogLevel.Information, Message = "Observed leader {Leader} on lease {Lease}")]
    public static partial void NewLeader(this ILogger log, string leader, string lease);

    [LoggerMessage(EventId = 1033, Level = LogLevel.Warning, Message = "Leader election on lease {Lease} met an error")]
    public static partial void LeaderElectionError(this ILogger log, Exception exception, string lease);
}
