using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Detector.Operator.Runtime;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.Kube;

/// <summary>
/// Writes core/v1 Events. A repeat of the same (object, type, reason, message) bumps <c>count</c> and
/// <c>lastTimestamp</c> of one Event, as kubectl's aggregation expects (<c>kubectl describe</c> shows "x3 over 2m").
/// With <c>aggregateByReason</c> (the runtime's failure Events) a repeat of the same (object, type, reason) bumps the
/// same Event and replaces its message with the newest. Best effort: failures are logged, never thrown.
/// </summary>
public sealed partial class KubeEventRecorder : IEventRecorder
{
    /// <summary>The source component of our events.</summary>
    public const string Component = "detector";

    private const int MaxMessageLength = 1024;
    private readonly IKubeStore<Corev1Event> _events;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;
    private readonly string? _host;
    private readonly bool _aggregateByReason;
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();

    /// <summary>
    /// A recorder writing through <paramref name="events"/>; <paramref name="host"/> is the reporting instance (pod name);
    /// <paramref name="aggregateByReason"/> keys Events by reason instead of reason and message.
    /// </summary>
    public KubeEventRecorder(IKubeStore<Corev1Event> events, TimeProvider clock, ILogger<KubeEventRecorder> log, string? host = null,
        bool aggregateByReason = false)
    {
        _aggregateByReason = aggregateByReason;
        _events = events;
        _clock = clock;
        _log = log;
        _host = host;
    }

    /// <inheritdoc />
    public void Normal(IKubernetesObject<V1ObjectMeta> obj, string reason, string message) => Start(obj, EventTypes.Normal, reason, message);

    /// <inheritdoc />
    public void Warning(IKubernetesObject<V1ObjectMeta> obj, string reason, string message) => Start(obj, EventTypes.Warning, reason, message);

    /// <summary>Waits for events still being written (graceful shutdown, tests).</summary>
    public Task FlushAsync() => Task.WhenAll(_inFlight.Keys);

    /// <summary>Writes one event now; never throws.</summary>
    public async Task RecordAsync(IKubernetesObject<V1ObjectMeta> obj, string type, string reason, string message, CancellationToken ct)
    {
        try
        {
            message = Redact(message);
            var now = _clock.GetUtcNow().UtcDateTime;
            var key = new ObjectKey(obj.Metadata.NamespaceProperty ?? "default", EventName(obj, type, reason, _aggregateByReason ? "" : message));
            if (await _events.GetAsync(key, ct) is { } existing)
            {
                existing.Count = (existing.Count ?? 1) + 1;
                existing.LastTimestamp = now;
                existing.Message = message;
                await _events.UpdateAsync(existing, ct);
                return;
            }
            await _events.CreateAsync(NewEvent(obj, key, type, reason, message, now), ct);
        }
        catch (Exception ex)
        {
            _log.EventFailed(ex, reason, obj.Kind ?? "object", $"{obj.Metadata?.NamespaceProperty}/{obj.Metadata?.Name}");
        }
    }

    /// <summary>The deterministic Event name for a repeatable event: object name plus a hash of what makes it the same event.</summary>
    public static string EventName(IKubernetesObject<V1ObjectMeta> obj, string type, string reason, string message)
    {
        var name = obj.Metadata.Name ?? "unnamed";
        if (name.Length > 200)
            name = name[..200];
        return $"{name}.{Names.ShortHash([obj.Metadata.Uid, obj.Kind, type, reason, message])}";
    }

    /// <summary>Blanks AWS access key ids and obvious secret assignments, in case an error message carries one.</summary>
    public static string Redact(string message)
    {
        var redacted = AccessKeyPattern().Replace(message, "[REDACTED]");
        redacted = SecretAssignmentPattern().Replace(redacted, "$1=[REDACTED]");
        return redacted.Length > MaxMessageLength ? redacted[..(MaxMessageLength - 3)] + "..." : redacted;
    }

    private Corev1Event NewEvent(IKubernetesObject<V1ObjectMeta> obj, ObjectKey key, string type, string reason, string message, DateTime now) => new()
    {
        ApiVersion = "v1",
        Kind = "Event",
        Metadata = new V1ObjectMeta { Name = key.Name, NamespaceProperty = key.Namespace },
        InvolvedObject = new V1ObjectReference
        {
            ApiVersion = obj.ApiVersion,
            Kind = obj.Kind,
            Name = obj.Metadata.Name,
            NamespaceProperty = obj.Metadata.NamespaceProperty,
            Uid = obj.Metadata.Uid,
            ResourceVersion = obj.Metadata.ResourceVersion,
        },
        Type = type,
        Reason = reason,
        Message = message,
        Source = new V1EventSource { Component = Component, Host = _host },
        ReportingComponent = Component,
        ReportingInstance = _host ?? Component,
        FirstTimestamp = now,
        LastTimestamp = now,
        Count = 1,
    };

    private void Start(IKubernetesObject<V1ObjectMeta> obj, string type, string reason, string message)
    {
        var task = RecordAsync(obj, type, reason, message, CancellationToken.None);
        if (task.IsCompleted)
            return;
        _inFlight.TryAdd(task, 0);
        task.ContinueWith(t => _inFlight.TryRemove(t, out _), TaskScheduler.Default);
    }

    [GeneratedRegex("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b")]
    private static partial Regex AccessKeyPattern();

    [GeneratedRegex("(?i)\\b(secret|password|token|aws_secret_access_key|session_token)\\s*[=:]\\s*\\S+")]
    private static partial Regex SecretAssignmentPattern();
}
