namespace Detector.Operator.Aws;

/// <summary>The SageMaker runtime (inference), shaped like the AWS SDK's <c>IAmazonSageMakerRuntime</c>.</summary>
public interface ISageMakerRuntime
{
    /// <summary>Sends one payload to an endpoint; errors leave as <see cref="SageMakerException"/> (e.g. <c>ModelError</c>
    /// when the container failed, <c>ValidationError</c> for an unknown endpoint or component).</summary>
    Task<InvokeEndpointResponse> InvokeEndpointAsync(InvokeEndpointRequest request, CancellationToken ct = default);
}
