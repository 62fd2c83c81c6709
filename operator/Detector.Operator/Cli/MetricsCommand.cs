using System.CommandLine;
using System.Diagnostics;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Charts;
using Detector.Operator.Kube;
using Detector.Operator.Monitoring;
using k8s;

namespace Detector.Operator.Cli;

/// <summary>What <c>detector metrics</c> was asked to do.</summary>
/// <param name="Target">A TrainingRun or TuningRun.</param>
/// <param name="OutputPath">Chart file (.png or .svg); null: table only.</param>
/// <param name="Metric">The metric; null: validation:mAP (a TrainingRun also gets its losses).</param>
/// <param name="Settings">Cluster and AWS.</param>
public sealed record MetricsArguments(MonitoredObject Target, string? OutputPath, string? Metric, ClusterAndAws Settings) : IMonitoringArguments;

/// <summary>
/// <c>detector metrics &lt;kind&gt;/&lt;name&gt; [-o curve.png|.svg] [--metric validation:mAP]</c>: a TrainingRun's metrics per epoch
/// (mAP and losses), or a TuningRun's objective per epoch for each trial with the best one's hyperparameters, from
/// SageMaker Metrics (BatchGetMetrics); printed as a table and drawn as a chart.
/// </summary>
public static class MetricsCommand
{
    /// <summary>The SDKs' variable for a SageMaker Metrics endpoint override.</summary>
    public const string EndpointVariable = "AWS_ENDPOINT_URL_SAGEMAKER_METRICS";

    private const int MaxQueries = 100;   // BatchGetMetrics' MetricQueries max.

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var (command, options) = Build();
        command.SetAction((parsed, ct) => RunAsync(parsed, options, Environment.GetEnvironmentVariable, aws => new SageMakerMetricsClient(aws),
            Console.Out, Console.Error, ct));
        return command;
    }

    /// <summary>
    /// The whole command on <paramref name="args"/> with its ports given (tests): the environment, the SageMaker Metrics
    /// client for the resolved region and endpoint, and the output streams. Returns 0, 1 when the object or a call failed,
    /// 2 for bad arguments, 130 when interrupted; every failure is one line on <paramref name="error"/>
    /// (see <see cref="MonitoringCli.RunAsync"/>).
    /// </summary>
    public static Task<int> RunAsync(IReadOnlyList<string> args, Func<string, string?> env, Func<SageMakerClientOptions, ISageMakerMetrics> metrics,
        TextWriter output, TextWriter error, CancellationToken ct)
    {
        var (command, options) = Build();
        return RunAsync(command.Parse(args), options, env, metrics, output, error, ct);
    }

    private static Task<int> RunAsync(ParseResult parsed, MetricsOptions options, Func<string, string?> env,
        Func<SageMakerClientOptions, ISageMakerMetrics> metrics, TextWriter output, TextWriter error, CancellationToken ct) =>
        MonitoringCli.RunAsync("metrics", parsed, options.Shared, () => ToArguments(parsed, options, env), metrics,
            (arguments, client, kube, ns) => PrintAsync(arguments, kube, ns, client, output, ct), error);

    // The table on the output, and the chart when asked for.
    private static async Task<int> PrintAsync(MetricsArguments arguments, IKubernetes client, string ns, ISageMakerMetrics metrics,
        TextWriter output, CancellationToken ct)
    {
        var metric = arguments.Metric ?? MetricTables.ObjectDetectionMetrics[0];
        ChartSpec chart;
        if (arguments.Target.Kind == MonitoredKind.TrainingRun)
        {
            var run = await MonitoringCli.GetAsync<TrainingRun>(client, KubeResources.TrainingRun, ns, arguments.Target.Name, ct);
            var arn = run.Status?.TrainingJobArn ?? throw new MonitoredObjectException($"TrainingRun {ns}/{run.Metadata.Name} has no training job yet (phase {run.Status?.Phase ?? "none"})");
            var names = arguments.Metric is null ? MetricTables.ObjectDetectionMetrics : [metric];
            var series = await SeriesAsync(metrics, names.Select(n => (n, arn, n)).ToList(), ct);
            await output.WriteAsync(MetricTables.EpochTable(series));
            chart = new ChartSpec($"TrainingRun {run.Metadata.Name} ({run.Status.TrainingJobName})", "epoch", arguments.Metric ?? "value",
                [.. series.Select(s => new ChartSeries(s.Name, [.. s.Points.Select(p => ((double)p.X, p.Y))], s.Name == metric))],
                [$"job status: {run.Status.TrainingJobStatus ?? "unknown"}"]);
        }
        else if (arguments.Target.Kind == MonitoredKind.TuningRun)
        {
            var run = await MonitoringCli.GetAsync<TuningRun>(client, KubeResources.TuningRun, ns, arguments.Target.Name, ct);
            var arn = run.Status?.TuningJobArn ?? throw new MonitoredObjectException($"TuningRun {ns}/{run.Metadata.Name} has no tuning job yet (phase {run.Status?.Phase ?? "none"})");
            var best = run.Status.BestTrainingJob;
            var trials = run.Status.TopTrials.Select(t => t.Name).Append(best?.Name).OfType<string>().Distinct().Take(MaxQueries).ToList();
            var series = await SeriesAsync(metrics, trials.Select(t => (t, MetricTables.TrialArn(arn, t), metric)).ToList(), ct);
            await output.WriteAsync(MetricTables.TrialTable(series, best?.Name));
            var notes = best is null ? new List<string> { "no best trial yet" }
                : [$"best: {best.Name}", .. best.TunedHyperparameters.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"  {h.Key} = {h.Value}")];
            foreach (var note in notes)
                await output.WriteLineAsync(note);
            chart = new ChartSpec($"TuningRun {run.Metadata.Name}: {metric} per trial", "epoch", metric,
                [.. series.Select(s => new ChartSeries(s.Name, [.. s.Points.Select(p => ((double)p.X, p.Y))], s.Name == best?.Name))], notes);
        }
        else
        {
            // ToArguments refuses a detectionendpoint as a usage error.
            throw new UnreachableException($"detector metrics got a {arguments.Target.Kind}");
        }
        if (arguments.OutputPath is { } path)
        {
            await File.WriteAllBytesAsync(path, path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) ? LineChart.Svg(chart) : LineChart.Png(chart), ct);
            await output.WriteLineAsync($"wrote {path}");
        }
        return ExitCodes.Success;
    }

    // One BatchGetMetrics call (≤ 100 queries): the last value of each epoch.
    private static async Task<List<MetricSeries>> SeriesAsync(ISageMakerMetrics metrics, List<(string Label, string Arn, string Metric)> queries, CancellationToken ct)
    {
        if (queries.Count == 0)
            return [];
        var answer = await metrics.BatchGetMetricsAsync(new BatchGetMetricsRequest
        {
            MetricQueries = [.. queries.Select(q => new MetricQuery
            {
                MetricName = q.Metric, ResourceArn = q.Arn, MetricStat = MetricStatistic.Last, Period = Period.IterationNumber,
                XAxisType = XAxisType.IterationNumber,
            })],
        }, ct);
        var results = answer.MetricQueryResults ?? [];
        return [.. queries.Select((q, i) => i < results.Count && results[i].Status is "Complete" or "Truncated"
            ? new MetricSeries(q.Label, [.. results[i].XAxisValues.Zip(results[i].MetricValues)])
            : new MetricSeries(q.Label, []))];
    }

    /// <summary>Pure: the arguments of <c>detector metrics &lt;args&gt;</c>; throws <see cref="FormatException"/> naming the flag.</summary>
    public static MetricsArguments ParseArguments(IReadOnlyList<string> args, Func<string, string?> env)
    {
        var (command, options) = Build();
        var parsed = command.Parse(args);
        if (parsed.Errors.Count > 0)
            throw new FormatException(string.Join("; ", parsed.Errors.Select(e => e.Message)));
        return ToArguments(parsed, options, env);
    }

    private static (Command, MetricsOptions) Build()
    {
        var command = new Command("metrics", "Prints a TrainingRun's metrics per epoch, or a TuningRun's per trial, and draws them (-o chart.png|.svg).");
        var options = new MetricsOptions();
        options.Shared.AddTo(command);
        command.Options.Add(options.Output);
        command.Options.Add(options.Metric);
        return (command, options);
    }

    private static MetricsArguments ToArguments(ParseResult parsed, MetricsOptions o, Func<string, string?> env)
    {
        var output = string.IsNullOrWhiteSpace(parsed.GetValue(o.Output)) ? null : parsed.GetValue(o.Output)!.Trim();
        if (output is not null && !output.EndsWith(".png", StringComparison.OrdinalIgnoreCase) && !output.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
            throw new FormatException($"--output '{output}' must end in .png or .svg");
        var metric = string.IsNullOrWhiteSpace(parsed.GetValue(o.Metric)) ? null : parsed.GetValue(o.Metric)!.Trim();
        if (metric is { Length: > 255 })
            throw new FormatException("--metric is longer than 255 characters");
        var target = MonitoredObject.Parse(parsed.GetValue(o.Shared.Target)!);
        if (target.Kind == MonitoredKind.DetectionEndpoint)
            throw new FormatException("a detectionendpoint's figures are in its status (kubectl describe detep); metrics charts trainingruns and tuningruns");
        return new MetricsArguments(target, output, metric,
            MonitoringCli.Read(parsed, o.Shared, env, EndpointVariable));
    }

    private sealed class MetricsOptions
    {
        public MonitoringCli.Options Shared { get; } = new("--metrics-endpoint-url",
            $"SageMaker Metrics endpoint override for emulators and tests (default: {EndpointVariable}, AWS_ENDPOINT_URL, else AWS).");
        public Option<string?> Output { get; } = new("--output", "-o") { Description = "Write the chart to this .png or .svg file." };
        public Option<string?> Metric { get; } = new("--metric") { Description = "The metric (default: validation:mAP; a TrainingRun also shows its losses)." };
    }
}
