using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.Fakes.ApiServer;

/// <summary>One entry of <c>details.causes</c> in a <c>Status</c>: the field path and what is wrong with it.</summary>
/// <param name="Field">Field path as the real server writes it, e.g. <c>spec.output.uri</c>.</param>
/// <param name="Message">Human-readable reason.</param>
/// <param name="Reason">Cause type, e.g. <c>FieldValueInvalid</c> or <c>FieldValueRequired</c>.</param>
public sealed record FieldCause(string Field, string Message, string Reason = "FieldValueInvalid");

/// <summary>
/// A failed API call, carried to the HTTP layer as a Kubernetes <c>Status</c> object (kind Status, code, reason,
/// details). Thrown by the store so every verb maps errors the same way.
/// </summary>
public sealed class ApiError(int code, string reason, string message, string? kind = null, string? name = null,
    IReadOnlyList<FieldCause>? causes = null) : Exception(message)
{
    /// <summary>HTTP status code, e.g. 404.</summary>
    public int Code { get; } = code;

    /// <summary>Status reason, e.g. NotFound, AlreadyExists, Conflict, Invalid, Expired.</summary>
    public string Reason { get; } = reason;

    /// <summary>Plural resource (details.kind as the real server fills it).</summary>
    public string? Kind { get; } = kind;

    /// <summary>Object name (details.name).</summary>
    public string? Name { get; } = name;

    /// <summary>Field-level causes (Invalid).</summary>
    public IReadOnlyList<FieldCause> Causes { get; } = causes ?? [];

    /// <summary>404 NotFound, worded like the real server: <c>jobs.batch "x" not found</c>.</summary>
    public static ApiError NotFound(string qualifiedResource, string name) =>
        new(404, "NotFound", $"{qualifiedResource} \"{name}\" not found", Plural(qualifiedResource), name);

    /// <summary>409 AlreadyExists.</summary>
    public static ApiError AlreadyExists(string qualifiedResource, string name) =>
        new(409, "AlreadyExists", $"{qualifiedResource} \"{name}\" already exists", Plural(qualifiedResource), name);

    /// <summary>409 Conflict for a stale resourceVersion.</summary>
    public static ApiError Conflict(string qualifiedResource, string name) =>
        new(409, "Conflict",
            $"Operation cannot be fulfilled on {qualifiedResource} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
            Plural(qualifiedResource), name);

    /// <summary>
    /// 422 Invalid with causes, message in the real server's shape:
    /// <c>Widget.test.dev "a" is invalid: spec.size: …</c>, several causes in brackets.
    /// </summary>
    public static ApiError Invalid(ResourceType type, string name, IReadOnlyList<FieldCause> causes)
    {
        var qualifiedKind = type.Group.Length == 0 ? type.Kind : $"{type.Kind}.{type.Group}";
        var list = string.Join(", ", causes.Select(c => $"{c.Field}: {c.Message}"));
        return new(422, "Invalid", $"{qualifiedKind} \"{name}\" is invalid: " + (causes.Count == 1 ? list : $"[{list}]"),
            type.Kind, name, causes);
    }

    /// <summary>400 BadRequest.</summary>
    public static ApiError BadRequest(string message) => new(400, "BadRequest", message);

    /// <summary>410 Expired: the requested resourceVersion is older than the kept history.</summary>
    public static ApiError Expired(string resourceVersion) =>
        new(410, "Expired", $"too old resource version: {resourceVersion}");

    /// <summary>The <c>Status</c> object the real server sends for this error.</summary>
    public JsonObject ToStatus() => StatusObject(Code, Reason, Message, Kind, Name, Causes);

    /// <summary>Builds a <c>Status</c> object (used for errors, injected faults and watch ERROR events).</summary>
    public static JsonObject StatusObject(int code, string reason, string message, string? kind = null, string? name = null,
        IReadOnlyList<FieldCause>? causes = null)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
            ["code"] = code,
        };
        if (kind is not null || name is not null || causes is { Count: > 0 })
        {
            var details = new JsonObject();
            if (name is not null) details["name"] = name;
            if (kind is not null) details["kind"] = kind;
            if (causes is { Count: > 0 })
                details["causes"] = new JsonArray(causes.Select(c => (JsonNode)new JsonObject
                {
                    ["reason"] = c.Reason,
                    ["message"] = c.Message,
                    ["field"] = c.Field,
                }).ToArray());
            status["details"] = details;
        }
        return status;
    }

    // details.kind is the plural resource without the group ("jobs" for "jobs.batch").
    private static string Plural(string qualifiedResource) => qualifiedResource.Split('.')[0];
}
