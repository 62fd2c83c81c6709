namespace Detector.Operator.Aws;

/// <summary>
/// One call of an AWS JSON RPC protocol (JSON 1.0 or 1.1): <c>POST /</c>, <c>X-Amz-Target: &lt;prefix&gt;.&lt;Operation&gt;</c>,
/// the record as the body, the transport's signing, retries and rate limit; the answer read leniently.
/// </summary>
internal static class AwsJsonRpc
{
    public static async Task<TResponse> CallAsync<TRequest, TResponse>(AwsHttpTransport transport, Uri url, string service,
        string targetPrefix, string contentType, string operation, TRequest request, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = new AwsHttpRequest(operation, HttpMethod.Post, url, AwsJson.Serialize(request), contentType,
            [new("X-Amz-Target", targetPrefix + "." + operation)], timeout, RestJson: false);
        var response = await transport.SendAsync(call, ct);
        return Read<TResponse>(service, operation, response);
    }

    public static TResponse Read<TResponse>(string service, string operation, AwsHttpResponse response)
    {
        try
        {
            return AwsJson.Deserialize<TResponse>(response.Body);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new SageMakerException("InvalidResponse", $"{service} {operation} returned a body that is not a {typeof(TResponse).Name}: {e.Message}",
                response.StatusCode, response.Headers.GetValueOrDefault("x-amzn-RequestId"), SageMakerErrorKind.Other, e);
        }
    }
}
