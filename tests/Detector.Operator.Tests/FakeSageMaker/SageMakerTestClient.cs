using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Detector.Operator.Tests.Fakes.SageMaker;

namespace Detector.Operator.Tests.FakeSageMakerTests;

/// <summary>Raw HttpClient calls to a <see cref="FakeSageMaker"/>, signed by <see cref="TestSigner"/> (not the operator's client).</summary>
public sealed class SageMakerTestClient(FakeSageMaker sm) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = sm.Url, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Signs and sends one operation; <paramref name="tamper"/> may change the request after signing.</summary>
    public async Task<Answer> CallAsync(string operation, JsonNode? body, string? accessKey = null, string? secretKey = null,
        DateTimeOffset? signedAt = null, string? region = null, string? rawBody = null, string contentType = "application/x-amz-json-1.1",
        Action<HttpRequestMessage>? tamper = null, string? target = null)
    {
        var bytes = Encoding.UTF8.GetBytes(rawBody ?? body?.ToJsonString() ?? "{}");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(sm.Url, "/")) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target ?? $"SageMaker.{operation}");
        TestSigner.Sign(request, bytes, accessKey ?? sm.AccessKey, secretKey ?? sm.SecretKey, region ?? sm.Region, signedAt ?? DateTimeOffset.UtcNow);
        tamper?.Invoke(request);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
        response.Headers.TryGetValues("x-amzn-ErrorType", out var types);
        return new Answer((int)response.StatusCode, json, types?.FirstOrDefault());
    }

    /// <summary>Signs and sends a SageMaker Runtime InvokeEndpoint.</summary>
    public async Task<(int Status, byte[] Body, string? ErrorType, string? Variant)> InvokeAsync(string endpoint, byte[] image, string contentType,
        string? component = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(sm.Url, $"/endpoints/{endpoint}/invocations")) { Content = new ByteArrayContent(image) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        if (component is not null)
            request.Headers.TryAddWithoutValidation("X-Amzn-SageMaker-Inference-Component", component);
        TestSigner.Sign(request, image, sm.AccessKey, sm.SecretKey, sm.Region, DateTimeOffset.UtcNow);
        using var response = await _http.SendAsync(request);
        response.Headers.TryGetValues("x-amzn-ErrorType", out var types);
        response.Headers.TryGetValues("x-Amzn-Invoked-Production-Variant", out var variants);
        return ((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync(), types?.FirstOrDefault(), variants?.FirstOrDefault());
    }

    /// <summary>Calls and asserts success.</summary>
    public async Task<JsonObject> OkAsync(string operation, JsonNode? body)
    {
        var answer = await CallAsync(operation, body);
        Assert.True(answer.Status == 200, $"{operation} answered {answer.Status}: {answer.Body.ToJsonString()}");
        return answer.Body;
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    /// <summary>An HTTP answer.</summary>
    /// <param name="Status">HTTP status.</param>
    /// <param name="Body">JSON body.</param>
    /// <param name="ErrorTypeHeader">x-amzn-ErrorType, when sent.</param>
    public sealed record Answer(int Status, JsonObject Body, string? ErrorTypeHeader)
    {
        /// <summary>The error code, trimmed as clients do (after '#', before ':').</summary>
        public string? Code => Body["__type"]?.GetValue<string>() is { } type ? type[(type.LastIndexOf('#') + 1)..].Split(':')[0] : null;

        /// <summary>The error message.</summary>
        public string? Message => Body["message"]?.GetValue<string>();
    }
}
