// From the AWS API model ../shared/aws-models/sagemaker-runtime-2017-05-13.json (Apache-2.0): member names and required
// flags are the model's; the body is bytes (the SDK's MemoryStream) and every other member travels as an HTTP header.

namespace Detector.Operator.Aws;

/// <summary>Request of InvokeEndpoint: sends one payload to a real-time endpoint (or one of its inference components).</summary>
public sealed record InvokeEndpointRequest
{
    /// <summary>Required. The endpoint, in the URL path. Length 0–63.</summary>
    public required string EndpointName { get; init; }
    /// <summary>Required. The payload, sent as-is; at most 6,291,456 bytes.</summary>
    public required byte[] Body { get; init; }
    /// <summary>MIME type of the payload (header <c>Content-Type</c>), e.g. <c>image/jpeg</c>.</summary>
    public string? ContentType { get; init; }
    /// <summary>Desired MIME type of the answer (header <c>Accept</c>), e.g. <c>application/json</c>.</summary>
    public string? Accept { get; init; }
    /// <summary>Opaque information passed to the container (header <c>X-Amzn-SageMaker-Custom-Attributes</c>). Length 0–1024.</summary>
    public string? CustomAttributes { get; init; }
    /// <summary>The model of a multi-model endpoint (header <c>X-Amzn-SageMaker-Target-Model</c>). Length 1–1024.</summary>
    public string? TargetModel { get; init; }
    /// <summary>The production variant to send to (header <c>X-Amzn-SageMaker-Target-Variant</c>). Length 0–63.</summary>
    public string? TargetVariant { get; init; }
    /// <summary>The container of a multi-container endpoint (header <c>X-Amzn-SageMaker-Target-Container-Hostname</c>). Length 0–63.</summary>
    public string? TargetContainerHostname { get; init; }
    /// <summary>An id for data capture correlation (header <c>X-Amzn-SageMaker-Inference-Id</c>). Length 1–64.</summary>
    public string? InferenceId { get; init; }
    /// <summary>Clarify explanation filter (header <c>X-Amzn-SageMaker-Enable-Explanations</c>). Length 1–64.</summary>
    public string? EnableExplanations { get; init; }
    /// <summary>The inference component to invoke (header <c>X-Amzn-SageMaker-Inference-Component</c>). Length 0–63.</summary>
    public string? InferenceComponentName { get; init; }
    /// <summary>A stateful session id or <c>NEW_SESSION</c> (header <c>X-Amzn-SageMaker-Session-Id</c>). Length 0–256.</summary>
    public string? SessionId { get; init; }
}

/// <summary>Response of InvokeEndpoint.</summary>
public sealed record InvokeEndpointResponse
{
    /// <summary>Required. The model's answer, as the container wrote it.</summary>
    public required byte[] Body { get; init; }
    /// <summary>MIME type of the answer (header <c>Content-Type</c>).</summary>
    public string? ContentType { get; init; }
    /// <summary>The production variant that answered (header <c>x-Amzn-Invoked-Production-Variant</c>).</summary>
    public string? InvokedProductionVariant { get; init; }
    /// <summary>Opaque information from the container (header <c>X-Amzn-SageMaker-Custom-Attributes</c>).</summary>
    public string? CustomAttributes { get; init; }
    /// <summary>A session the request opened, with its expiry (header <c>X-Amzn-SageMaker-New-Session-Id</c>).</summary>
    public string? NewSessionId { get; init; }
    /// <summary>A session the request closed (header <c>X-Amzn-SageMaker-Closed-Session-Id</c>).</summary>
    public string? ClosedSessionId { get; init; }
}
