using System.Net;
using Amazon.S3;
using Detector.Operator.Aws;
using Detector.Operator.Cli;
using Detector.Operator.Monitoring;
using k8s.Autorest;
using Detector.Preprocessing.Pipeline;
using Detector.Preprocessing.Sources;

namespace Detector.Operator.Tests.Validation;

/// <summary>The error boundary of the data commands: one escaped line and a documented exit code per exception.</summary>
public class CommandErrorsTests
{
    public static TheoryData<Exception, int, string> Table() => new()
    {
        { new PrepareFailedException("labels/a.txt:3: bad"), ExitCodes.DataFailure, "labels/a.txt:3: bad" },
        { new UnsafeArchiveException("http://x/a.zip: refused entry 'a\\nb'"), ExitCodes.DataFailure, "http://x/a.zip: refused entry 'a\\nb'" },
        { new InvalidDataException("http://x/a.zip is neither a zip nor a tar.gz archive"), ExitCodes.DataFailure, "http://x/a.zip is neither a zip nor a tar.gz archive" },
        { new HttpRequestException("downloading http://x/a.zip failed: HTTP 500 Internal Server Error"), ExitCodes.DataFailure, "downloading http://x/a.zip failed: HTTP 500 Internal Server Error" },
        { new AmazonS3Exception("Access Denied") { StatusCode = HttpStatusCode.Forbidden, ErrorCode = "AccessDenied" }, ExitCodes.DataFailure, "s3://b/p -> out: S3 AccessDenied (HTTP 403): Access Denied" },
        { new HttpRequestException("Connection refused (127.0.0.1:1)"), ExitCodes.DataFailure, "s3://b/p -> out: Connection refused (127.0.0.1:1)" },
        { new UsageException("--seed 'x' must be a whole number"), ExitCodes.UsageError, "--seed 'x' must be a whole number" },
        { new OperationCanceledException(), ExitCodes.Cancelled, "s3://b/p -> out: cancelled" },
        { new AggregateException(new IOException("disk full\u001b[2J")), ExitCodes.DataFailure, "disk full\\x1B[2J" },
        // detector logs / metrics (the context is the object).
        { new MonitoredObjectException("TrainingRun vision/a not found"), ExitCodes.DataFailure, "TrainingRun vision/a not found" },
        { new SageMakerException("AccessDeniedException", "User: u is not authorized to perform: logs:FilterLogEvents", 400, "r", SageMakerErrorKind.AccessDenied, operation: "FilterLogEvents"),
            ExitCodes.DataFailure, "s3://b/p -> out: User: u is not authorized to perform: logs:FilterLogEvents" },
        { new SageMakerException("ThrottlingException", "Rate exceeded\n", 400, "r", SageMakerErrorKind.Throttling, operation: "BatchGetMetrics"),
            ExitCodes.DataFailure, "s3://b/p -> out: BatchGetMetrics: ThrottlingException: Rate exceeded" },
        { new k8s.Exceptions.KubeConfigException("kubeconfig file not found at /nope"), ExitCodes.UsageError, "kubeconfig file not found at /nope" },
        { new HttpOperationException("Operation returned an invalid status code 'Forbidden'")
            {
                Response = new HttpResponseMessageWrapper(new HttpResponseMessage(HttpStatusCode.Forbidden),
                    """{"kind":"Status","message":"trainingruns.detector.dev \"a\" is forbidden: User \"dev\" cannot get resource"}"""),
            },
            ExitCodes.DataFailure, "s3://b/p -> out: Kubernetes API answered 403 Forbidden: trainingruns.detector.dev \"a\" is forbidden: User \"dev\" cannot get resource" },
        { new HttpOperationException("x") { Response = new HttpResponseMessageWrapper(new HttpResponseMessage(HttpStatusCode.BadGateway), "<html>") },
            ExitCodes.DataFailure, "s3://b/p -> out: Kubernetes API answered 502 BadGateway" },
        { new NullReferenceException("boom"), ExitCodes.InternalError, "s3://b/p -> out: internal error (NullReferenceException): boom (rerun with --verbose for the stack trace)" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Classify_Table(Exception error, int code, string message)
    {
        Assert.Equal((code, message), CommandErrors.Classify(error, "s3://b/p -> out"));
    }

    [Fact]
    public async Task RunAsync_Failure_WritesOneLineAndTheStackOnlyWhenVerbose()
    {
        using var quiet = new StringWriter();
        using var verbose = new StringWriter();
        Task<int> Throw() => throw new InvalidOperationException("line one\nline two");

        Assert.Equal(ExitCodes.InternalError, await CommandErrors.RunAsync("prepare", null, verbose: false, Throw, quiet));
        Assert.Equal(ExitCodes.InternalError, await CommandErrors.RunAsync("prepare", null, verbose: true, Throw, verbose));

        Assert.Equal("detector prepare: internal error (InvalidOperationException): line one\\nline two (rerun with --verbose for the stack trace)" + Environment.NewLine, quiet.ToString());
        Assert.Contains("   at ", verbose.ToString(), StringComparison.Ordinal);
    }
}
