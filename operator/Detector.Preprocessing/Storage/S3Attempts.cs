using System.Diagnostics;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.S3;

namespace Detector.Preprocessing.Storage;

/// <summary>
/// One HTTP attempt of an S3 call, reported to the callback given to <see cref="S3ClientFactory.Create(S3StorageSettings, Action{S3Attempt}?)"/>
/// (the operator turns it into its AWS call metrics; this project stays free of a metrics library).
/// </summary>
/// <param name="Operation">The SDK request name without <c>Request</c>, e.g. <c>GetObject</c>, <c>GetObjectMetadata</c> (HeadObject), <c>DeleteObjects</c>.</param>
/// <param name="Attempt">1 for the first try, 2 for the SDK's first retry, ...</param>
/// <param name="StatusCode">The HTTP status, or 0 when no response arrived (a network error or a timeout).</param>
/// <param name="ErrorCode">The S3 error code of a failed attempt (<c>NoSuchKey</c>, <c>SlowDown</c>, ...); null on success.</param>
/// <param name="Duration">From sending to the response headers (an object's body streams afterwards) or the failure.</param>
public sealed record S3Attempt(string Operation, int Attempt, int StatusCode, string? ErrorCode, TimeSpan Duration);

/// <summary>
/// An <see cref="AmazonS3Client"/> that reports every HTTP attempt: a pipeline handler placed just inside the SDK's
/// retry handler, so each retry is seen once, with the status and error code the SDK parsed.
/// </summary>
internal sealed class ObservedS3Client : AmazonS3Client
{
    /// <summary>With explicit keys.</summary>
    public ObservedS3Client(AWSCredentials credentials, AmazonS3Config config, Action<S3Attempt> onAttempt)
        : base(credentials, config) => Observe(onAttempt);

    /// <summary>With the SDK's default credential chain.</summary>
    public ObservedS3Client(AmazonS3Config config, Action<S3Attempt> onAttempt)
        : base(config) => Observe(onAttempt);

    // The pipeline is built by the base constructor; the observer joins it once that has run.
    private void Observe(Action<S3Attempt> onAttempt) => RuntimePipeline.AddHandlerAfter<RetryHandler>(new AttemptObserver(onAttempt));
}

/// <summary>Times one attempt and reports its outcome; never changes the call's result or exception.</summary>
internal sealed class AttemptObserver(Action<S3Attempt> onAttempt) : PipelineHandler
{
    public override void InvokeSync(IExecutionContext executionContext)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            base.InvokeSync(executionContext);
        }
        catch (Exception e) when (Report(executionContext, started, e))
        {
            throw; // Unreachable: Report returns false so the exception propagates untouched.
        }
        Report(executionContext, started, null);
    }

    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            Report(executionContext, started, null);
            return response;
        }
        catch (Exception e) when (Report(executionContext, started, e))
        {
            throw;
        }
    }

    // An exception filter that always returns false: observes the failure without catching it.
    private bool Report(IExecutionContext context, long started, Exception? failure)
    {
        var request = context.RequestContext;
        if (failure is OperationCanceledException && request.CancellationToken.IsCancellationRequested)
            return false; // The caller gave up; that is not an outcome of S3.
        var (status, code) = failure switch
        {
            null => ((int?)context.ResponseContext?.HttpResponse?.StatusCode ?? 200, null),
            AmazonServiceException service => ((int)service.StatusCode, service.ErrorCode ?? ((int)service.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            _ => (0, failure.GetType().Name),
        };
        onAttempt(new S3Attempt(OperationOf(request.OriginalRequest), request.Retries + 1, status, code, Stopwatch.GetElapsedTime(started)));
        return false;
    }

    /// <summary>Pure: <c>GetObjectRequest</c> → <c>GetObject</c>.</summary>
    internal static string OperationOf(AmazonWebServiceRequest request)
    {
        var name = request.GetType().Name;
        return name.EndsWith("Request", StringComparison.Ordinal) && name.Length > "Request".Length ? name[..^"Request".Length] : name;
    }
}
