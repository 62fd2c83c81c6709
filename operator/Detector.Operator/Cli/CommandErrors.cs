using Detector.Preprocessing.Imaging;
using Detector.Preprocessing.Layout;
using Detector.Preprocessing.Pipeline;
using Detector.Preprocessing.Reporting;
using Detector.Preprocessing.Storage;

namespace Detector.Operator.Cli;

/// <summary>Exit codes of the data commands (prepare, prepare merge, validate, sample, bench hostile) and of logs and metrics.</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Success = 0;

    /// <summary>The data, a source, a budget or a policy failed the run; the message names the file or URL and the reason.</summary>
    public const int DataFailure = 1;

    /// <summary>The command line was wrong; the message names the option.</summary>
    public const int UsageError = 2;

    /// <summary>A bug: an exception nobody expected. One line, and the stack trace with --verbose.</summary>
    public const int InternalError = 3;

    /// <summary>Cancelled (SIGINT/SIGTERM), as shells report 128 + SIGINT.</summary>
    public const int Cancelled = 130;
}

/// <summary>
/// The one error boundary of each data command: every exception becomes one line on stderr naming the command, the
/// source and the reason, with control characters escaped, and an exit code from <see cref="ExitCodes"/>. The stack
/// trace is printed only with --verbose.
/// </summary>
public static class CommandErrors
{
    /// <summary>Runs <paramref name="body"/> inside the boundary.</summary>
    /// <param name="command">"prepare", "validate", … (the message prefix is "detector {command}: ").</param>
    /// <param name="context">What the command works on (e.g. the source and output), named in messages that cannot name it themselves (S3 errors, cancellation, internal errors); null for none.</param>
    /// <param name="verbose">Print the stack trace after the line.</param>
    /// <param name="body">The command; returns its exit code.</param>
    /// <param name="error">Where the line goes (stderr).</param>
    public static async Task<int> RunAsync(string command, string? context, bool verbose, Func<Task<int>> body, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return await body();
        }
        catch (Exception e)
        {
            var (code, message) = Classify(e, context);
            error.WriteLine($"detector {command}: {message}");
            if (verbose)
                error.WriteLine(e.ToString());
            return code;
        }
    }

    /// <summary>The exit code and the one-line message for an exception (pure).</summary>
    public static (int Code, string Message) Classify(Exception e, string? context)
    {
        ArgumentNullException.ThrowIfNull(e);
        while (e is AggregateException { InnerExceptions.Count: 1 } aggregate)
            e = aggregate.InnerExceptions[0];
        var prefix = context is null ? "" : context + ": ";
        return e switch
        {
            UsageException => (ExitCodes.UsageError, OneLine(e.Message)),
            OperationCanceledException when e.InnerException is TimeoutException => (ExitCodes.DataFailure, prefix + "timed out: " + OneLine(e.InnerException.Message)),
            OperationCanceledException => (ExitCodes.Cancelled, prefix + "cancelled"),
            Amazon.Runtime.AmazonServiceException s3 => (ExitCodes.DataFailure, prefix + StorageErrors.Describe(s3)),
            // detector logs / metrics: the object and the calls they make (their messages already name the object).
            Monitoring.MonitoredObjectException => (ExitCodes.DataFailure, OneLine(e.Message)),
            Aws.SageMakerException aws => (ExitCodes.DataFailure, prefix + Describe(aws)),
            k8s.Exceptions.KubeConfigException => (ExitCodes.UsageError, OneLine(e.Message)),
            k8s.Autorest.HttpOperationException api => (ExitCodes.DataFailure, prefix + Describe(api)),
            // An unreachable S3 endpoint says only "Connection refused (host:port)": name what was being reached.
            HttpRequestException when !e.Message.Contains("://", StringComparison.Ordinal) && !e.Message.Contains("kaggle:", StringComparison.Ordinal)
                => (ExitCodes.DataFailure, prefix + OneLine(e.Message)),
            // Messages of these already name the file, URL or object they are about.
            PrepareFailedException or DatasetLayoutException or ImageRejectedException or IOException or InvalidDataException
                or UnauthorizedAccessException or HttpRequestException or FormatException
                => (ExitCodes.DataFailure, OneLine(e.Message)),
            Amazon.Runtime.AmazonClientException => (ExitCodes.DataFailure, prefix + OneLine(e.Message)),
            OutOfMemoryException or InsufficientExecutionStackException
                => (ExitCodes.InternalError, prefix + $"ran out of {(e is OutOfMemoryException ? "memory" : "stack")}: an input budget is missing; rerun with --verbose and report it"),
            _ => (ExitCodes.InternalError, prefix + $"internal error ({e.GetType().Name}): {OneLine(e.Message)} (rerun with --verbose for the stack trace)"),
        };
    }

    // "FilterLogEvents: AccessDeniedException: User … is not authorized …" (the operation and code unless the message has them).
    private static string Describe(Aws.SageMakerException e) =>
        OneLine(e.Operation is { } op && !e.Message.Contains(op, StringComparison.Ordinal) ? $"{op}: {e.ErrorCode}: {e.Message}" : e.Message);

    // The API server's Status message ("trainingruns.detector.dev \"x\" is forbidden: User …"), else the HTTP status.
    private static string Describe(k8s.Autorest.HttpOperationException e)
    {
        var status = e.Response?.StatusCode is { } code ? $"{(int)code} {code}" : "no response";
        string? message = null;
        try
        {
            if (e.Response?.Content is { Length: > 0 } content)
            {
                using var document = System.Text.Json.JsonDocument.Parse(content);
                if (document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && document.RootElement.TryGetProperty("message", out var m)
                    && m.ValueKind == System.Text.Json.JsonValueKind.String && m.GetString() is { } text)
                    message = text.Length > 500 ? text[..500] + "…" : text;
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not a Status object (a proxy's HTML page): the HTTP status alone says enough.
        }
        return OneLine($"Kubernetes API answered {status}" + (message is null ? "" : ": " + message));
    }

    /// <summary>Control characters escaped (a CR or LF cannot start a second line).</summary>
    public static string OneLine(string text) => TerminalText.Escape(text.TrimEnd('\r', '\n'));
}
