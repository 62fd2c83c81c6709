using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.Fakes.SageMaker;

/// <summary>One request the fake answered.</summary>
/// <param name="Sequence">0-based arrival order.</param>
/// <param name="Time">The fake clock when it arrived.</param>
/// <param name="WallTime">The wall clock (<c>SigningClock</c>) when it arrived, for call-rate assertions.</param>
/// <param name="Operation">The operation (from X-Amz-Target), or null when there was none.</param>
/// <param name="Body">The parsed JSON body, or null when it did not parse.</param>
/// <param name="StatusCode">HTTP status answered.</param>
/// <param name="ErrorCode">Error code answered (bare, e.g. ThrottlingException), or null on success.</param>
/// <param name="ErrorMessage">Error message answered.</param>
/// <param name="Committed">The operation took effect (also when its answer was replaced by an after-commit fault).</param>
public sealed record SageMakerCall(int Sequence, DateTimeOffset Time, DateTimeOffset WallTime, string? Operation, JsonNode? Body, int StatusCode,
    string? ErrorCode, string? ErrorMessage, bool Committed)
{
    /// <summary>2xx.</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

/// <summary>A request that broke the AWS model or the protocol (what a correct client never sends).</summary>
/// <param name="Operation">The operation, when known.</param>
/// <param name="ErrorCode">ValidationException, SerializationException, UnknownOperationException or an authentication error.</param>
/// <param name="Message">The message the fake answered with.</param>
/// <param name="Body">The request body as text.</param>
public sealed record ValidationFailure(string? Operation, string ErrorCode, string Message, string Body);
