using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Detector.Operator.Tests.Fakes.SageMaker;
using Detector.Operator.Tests.Fakes.SageMakerMetrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Detector.Operator.Tests.Fakes.CloudWatch;

/// <summary>One request the fake answered.</summary>
/// <param name="Service">logs, monitoring or metrics.</param>
/// <param name="Operation">The operation, or null when the request named none.</param>
/// <param name="Body">The parsed body.</param>
/// <param name="StatusCode">HTTP status answered.</param>
/// <param name="ErrorCode">Error code answered, or null.</param>
public sealed record MonitoringCall(string Service, string? Operation, JsonNode? Body, int StatusCode, string? ErrorCode);

/// <summary>
/// The front end of the three services on one port, told apart as their SDKs address them: CloudWatch Logs by
/// <c>X-Amz-Target: Logs_20140328.*</c> (JSON 1.1), CloudWatch by <c>GraniteServiceVersion20100801.*</c> (JSON 1.0),
/// SageMaker Metrics by <c>POST /BatchGetMetrics</c> (REST-JSON). Each: SigV4 for its own signing name, its content
/// type, model validation, injected faults, then its backend; answers checked against the output shape.
/// </summary>
public sealed class MonitoringHandler(
    IReadOnlyDictionary<string, (ServiceModel Model, SigV4Verifier Verifier)> services, LogsBackend logs, MetricsBackend metrics,
    TrainingMetricsBackend training, FaultInjector faults)
{
    private readonly object _gate = new();
    private readonly List<MonitoringCall> _calls = [];
    private readonly List<ValidationFailure> _failures = [];
    private readonly List<string> _responseProblems = [];

    /// <summary>Every call so far.</summary>
    public IReadOnlyList<MonitoringCall> Calls { get { lock (_gate) return [.. _calls]; } }

    /// <summary>Requests that broke the model or the protocol.</summary>
    public IReadOnlyList<ValidationFailure> Failures { get { lock (_gate) return [.. _failures]; } }

    /// <summary>Answers of the fake that do not fit the model's output shape.</summary>
    public IReadOnlyList<string> ResponseProblems { get { lock (_gate) return [.. _responseProblems]; } }

    /// <summary>Serves one request.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var bytes = buffer.ToArray();
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var query = rawTarget.IndexOf('?');
        var signed = new SignedRequest(context.Request.Method, query < 0 ? rawTarget : rawTarget[..query], query < 0 ? "" : rawTarget[(query + 1)..],
            context.Request.Headers.ToDictionary(h => h.Key, h => (IReadOnlyList<string>)[.. h.Value.Select(v => v ?? "")], StringComparer.OrdinalIgnoreCase),
            bytes);
        var target = signed.Header("x-amz-target") ?? "";
        var (service, operation, contentType) =
            target.StartsWith("Logs_20140328.", StringComparison.Ordinal) ? ("logs", target[14..], "application/x-amz-json-1.1")
            : target.StartsWith("GraniteServiceVersion20100801.", StringComparison.Ordinal) ? ("monitoring", target[30..], "application/x-amz-json-1.0")
            : ("metrics", signed.RawPath == "/BatchGetMetrics" ? "BatchGetMetrics" : null, "application/json");
        var rest = service == "metrics";
        JsonObject? body = null;
        JsonObject? result = null;
        var (model, verifier) = services[service];
        var error = verifier.Verify(signed);
        if (error is null)
            (body, error) = Frame(model, signed, operation, contentType, rest);
        var clientBug = error is not null;
        if (error is null && faults.Decide(operation!) is { } injected)
            error = service == "monitoring" && injected.Error.Code == "ThrottlingException"
                ? new ServiceError(400, "Throttling", "Rate exceeded") : injected.Error;
        if (error is null)
        {
            try
            {
                result = service switch
                {
                    "logs" => logs.Handle(operation!, body!),
                    "monitoring" => metrics.Handle(operation!, body!),
                    _ => training.Handle(body!),
                };
                Check(model, operation!, result);
            }
            catch (ServiceError e)
            {
                error = e;
            }
        }
        lock (_gate)
        {
            _calls.Add(new MonitoringCall(service, operation, body?.DeepClone(), error?.StatusCode ?? 200, error?.Code));
            if (error is not null && clientBug)
                _failures.Add(new ValidationFailure(operation, error.Code, error.Message, Encoding.UTF8.GetString(bytes)));
        }
        var response = context.Response;
        response.StatusCode = error?.StatusCode ?? 200;
        response.ContentType = contentType;
        response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        if (error is not null && (rest ? error.ErrorTypeHeader ?? error.Code : error.ErrorTypeHeader) is { } type)
            response.Headers["x-amzn-ErrorType"] = type;
        // CloudWatch is awsQueryCompatible: its JSON errors also carry the query protocol's code.
        if (error is not null && service == "monitoring")
            response.Headers["x-amzn-query-error"] = $"{error.Code};{(error.StatusCode < 500 ? "Sender" : "Receiver")}";
        var answer = error is null ? result! : rest ? new JsonObject { ["message"] = error.Message } : error.Body();
        await response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
    }

    private static (JsonObject? Body, ServiceError? Error) Frame(ServiceModel model, SignedRequest request, string? operation, string contentType, bool rest)
    {
        var type = request.Header("content-type")?.Split(';')[0].Trim();
        if (request.Method != "POST" || (!rest && request.RawPath != "/"))
            return (null, ServiceError.UnknownOperation($"Expected POST /, got {request.Method} {request.RawPath}."));
        if (operation is null || !model.Operations.TryGetValue(operation, out var op))
            return (null, ServiceError.UnknownOperation($"Unknown operation: target '{request.Header("x-amz-target")}', path {request.RawPath}."));
        if (!string.Equals(type, contentType, StringComparison.OrdinalIgnoreCase))
            return (null, ServiceError.UnknownOperation($"Content-Type must be {contentType}, got '{type}'."));
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(request.Body);
        }
        catch (JsonException e)
        {
            return (null, ServiceError.Serialization($"The request body is not valid JSON: {e.Message}"));
        }
        if (body is not JsonObject obj)
            return (null, ServiceError.Serialization("The request body must be a JSON object."));
        var check = ModelValidator.Validate(model, op.Input!, obj);
        if (check.SerializationError is { } serialization)
            return (obj, ServiceError.Serialization(serialization));
        if (check.Violations.Count > 0)
            return (obj, ServiceError.Validation(ModelValidator.Message(check.Violations)));
        return (obj, null);
    }

    private void Check(ServiceModel model, string operation, JsonObject result)
    {
        var check = ModelValidator.Validate(model, model.Operations[operation].Output!, result);
        if (!check.Passed)
            lock (_gate)
                _responseProblems.Add($"{operation}: {check.SerializationError ?? ModelValidator.Message(check.Violations)}");
    }
}
