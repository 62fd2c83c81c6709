using System.CommandLine;
using Detector.Operator.Aws;
using Detector.Operator.Monitoring;
using k8s;

namespace Detector.Operator.Cli;

/// <summary>What <c>detector logs</c> was asked to do.</summary>
/// <param name="Target">The object whose job's or endpoint's logs to print.</param>
/// <param name="Follow">Keep printing new lines until the job ends (<c>-f</c>).</param>
/// <param name="Since">Only lines newer than this (<c>--since</c>); null: from the start.</param>
/// <param name="Trial">A TuningRun's one training job (<c>--trial</c>); null: every trial.</param>
/// <param name="Settings">Cluster and AWS.</param>
public sealed record LogsArguments(MonitoredObject Target, bool Follow, TimeSpan? Since, string? Trial, ClusterAndAws Settings) : IMonitoringArguments;

/// <summary>How a follow waits between polls; tests pass a delay that moves their fakes on instead of sleeping.</summary>
/// <param name="Clock">For <c>--since</c>.</param>
/// <param name="Interval">Time between polls while following (default 5 s; doubled, up to a minute, while throttled).</param>
/// <param name="Delay">How to wait.</param>
public sealed record LogsPace(TimeProvider Clock, TimeSpan Interval, Func<TimeSpan, CancellationToken, Task> Delay)
{
    /// <summary>The real clock, 5 s.</summary>
    public static LogsPace Default { get; } = new(TimeProvider.System, TimeSpan.FromSeconds(5), (d, ct) => Task.Delay(d, ct));
}

/// <summary>
/// <c>detector logs &lt;kind&gt;/&lt;name&gt; [-n ns] [-f] [--since 10m] [--trial job]</c>: the CloudWatch logs of a TrainingRun's job, a
/// TuningRun's trials or a DetectionEndpoint's endpoint, interleaved by time with the stream name, like <c>kubectl logs</c>.
/// </summary>
public static class LogsCommand
{
    /// <summary>The SDKs' variable for a CloudWatch Logs endpoint override.</summary>
    public const string EndpointVariable = "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS";

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var (command, options) = Build();
        command.SetAction((parsed, ct) => RunAsync(parsed, options, Environment.GetEnvironmentVariable, aws => new CloudWatchLogsClient(aws),
            Console.Out, Console.Error, LogsPace.Default, ct));
        return command;
    }

    /// <summary>
    /// The whole command on <paramref name="args"/> with its ports given (tests): the environment, the CloudWatch Logs
    /// client for the resolved region and endpoint, the output streams and the pace. Returns 0 (also when there are no
    /// logs yet), 1 when the object or a call failed, 2 for bad arguments, 130 when interrupted; every failure is one line
    /// on <paramref name="error"/> (see <see cref="MonitoringCli.RunAsync"/>).
    /// </summary>
    public static Task<int> RunAsync(IReadOnlyList<string> args, Func<string, string?> env, Func<SageMakerClientOptions, ICloudWatchLogs> logs,
        TextWriter output, TextWriter error, LogsPace pace, CancellationToken ct)
    {
        var (command, options) = Build();
        return RunAsync(command.Parse(args), options, env, logs, output, error, pace, ct);
    }

    private static Task<int> RunAsync(ParseResult parsed, LogsOptions options, Func<string, string?> env, Func<SageMakerClientOptions, ICloudWatchLogs> logs,
        TextWriter output, TextWriter error, LogsPace pace, CancellationToken ct) =>
        MonitoringCli.RunAsync("logs", parsed, options.Shared, () => ToArguments(parsed, options, env), logs,
            (arguments, client, kube, ns) => PrintAsync(arguments, kube, ns, client, output, error, pace, ct), error);

    // Prints until done; a follow polls until the job ends.
    private static async Task<int> PrintAsync(LogsArguments arguments, IKubernetes client, string ns, ICloudWatchLogs logs,
        TextWriter output, TextWriter error, LogsPace pace, CancellationToken ct)
    {
        var start = arguments.Since is { } since ? (pace.Clock.GetUtcNow() - since).ToUnixTimeMilliseconds() : 0;
        var follower = new LogFollower(start);
        var interval = pace.Interval;
        while (true)
        {
            // The status first: lines written before the job ended are then all in the drain below.
            var query = await MonitoringCli.LogQueryAsync(client, ns, arguments.Target, arguments.Trial, ct);
            try
            {
                if (!await DrainAsync(logs, query, follower, output, ct) && !arguments.Follow)
                    await error.WriteLineAsync($"detector logs: no logs yet for {query.Source} in {query.Group}");
                interval = pace.Interval;
            }
            catch (SageMakerException e) when (arguments.Follow && e.Kind is SageMakerErrorKind.Throttling)
            {
                // The client already retried with backoff; a follow slows down and keeps going.
                interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
            }
            if (!arguments.Follow || query.Finished)
                return ExitCodes.Success;
            await output.FlushAsync(ct);
            await pace.Delay(interval, ct);
        }
    }

    // Every page from the follower's start; false when the log group does not exist yet (the job has not logged).
    private static async Task<bool> DrainAsync(ICloudWatchLogs logs, LogQuery query, LogFollower follower, TextWriter output, CancellationToken ct)
    {
        string? token = null;
        var startTime = follower.StartTime;
        do
        {
            FilterLogEventsResponse page;
            try
            {
                page = await logs.FilterLogEventsAsync(new FilterLogEventsRequest
                {
                    LogGroupName = query.Group, LogStreamNamePrefix = query.StreamPrefix, StartTime = startTime, NextToken = token,
                }, ct);
            }
            catch (SageMakerException e) when (e.ErrorCode == "ResourceNotFoundException")
            {
                return false;
            }
            foreach (var line in follower.Accept(page.Events ?? []))
                await output.WriteLineAsync(LogFollower.Format(line));
            token = page.NextToken;
        }
        while (token is not null);
        return follower.Printed > 0;
    }

    /// <summary>Pure: the arguments of <c>detector logs &lt;args&gt;</c>; throws <see cref="FormatException"/> naming the flag.</summary>
    public static LogsArguments ParseArguments(IReadOnlyList<string> args, Func<string, string?> env)
    {
        var (command, options) = Build();
        var parsed = command.Parse(args);
        if (parsed.Errors.Count > 0)
            throw new FormatException(string.Join("; ", parsed.Errors.Select(e => e.Message)));
        return ToArguments(parsed, options, env);
    }

    private static (Command, LogsOptions) Build()
    {
        var command = new Command("logs", "Prints the CloudWatch logs of a TrainingRun's job, a TuningRun's trials or a DetectionEndpoint, by time with the stream name.");
        var options = new LogsOptions();
        options.Shared.AddTo(command);
        foreach (var option in new Option[] { options.Follow, options.Since, options.Trial })
            command.Options.Add(option);
        return (command, options);
    }

    private static LogsArguments ToArguments(ParseResult parsed, LogsOptions o, Func<string, string?> env)
    {
        var target = MonitoredObject.Parse(parsed.GetValue(o.Shared.Target)!);
        var since = parsed.GetValue(o.Since) is { Length: > 0 } text ? Durations.Parse(text, "--since") : (TimeSpan?)null;
        var trial = string.IsNullOrWhiteSpace(parsed.GetValue(o.Trial)) ? null : parsed.GetValue(o.Trial)!.Trim();
        if (trial is not null && target.Kind != MonitoredKind.TuningRun)
            throw new FormatException("--trial applies to a tuningrun only");
        return new LogsArguments(target, parsed.GetValue(o.Follow), since, trial, MonitoringCli.Read(parsed, o.Shared, env, EndpointVariable));
    }

    private sealed class LogsOptions
    {
        public MonitoringCli.Options Shared { get; } = new("--logs-endpoint-url",
            $"CloudWatch Logs endpoint override for emulators and tests (default: {EndpointVariable}, AWS_ENDPOINT_URL, else AWS).");
        public Option<bool> Follow { get; } = new("--follow", "-f") { Description = "Keep printing new lines until the job ends (an endpoint: until interrupted)." };
        public Option<string?> Since { get; } = new("--since") { Description = "Only lines newer than this, e.g. 30s, 10m, 2h (default: all)." };
        public Option<string?> Trial { get; } = new("--trial") { Description = "A TuningRun's one training job (default: every trial)." };
    }
}
