using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Detector.Operator.Tests.Fakes.SageMaker;

/// <summary>
/// The HTTP front end: SigV4 check, JSON 1.1 framing (<c>POST /</c>, <c>X-Amz-Target: SageMaker.&lt;Op&gt;</c>,
/// <c>Content-Type: application/x-amz-json-1.1</c>, a JSON object body), model validation of every request,
/// injected faults, then the backend. Each call is logged before its answer goes out.
/// </summary>
public sealed class SageMakerHandler(SageMakerBackend backend, ServiceModel runtimeModel, SigV4Verifier verifier, FaultInjector faults, TimeProvider wallClock)
{
    private const string JsonContentType = "application/x-amz-json-1.1";
    private readonly object _gate = new();
    private readonly List<SageMakerCall> _calls = [];
    private readonly List<ValidationFailure> _failures = [];
    private readonly List<string> _responseProblems = [];

    /// <summary>Answers held after their call committed (<see cref="FakeSageMaker.HoldNextAnswer"/>).</summary>
    public AnswerHolds Holds { get; } = new();

    /// <summary>Answers of the fake that do not fit the model's output shape (a bug of the fake; tests assert none).</summary>
    public IReadOnlyList<string> ResponseProblems
    {
        get
        {
            lock (_gate)
                return [.. _responseProblems];
        }
    }

    /// <summary>Every call so far, in arrival order.</summary>
    public IReadOnlyList<SageMakerCall> Calls
    {
        get
        {
            lock (_gate)
                return [.. _calls];
        }
    }

    /// <summary>Every request that broke the model or the protocol.</summary>
    public IReadOnlyList<ValidationFailure> Failures
    {
        get
        {
            lock (_gate)
                return [.. _failures];
        }
    }

    /// <summary>Forgets the log and the recorded failures.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _calls.Clear();
            _failures.Clear();
        }
    }

    /// <summary>Serves one request.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        var (time, wallTime) = (backend.Clock.GetUtcNow(), wallClock.GetUtcNow());
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var bodyBytes = buffer.ToArray();
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var query = rawTarget.IndexOf('?');
        var signed = new SignedRequest(context.Request.Method, query < 0 ? rawTarget : rawTarget[..query], query < 0 ? "" : rawTarget[(query + 1)..],
            context.Request.Headers.ToDictionary(h => h.Key, h => (IReadOnlyList<string>)[.. h.Value.Select(v => v ?? "")], StringComparer.OrdinalIgnoreCase),
            bodyBytes);
        var invocation = Invocation(signed.RawPath);
        var operation = invocation is null ? OperationName(signed.Header("x-amz-target")) : "InvokeEndpoint";
        JsonNode? body = null;
        JsonObject? result = null;
        InvokeResult? invoked = null;
        var error = verifier.Verify(signed);
        if (error is null)
            (body, error) = invocation is null ? Frame(signed, operation) : FrameInvocation(signed, invocation);
        // Authentication and framing errors (incl. model violations) are bugs of the client; injected faults and the
        // backend's answers (not found, a SageMaker rule) are answers a client must handle.
        var clientBug = error is not null;
        ServiceError? lostAnswer = null;
        if (error is null && faults.Decide(operation!) is { } injected)
        {
            if (injected.AfterCommit)
                lostAnswer = injected.Error;
            else
                error = injected.Error;
        }
        if (faults.Latency is { } latency)
        {
            var delay = Task.Delay(latency, faults.LatencyOnWallClock ? TimeProvider.System : backend.Clock, context.RequestAborted);
            faults.DelayStarted();
            await delay;
        }
        if (error is null)
        {
            try
            {
                if (invocation is null)
                {
                    result = await backend.HandleAsync(operation!, (JsonObject)body!);
                    CheckResponse(operation!, result);
                }
                else
                    invoked = backend.Invoke(invocation, signed.Header("x-amzn-sagemaker-inference-component"), signed.Header("content-type"),
                        signed.Header("accept"), signed.Body);
            }
            catch (ServiceError e)
            {
                error = e;
            }
        }
        var committed = error is null;
        error ??= lostAnswer;
        Record(time, wallTime, operation, body, error, committed, clientBug, bodyBytes);
        if (committed && Holds.Take(operation) is { } hold)
        {
            var (answer, instead) = await hold.HoldAsync(context.RequestAborted);
            if (!answer)
                return;   // The client went away while the answer was held: nobody receives it.
            error = instead ?? error;
        }
        if (invoked is not null && lostAnswer is null && error is null)
            await WriteInvocationAsync(context, invoked);
        else
            await WriteAsync(context, error, result, rest: invocation is not null);
    }

    // SageMaker Runtime (REST-JSON): POST /endpoints/{EndpointName}/invocations, the image as the body.
    private static string? Invocation(string rawPath)
    {
        var parts = rawPath.Split('/');
        return parts is ["", "endpoints", var name, "invocations"] ? Uri.UnescapeDataString(name) : null;
    }

    private (JsonNode? Body, ServiceError? Error) FrameInvocation(SignedRequest request, string endpointName)
    {
        var op = runtimeModel.Operations["InvokeEndpoint"];
        var input = runtimeModel.Shape(op.Input!);
        var bound = new JsonObject { ["EndpointName"] = endpointName };
        foreach (var member in input.Members.Where(m => m.Location == "header"))
            if (request.Header(member.LocationName!) is { } value)
                bound[member.Name] = value;
        var log = (JsonObject)bound.DeepClone();
        log["BodyLength"] = request.Body.Length;
        if (request.Method != "POST")
            return (log, ServiceError.UnknownOperation($"InvokeEndpoint is POST, not {request.Method}."));
        var check = ModelValidator.Validate(runtimeModel, op.Input!, bound, bindings: true);
        var payloadShape = runtimeModel.Shape(input.Members.First(m => m.Name == input.Payload).ShapeName);
        var violations = check.Violations.ToList();
        if (payloadShape.Max is { } max && request.Body.Length > max)
            violations.Add(new ModelViolation("body", "", $"Member must have length less than or equal to {max}"));
        if (check.SerializationError is not null || violations.Count > 0)
            return (log, new ServiceError(400, "ValidationError", check.SerializationError ?? ModelValidator.Message(violations), rest: true));
        return (log, null);
    }

    private static async Task WriteInvocationAsync(HttpContext context, InvokeResult invoked)
    {
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = invoked.ContentType;
        response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        response.Headers["x-Amzn-Invoked-Production-Variant"] = invoked.Variant;
        await response.Body.WriteAsync(invoked.Body, context.RequestAborted);
    }

    private (JsonNode? Body, ServiceError? Error) Frame(SignedRequest request, string? operation)
    {
        if (request.Method != "POST" || request.RawPath != "/")
            return (null, ServiceError.UnknownOperation($"The fake SageMaker serves POST / only, not {request.Method} {request.RawPath}."));
        var contentType = request.Header("content-type");
        if (contentType is null || !contentType.Split(';')[0].Trim().Equals(JsonContentType, StringComparison.OrdinalIgnoreCase))
            return (null, ServiceError.UnknownOperation($"Content-Type must be {JsonContentType} for the JSON 1.1 protocol, got '{contentType}'."));
        if (operation is null || !backend.Model.Operations.TryGetValue(operation, out var op))
            return (null, ServiceError.UnknownOperation($"Unknown operation: X-Amz-Target '{request.Header("x-amz-target")}'."));
        JsonNode? body;
        try
        {
            // JSON 1.1 always has an object body ({} when there are no members, reference §2.1).
            body = JsonNode.Parse(request.Body, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            return (null, ServiceError.Serialization($"The request body is not valid JSON: {e.Message}"));
        }
        if (body is not JsonObject)
            return (body, ServiceError.Serialization($"The request body must be a JSON object, got {(body is null ? "nothing" : body.GetValueKind().ToString())}."));
        if (op.Input is null)
            return ((JsonObject)body).Count == 0 ? (body, null) : (body, ServiceError.Serialization($"{operation} takes no input members."));
        var check = ModelValidator.Validate(backend.Model, op.Input, body);
        if (check.SerializationError is { } serialization)
            return (body, ServiceError.Serialization(serialization));
        if (check.Violations.Count > 0)
            return (body, ServiceError.Validation(ModelValidator.Message(check.Violations)));
        return (body, null);
    }

    // The fake holds itself to the model too: what it answers must fit the output shape, required members included.
    private void CheckResponse(string operation, JsonObject result)
    {
        var output = backend.Model.Operations[operation].Output;
        var check = output is null
            ? new ModelCheck(result.Count == 0 ? null : $"{operation} has no output, the fake answered {result.ToJsonString()}", [])
            : ModelValidator.Validate(backend.Model, output, result);
        if (!check.Passed)
            lock (_gate)
                _responseProblems.Add($"{operation}: {check.SerializationError ?? ModelValidator.Message(check.Violations)}");
    }

    private string? OperationName(string? target)
    {
        var prefix = backend.Model.TargetPrefix + ".";
        return target is not null && target.StartsWith(prefix, StringComparison.Ordinal) ? target[prefix.Length..] : null;
    }

    private void Record(DateTimeOffset time, DateTimeOffset wallTime, string? operation, JsonNode? body, ServiceError? error, bool committed, bool clientBug,
        byte[] bodyBytes)
    {
        lock (_gate)
        {
            _calls.Add(new SageMakerCall(_calls.Count, time, wallTime, operation, body?.DeepClone(), error?.StatusCode ?? 200, error?.Code, error?.Message, committed));
            if (error is not null && clientBug)
                _failures.Add(new ValidationFailure(operation, error.Code, error.Message, Encoding.UTF8.GetString(bodyBytes)));
        }
    }

    // The runtime is REST-JSON: every error (also throttling and authentication) names its code in x-amzn-ErrorType.
    private static async Task WriteAsync(HttpContext context, ServiceError? error, JsonObject? result, bool rest)
    {
        var response = context.Response;
        response.StatusCode = error?.StatusCode ?? 200;
        response.ContentType = rest ? "application/json" : JsonContentType;
        response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        if ((rest ? error?.ErrorTypeHeader ?? error?.Code : error?.ErrorTypeHeader) is { } type)
            response.Headers["x-amzn-ErrorType"] = type;
        var body = error is null ? result ?? [] : rest ? new JsonObject { ["message"] = error.Message } : error.Body();
        var json = body.ToJsonString();
        await response.WriteAsync(json, context.RequestAborted);
    }
}
