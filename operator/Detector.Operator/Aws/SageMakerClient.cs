namespace Detector.Operator.Aws;

/// <summary>
/// <see cref="ISageMaker"/> over the SageMaker JSON 1.1 protocol: <c>POST /</c> with
/// <c>X-Amz-Target: SageMaker.&lt;Operation&gt;</c>, a SigV4-signed JSON body, and the transport's rate limit and
/// retries. Thread-safe; make one per process.
/// </summary>
public sealed partial class SageMakerClient : ISageMaker, IDisposable
{
    /// <summary>The JSON 1.1 content type.</summary>
    public const string ContentType = "application/x-amz-json-1.1";

    private readonly SageMakerClientOptions _options;
    private readonly AwsHttpTransport _transport;
    private readonly Uri _url;

    /// <summary>Creates a client; throws <see cref="ArgumentException"/> naming a bad region or endpoint.</summary>
    public SageMakerClient(SageMakerClientOptions options)
    {
        _options = options;
        _url = options.ServiceUrl ?? AwsEndpoints.SageMakerApi(options.Region);
        if (_url.Scheme is not ("https" or "http"))
            throw new ArgumentException($"SageMaker endpoint '{_url}' must be an http or https URL", nameof(options));
        _transport = new AwsHttpTransport(options);
    }

    /// <summary>The factory the host calls.</summary>
    public static SageMakerClient Create(SageMakerClientOptions options) => new(options);

    /// <summary>The control-plane URL requests go to.</summary>
    public Uri ServiceUrl => _url;

    /// <inheritdoc/>
    public Task<CreateTrainingJobResponse> CreateTrainingJobAsync(CreateTrainingJobRequest request, CancellationToken ct = default) =>
        CallAsync<CreateTrainingJobRequest, CreateTrainingJobResponse>("CreateTrainingJob", request, ct);

    /// <inheritdoc/>
    public Task<DescribeTrainingJobResponse> DescribeTrainingJobAsync(DescribeTrainingJobRequest request, CancellationToken ct = default) =>
        CallAsync<DescribeTrainingJobRequest, DescribeTrainingJobResponse>("DescribeTrainingJob", request, ct);

    /// <inheritdoc/>
    public Task<StopTrainingJobResponse> StopTrainingJobAsync(StopTrainingJobRequest request, CancellationToken ct = default) =>
        CallAsync<StopTrainingJobRequest, StopTrainingJobResponse>("StopTrainingJob", request, ct);

    /// <inheritdoc/>
    public Task<CreateHyperParameterTuningJobResponse> CreateHyperParameterTuningJobAsync(
        CreateHyperParameterTuningJobRequest request, CancellationToken ct = default) =>
        CallAsync<CreateHyperParameterTuningJobRequest, CreateHyperParameterTuningJobResponse>("CreateHyperParameterTuningJob", request, ct);

    /// <inheritdoc/>
    public Task<DescribeHyperParameterTuningJobResponse> DescribeHyperParameterTuningJobAsync(
        DescribeHyperParameterTuningJobRequest request, CancellationToken ct = default) =>
        CallAsync<DescribeHyperParameterTuningJobRequest, DescribeHyperParameterTuningJobResponse>(
            "DescribeHyperParameterTuningJob", request, ct);

    /// <inheritdoc/>
    public Task<StopHyperParameterTuningJobResponse> StopHyperParameterTuningJobAsync(
        StopHyperParameterTuningJobRequest request, CancellationToken ct = default) =>
        CallAsync<StopHyperParameterTuningJobRequest, StopHyperParameterTuningJobResponse>("StopHyperParameterTuningJob", request, ct);

    /// <inheritdoc/>
    public Task<ListTrainingJobsForHyperParameterTuningJobResponse> ListTrainingJobsForHyperParameterTuningJobAsync(
        ListTrainingJobsForHyperParameterTuningJobRequest request, CancellationToken ct = default) =>
        CallAsync<ListTrainingJobsForHyperParameterTuningJobRequest, ListTrainingJobsForHyperParameterTuningJobResponse>(
            "ListTrainingJobsForHyperParameterTuningJob", request, ct);

    /// <inheritdoc/>
    public Task<AddTagsResponse> AddTagsAsync(AddTagsRequest request, CancellationToken ct = default) =>
        CallAsync<AddTagsRequest, AddTagsResponse>("AddTags", request, ct);

    /// <inheritdoc/>
    public Task<ListTagsResponse> ListTagsAsync(ListTagsRequest request, CancellationToken ct = default) =>
        CallAsync<ListTagsRequest, ListTagsResponse>("ListTags", request, ct);

    /// <inheritdoc/>
    public Task<DeleteTagsResponse> DeleteTagsAsync(DeleteTagsRequest request, CancellationToken ct = default) =>
        CallAsync<DeleteTagsRequest, DeleteTagsResponse>("DeleteTags", request, ct);

    private async Task<TResponse> CallAsync<TRequest, TResponse>(string operation, TRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = new AwsHttpRequest(operation, HttpMethod.Post, _url, AwsJson.Serialize(request), ContentType,
            [new("X-Amz-Target", "SageMaker." + operation)], _options.Timeout, RestJson: false);
        var response = await _transport.SendAsync(call, ct);
        try
        {
            return AwsJson.Deserialize<TResponse>(response.Body);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new SageMakerException("InvalidResponse", $"SageMaker {operation} returned a body that is not a {typeof(TResponse).Name}: {e.Message}",
                response.StatusCode, response.Headers.GetValueOrDefault("x-amzn-RequestId"), SageMakerErrorKind.Other, e, operation);
        }
    }

    /// <summary>Closes the connection pool.</summary>
    public void Dispose() => _transport.Dispose();
}
