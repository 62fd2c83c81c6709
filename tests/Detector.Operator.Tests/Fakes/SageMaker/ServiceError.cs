using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.Fakes.SageMaker;

/// <summary>
/// An error the fake answers with, in the JSON 1.1 shape <c>{"__type": ..., "message": ...}</c>. Errors raised by
/// AWS's front end (authentication, unknown operation, unreadable body) carry the qualified Coral type and the
/// <c>x-amzn-ErrorType</c> header as the service sends them, so clients must trim the type (reference §2.2).
/// </summary>
public sealed class ServiceError(int statusCode, string code, string message, bool frontEnd = false, bool rest = false) : Exception(message)
{
    /// <summary>HTTP status.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>The bare error code, e.g. <c>ValidationException</c>.</summary>
    public string Code { get; } = code;

    /// <summary>A SageMaker Runtime (REST-JSON) error: the code travels in <c>x-amzn-ErrorType</c>, the body has only the message.</summary>
    public bool IsRest { get; } = rest;

    /// <summary>The <c>__type</c> as sent.</summary>
    public string WireType => frontEnd ? "com.amazon.coral.service#" + Code : Code;

    /// <summary>The <c>x-amzn-ErrorType</c> header value, or null when the service sends none.</summary>
    public string? ErrorTypeHeader => frontEnd ? Code + ":http://internal.amazon.com/coral/com.amazon.coral.service/" : IsRest ? Code : null;

    /// <summary>The error body.</summary>
    public JsonObject Body() => IsRest ? new() { ["message"] = Message } : new() { ["__type"] = WireType, ["message"] = Message };

    /// <summary>400 ValidationException.</summary>
    public static ServiceError Validation(string message) => new(400, "ValidationException", message);

    /// <summary>400 ResourceNotFound.</summary>
    public static ServiceError NotFound(string message) => new(400, "ResourceNotFound", message);

    /// <summary>400 ResourceInUse.</summary>
    public static ServiceError InUse(string message) => new(400, "ResourceInUse", message);

    /// <summary>400 ResourceLimitExceeded.</summary>
    public static ServiceError LimitExceeded(string message) => new(400, "ResourceLimitExceeded", message);

    /// <summary>400 SerializationException (the body does not fit the model's types).</summary>
    public static ServiceError Serialization(string message) => new(400, "SerializationException", message, frontEnd: true);

    /// <summary>400 UnknownOperationException.</summary>
    public static ServiceError UnknownOperation(string message) => new(400, "UnknownOperationException", message, frontEnd: true);

    /// <summary>400 ThrottlingException "Rate exceeded".</summary>
    public static ServiceError Throttling() => new(400, "ThrottlingException", "Rate exceeded");

    /// <summary>A 5xx: 500 InternalFailure or 503 ServiceUnavailable.</summary>
    public static ServiceError ServerError(int status) => status == 503
        ? new(503, "ServiceUnavailable", "Service is unavailable. Please try again later.", frontEnd: true)
        : new(status, "InternalFailure", "We encountered an internal error. Please try again.", frontEnd: true);

    /// <summary>403 from the authentication layer.</summary>
    public static ServiceError Auth(string code, string message) => new(403, code, message, frontEnd: true);
}
