using System.Diagnostics;
using System.Globalization;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Kube;
using Detector.Operator.Runs;
using Detector.Testing;

namespace Detector.RuntimeBench;

/// <summary>
/// One run: start the world and the operator, bulk-apply N Datasets and N TrainingRuns, play the Job controller until
/// every expected CreateTrainingJob reached the fake SageMaker, let it settle, then measure an idle window.
/// </summary>
public sealed class RuntimeBench(BenchOptions options, TextWriter output, TextWriter progress)
{
    private const string CreateTrainingJob = "CreateTrainingJob";
    private static readonly TimeSpan s_startDeadline = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan s_rssSampleInterval = TimeSpan.FromSeconds(2);

    /// <summary>Runs the benchmark and prints the report; throws <see cref="BenchException"/> with a one-line reason.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var assets = Environment.GetEnvironmentVariable(EnvtestServer.AssetsVariable);
        var operatorPath = options.OperatorPath ?? Preflight.DefaultOperator(SharedData.RepositoryRoot, AppContext.BaseDirectory);
        if ((Preflight.Assets(assets) ?? Preflight.Operator(operatorPath, options.OperatorPath is not null, Preflight.BuildConfiguration)) is { } problem)
            throw new BenchException(problem);
        if (SharedData.Root is null)
            throw new BenchException($"needs ../shared (the AWS models the fake SageMaker validates against): set {SharedData.EnvironmentVariable}");

        var directory = Directory.CreateTempSubdirectory("detector-runtime-bench-").FullName;
        var finished = false;
        try
        {
            await using var world = await BenchWorld.StartAsync(assets!, directory, Progress);
            await using var op = await StartOperatorAsync(world, operatorPath, directory);
            await MeasureAsync(world, op, ct);
            Progress($"stopping the operator (SIGTERM): exit code {await op.StopAsync()}");
            finished = true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            finished = true;   // Asked to stop: nothing to look into.
            throw;
        }
        finally
        {
            // A failed run keeps its operator log for the error message that names it.
            if (options.Keep || !finished)
                Progress($"kept {directory}");
            else
                Directory.Delete(directory, recursive: true);
        }
    }

    private async Task<OperatorProcess> StartOperatorAsync(BenchWorld world, string operatorPath, string directory)
    {
        var targets = new OperatorTargets(world.OperatorKubeconfig, world.Namespace, world.LeaseNamespace, world.S3.ServiceUrl,
            world.SageMaker.Url.ToString(), world.Monitoring.Url.ToString(), world.SageMaker.Region, directory);
        var arguments = OperatorCommandLine.Arguments(targets);
        Progress($"starting {operatorPath} {string.Join(' ', arguments)}");
        return await OperatorProcess.StartAsync(operatorPath, arguments,
            OperatorCommandLine.Environment(targets, Environment.GetEnvironmentVariable("PATH"), Environment.GetEnvironmentVariable("DOTNET_ROOT"),
                Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>().Select(e => KeyValuePair.Create((string)e.Key, (string)e.Value!))),
            Path.Combine(directory, "operator.log"));
    }

    private async Task MeasureAsync(BenchWorld world, OperatorProcess op, CancellationToken ct)
    {
        // Started: it leads and its Dataset and TrainingRun informers are listing and watching.
        await WaitUntilAsync(op, () => world.Proxy.Requests.Where(r => r.Verb == "watch").Select(r => r.Resource).Distinct()
                .Count(r => r is "datasets" or "trainingruns") == 2, s_startDeadline, "the operator did not start watching Datasets and TrainingRuns", ct);
        var startup = ProcStats.Read(op.Pid);
        Progress($"operator pid {op.Pid} watching; RSS {startup.RssKiB / 1024.0:0.0} MiB");

        var (ramp, waitingJobNames) = await RampAsync(world, op, startup, ct);
        Progress($"every expected {CreateTrainingJob} arrived {ramp.SecondsToCreates:0.0} s after the bulk apply began; settling {options.SettleSeconds} s");
        await Task.Delay(TimeSpan.FromSeconds(options.SettleSeconds), ct);

        Progress($"idle window {options.IdleSeconds} s");
        var (apiFrom, smFrom, monitoringFrom) = (world.Proxy.Requests.Count, world.SageMaker.Requests.Count, world.Monitoring.Requests.Count);
        var samples = new List<ProcSample> { ProcStats.Read(op.Pid) };
        var watch = Stopwatch.StartNew();
        var window = TimeSpan.FromSeconds(options.IdleSeconds);
        // Sampled through the window, not only at its ends: RSS rises and falls between collections.
        while (watch.Elapsed < window)
        {
            await Task.Delay(Min(s_rssSampleInterval, window - watch.Elapsed), ct);
            samples.Add(ProcStats.Read(op.Pid));
        }
        var seconds = watch.Elapsed.TotalSeconds;
        var (api, sm, monitoring) = (world.Proxy.Requests, world.SageMaker.Requests, world.Monitoring.Requests);
        var idle = IdleReport.Compute(seconds, [.. api.Skip(apiFrom)], [.. sm.Skip(smFrom)], waitingJobNames, monitoring.Count - monitoringFrom,
            samples, ProcStats.TicksPerSecond);

        if (options.Keep)
            await WriteRequestLogsAsync(world.Directory, api.Skip(apiFrom), sm.Skip(smFrom), ct);
        output.Write(RampFigures.Format(ramp));
        output.Write(IdleReport.Format(idle));
        output.WriteLine($"  SageMaker calls for waiting TrainingRuns since the apply: {sm.Count(c => IdleReport.NamesJob(c, waitingJobNames))}");
        output.Write(await PhasesAsync(world, ct));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}"));
    }

    /// <summary>Bulk apply, play the Job controller until every expected create reached the fake; the figures and the waiting runs' job names.</summary>
    private async Task<(RampFigures Ramp, IReadOnlySet<string> WaitingJobNames)> RampAsync(BenchWorld world, OperatorProcess op, ProcSample startup,
        CancellationToken ct)
    {
        var expected = Scenario.ExpectedTrainingJobs(options.Objects);
        var applyStart = DateTimeOffset.UtcNow;
        var waitingJobNames = await BulkApplyAsync(world, ct);
        var applied = DateTimeOffset.UtcNow;
        Progress($"applied {options.Objects} Datasets and {options.Objects} TrainingRuns in {(applied - applyStart).TotalSeconds:0.0} s");

        using var player = new JobControllerPlayer(world, options.Objects);
        using var stopPlayer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var playing = player.RunAsync(stopPlayer.Token);
        try
        {
            await WaitUntilAsync(op, () => playing.IsFaulted || world.SageMaker.CreateCount(CreateTrainingJob) >= expected,
                TimeSpan.FromSeconds(options.TimeoutSeconds), $"fewer than {expected} CreateTrainingJob calls reached the fake SageMaker", ct,
                () => $"{world.SageMaker.CreateCount(CreateTrainingJob)} of {expected}");
            if (playing.IsFaulted)
                await playing;   // Its one-line reason.
            var busy = ProcStats.Read(op.Pid);
            await playing.WaitAsync(TimeSpan.FromSeconds(60), ct);
            var lastCreate = world.SageMaker.Requests.Where(c => c.Operation == CreateTrainingJob && c.Committed).Max(c => c.WallTime);
            return (new RampFigures(options.Objects, expected, (applied - applyStart).TotalSeconds,
                player.AllJobsCreatedAt is { } jobs ? (jobs - applyStart).TotalSeconds : null, (lastCreate - applyStart).TotalSeconds,
                (busy.CpuTicks - startup.CpuTicks) / (double)ProcStats.TicksPerSecond, startup.RssKiB / 1024.0), waitingJobNames);
        }
        finally
        {
            // On a failure the player must not outlive its HTTP client.
            await stopPlayer.CancelAsync();
            try
            {
                await playing;
            }
            catch (Exception)
            {
                // Stopped on purpose, or its failure was already thrown above.
            }
        }
    }

    /// <summary>Creates the Datasets, then the TrainingRuns (four at a time, as fast as the server takes them); returns the job names of the waiting runs.</summary>
    private async Task<IReadOnlySet<string>> BulkApplyAsync(BenchWorld world, CancellationToken ct)
    {
        var datasets = new KubeStore<Dataset>(world.Admin, KubeResources.Dataset);
        var runs = new KubeStore<TrainingRun>(world.Admin, KubeResources.TrainingRun);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct };
        var indexes = Enumerable.Range(0, options.Objects).ToList();
        await Parallel.ForEachAsync(indexes, parallel, async (i, token) =>
            await datasets.CreateAsync(Scenario.NewDataset(world.Namespace, world.Bucket, i), token));
        var waiting = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(indexes, parallel, async (i, token) =>
        {
            var created = await runs.CreateAsync(Scenario.NewTrainingRun(world.Namespace, world.Bucket, i), token);
            if (Scenario.Waits(i))
                waiting[TrainingJobNames.TrainingJob(created)] = true;
        });
        return waiting.Keys.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>With --keep, the idle window's requests, one per line, beside the operator log.</summary>
    private static async Task WriteRequestLogsAsync(string directory, IEnumerable<Operator.Tests.Fakes.ApiServer.ApiCall> api,
        IEnumerable<Operator.Tests.Fakes.SageMaker.SageMakerCall> sageMaker, CancellationToken ct)
    {
        await File.WriteAllLinesAsync(Path.Combine(directory, "idle-api-requests.txt"), api.Select(r => r.ToString()), ct);
        await File.WriteAllLinesAsync(Path.Combine(directory, "idle-sagemaker-calls.txt"),
            sageMaker.Select(c => $"{c.WallTime:HH:mm:ss.fff} {c.Operation} {c.StatusCode} {c.ErrorCode} {c.Body?["TrainingJobName"]}"), ct);
    }

    private static async Task<string> PhasesAsync(BenchWorld world, CancellationToken ct)
    {
        var datasets = await new KubeStore<Dataset>(world.Admin, KubeResources.Dataset).ListAsync(world.Namespace, null, ct);
        var runs = await new KubeStore<TrainingRun>(world.Admin, KubeResources.TrainingRun).ListAsync(world.Namespace, null, ct);
        static string Count(IEnumerable<string?> phases) =>
            string.Join(", ", phases.GroupBy(p => p ?? "(none)").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));
        return $"At the end: Datasets {Count(datasets.Select(d => d.Status?.Phase))}; TrainingRuns {Count(runs.Select(r => r.Status?.Phase))}; " +
            $"training jobs at the fake {world.SageMaker.TrainingJobs.Count}{Environment.NewLine}";
    }

    private static async Task WaitUntilAsync(OperatorProcess op, Func<bool> done, TimeSpan timeout, string failure, CancellationToken ct,
        Func<string>? state = null)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!done())
        {
            if (!op.IsRunning)
                throw new BenchException($"the operator exited: {op.LogTail(5).ReplaceLineEndings(" | ")}");
            if (DateTimeOffset.UtcNow > deadline)
                throw new BenchException($"{failure} within {timeout.TotalSeconds:0} s{(state is null ? "" : $" ({state()})")}; operator log: {op.LogPath}");
            // Polling: the fakes signal nothing, and this is a command that prints figures, not a test.
            await Task.Delay(s_pollInterval, ct);
        }
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private void Progress(string line) => progress.WriteLine($"[{DateTimeOffset.UtcNow:HH:mm:ss}] {line}");

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
