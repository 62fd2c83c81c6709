using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Detector.Operator.Tests.Fakes.ApiServer;

/// <summary>
/// The HTTP face of the fake: resolves the path, applies an armed fault, runs the verb against the store, writes
/// the object, list or <c>Status</c> as JSON, streams watches, and records every request.
/// </summary>
internal sealed class ApiHandler(ObjectStore store, IReadOnlyList<ResourceType> types)
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = false };
    private readonly Lock _gate = new();
    private readonly List<ApiCall> _log = [];
    private readonly List<ArmedFault> _faults = [];

    /// <summary>A snapshot of the request log.</summary>
    public IReadOnlyList<ApiCall> Log
    {
        get { lock (_gate) return _log.ToList(); }
    }

    /// <summary>Empties the request log.</summary>
    public void ClearLog()
    {
        lock (_gate) _log.Clear();
    }

    /// <summary>Arms a one-shot fault.</summary>
    public void Arm(ArmedFault fault)
    {
        lock (_gate) _faults.Add(fault);
    }

    /// <summary>Serves one request.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = ApiPath.Parse(request.Path.Value ?? "", types);
        var watch = request.Query["watch"] is var w && (w == "true" || w == "1");
        var call = new ApiCall(request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "",
            path?.Verb(request.Method, watch), path?.Type.Group, path?.Type.Plural, path?.Subresource, path?.Namespace, path?.Name);
        int code;
        JsonNode body;
        try
        {
            if (TakeFault(call) is { } fault)
                throw new ApiError(fault.StatusCode, fault.Reason, fault.Message);
            if (path is null)
                throw new ApiError(404, "NotFound", "the server could not find the requested resource");
            if (path.Subresource is not null && !(path.Subresource == "status" && path.Type.HasStatusSubresource && path.Name is not null))
                throw new ApiError(404, "NotFound", "the server could not find the requested resource");
            if (!string.IsNullOrEmpty(request.Query["dryRun"]))
                throw ApiError.BadRequest("the fake API server does not implement dryRun");
            if (watch)
            {
                Record(call with { StatusCode = 200 });
                await WatchAsync(context, path);
                return;
            }
            (code, body) = await ServeAsync(request, path, call.Verb!);
            body = ReadDefaults.Apply(path.Type, body);
        }
        catch (ApiError error)
        {
            code = error.Code;
            body = error.ToStatus();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug in the fake shows up as a 500 with its message instead of an empty body.
            code = 500;
            body = ApiError.StatusObject(500, "InternalError", e.ToString());
        }
        // Recorded before the response goes out: the client's next request can then never be logged ahead of this one,
        // so tests may read the log as the order in which the operator acted.
        Record(call with { StatusCode = code });
        await WriteAsync(context.Response, code, body);
    }

    private async Task<(int Code, JsonNode Body)> ServeAsync(HttpRequest request, ApiPath path, string verb)
    {
        var type = path.Type;
        var status = path.Subresource == "status";
        var manager = ManagedFields.ManagerOf(request.Headers.UserAgent.ToString());
        switch (verb)
        {
            case "get":
                return (200, store.Get(type, path.Namespace, path.Name!));
            case "list":
            {
                var (items, rv, next) = store.List(type, path.Namespace, LabelSelector.Parse(request.Query["labelSelector"]),
                    FieldSelector.Parse(request.Query["fieldSelector"]),
                    int.TryParse(request.Query["limit"], out var limit) ? limit : null,
                    string.IsNullOrEmpty(request.Query["continue"]) ? null : request.Query["continue"].ToString());
                var metadata = new JsonObject { ["resourceVersion"] = rv };
                if (next is not null) metadata["continue"] = next;
                return (200, new JsonObject
                {
                    ["apiVersion"] = type.ApiVersion,
                    ["kind"] = type.Kind + "List",
                    ["metadata"] = metadata,
                    ["items"] = new JsonArray(items.Select(i => (JsonNode)i).ToArray()),
                });
            }
            case "create" when path.Name is null:
                return (201, store.Create(type, path.Namespace, await ReadObjectAsync(request), manager));
            case "update":
                return (200, store.Update(type, path.Namespace, path.Name!, await ReadObjectAsync(request), status, manager));
            case "patch":
                return (200, store.Patch(type, path.Namespace, path.Name!, request.ContentType ?? "", await ReadJsonAsync(request), status, manager));
            case "delete":
                return (200, store.Delete(type, path.Namespace, path.Name!, await ReadJsonAsync(request) as JsonObject));
            case "deletecollection":
            {
                var (items, _, _) = store.List(type, path.Namespace, LabelSelector.Parse(request.Query["labelSelector"]), FieldSelector.Parse(request.Query["fieldSelector"]));
                foreach (var item in items)
                    store.Delete(type, ObjectSemantics.MetaString(item, "namespace"), ObjectSemantics.MetaString(item, "name")!, null);
                return (200, new JsonObject { ["apiVersion"] = type.ApiVersion, ["kind"] = type.Kind + "List", ["metadata"] = new JsonObject(), ["items"] = new JsonArray() });
            }
            default:
                throw new ApiError(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource ({request.Method})");
        }
    }

    private async Task WatchAsync(HttpContext context, ApiPath path)
    {
        var query = context.Request.Query;
        using var watch = store.Watch(path.Type, path.Namespace,
            LabelSelector.Parse(query["labelSelector"]),
            path.Name is null ? FieldSelector.Parse(query["fieldSelector"]) : FieldSelector.Parse($"metadata.name={path.Name}"),
            query["resourceVersion"], query["allowWatchBookmarks"] == "true", query["sendInitialEvents"] == "true");
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json";
        await response.StartAsync(context.RequestAborted);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        if (int.TryParse(query["timeoutSeconds"], out var seconds) && seconds > 0)
            timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        try
        {
            await foreach (var line in watch.Lines.ReadAllAsync(timeout.Token))
            {
                await response.Body.WriteAsync(Encoding.UTF8.GetBytes(ReadDefaults.ApplyToWatchLine(path.Type, line).ToJsonString(s_json) + "\n"), timeout.Token);
                await response.Body.FlushAsync(timeout.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Timeout or client gone: the stream simply ends, as on the real server.
        }
    }

    private ArmedFault? TakeFault(ApiCall call)
    {
        lock (_gate)
        {
            var fault = _faults.FirstOrDefault(f => f.Match(call));
            if (fault is not null)
                _faults.Remove(fault);
            return fault;
        }
    }

    private void Record(ApiCall call)
    {
        lock (_gate) _log.Add(call);
    }

    private static async Task<JsonObject> ReadObjectAsync(HttpRequest request) =>
        await ReadJsonAsync(request) as JsonObject ?? throw ApiError.BadRequest("the request body must be a JSON object");

    private static async Task<JsonNode?> ReadJsonAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw ApiError.BadRequest($"the request body is not valid JSON: {e.Message}");
        }
    }

    private static async Task WriteAsync(HttpResponse response, int code, JsonNode body)
    {
        response.StatusCode = code;
        response.ContentType = "application/json";
        await response.WriteAsync(body.ToJsonString(s_json));
    }
}
