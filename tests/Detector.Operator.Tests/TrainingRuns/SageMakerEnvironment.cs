using Amazon.Runtime;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Cli;
using Detector.Operator.Datasets;
using Detector.Operator.Hosting;
using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.EndToEnd;
using Detector.Operator.Tests.Fakes.SageMaker;
using Detector.Preprocessing.Pipeline;
using Detector.Preprocessing.Sources;
using Detector.Preprocessing.Storage;
using Detector.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Detector.Operator.Tests.TrainingRuns;

/// <summary>
/// The whole loop over HTTP: the real API server and s3rver of <see cref="OperatorEnvironment"/>, the fake SageMaker
/// (pointed at s3rver, so it fails jobs whose channels do not exist) and the operator started as <c>detector run</c>
/// would start it, with the real SageMaker client signing with the fake's keys.
/// </summary>
public sealed class SageMakerEnvironment : IAsyncDisposable
{
    private CancellationTokenSource? _stop;
    private Task<int>? _run;

    private SageMakerEnvironment(OperatorEnvironment kube, FakeSageMaker sageMaker)
    {
        (Kube, SageMaker) = (kube, sageMaker);
        var client = kube.Api.CreateClient();
        TrainingRuns = new KubeStore<TrainingRun>(client, KubeResources.TrainingRun);
        TuningRuns = new KubeStore<TuningRun>(client, KubeResources.TuningRun);
    }

    /// <summary>The API server, s3rver and the bucket.</summary>
    public OperatorEnvironment Kube { get; }

    /// <summary>The fake SageMaker.</summary>
    public FakeSageMaker SageMaker { get; }

    /// <summary>A client-side store of TrainingRuns (what kubectl would do).</summary>
    public IKubeStore<TrainingRun> TrainingRuns { get; }

    /// <summary>A client-side store of TuningRuns.</summary>
    public IKubeStore<TuningRun> TuningRuns { get; }

    /// <summary>
    /// Starts everything but the operator (skips without KUBEBUILDER_ASSETS, node/npm or ../shared); with
    /// <paramref name="chartRbac"/> the operator will run with the chart's RBAC (<see cref="OperatorEnvironment.StartWithChartRbacAsync"/>).
    /// </summary>
    public static async Task<SageMakerEnvironment> StartAsync(bool chartRbac = false)
    {
        _ = SharedData.SageMakerModel;
        var kube = chartRbac ? await OperatorEnvironment.StartWithChartRbacAsync() : await OperatorEnvironment.StartAsync();
        var sageMaker = await FakeSageMaker.StartAsync(new FakeSageMakerOptions { S3 = kube.S3.CreateClient() });
        return new SageMakerEnvironment(kube, sageMaker);
    }

    /// <summary>The operator's settings: the test's flags plus the fake's endpoint and region, s3rver and the fake's keys.</summary>
    public OperatorSettings Settings(params string[] extra)
    {
        var settings = RunCommand.ParseSettings(Kube.RunArgs(
            ["--aws-region", SageMaker.Region, "--sagemaker-endpoint-url", SageMaker.Url.ToString(), .. extra]), _ => null);
        return settings with
        {
            Storage = Kube.S3.Settings,
            SageMaker = settings.SageMaker with { Credentials = new BasicAWSCredentials(SageMaker.AccessKey, SageMaker.SecretKey) },
        };
    }

    /// <summary>Starts the operator in-process.</summary>
    public void StartOperator(params string[] extra) => StartOperator(Settings(extra));

    /// <summary>Starts the operator in-process with <paramref name="settings"/> (e.g. <see cref="Settings"/> with other credentials).</summary>
    public void StartOperator(OperatorSettings settings)
    {
        if (_run is not null)
            throw new InvalidOperationException("The operator is already running");
        _stop = new CancellationTokenSource();
        _run = Task.Run(() => OperatorHost.RunAsync(settings, _stop.Token));
    }

    /// <summary>Stops the operator as SIGTERM would and returns its exit code.</summary>
    public async Task<int> StopOperatorAsync()
    {
        if (_run is null)
            return 0;
        await _stop!.CancelAsync();
        var code = await _run.WaitAsync(OperatorEnvironment.Timeout);
        _stop.Dispose();
        (_run, _stop) = (null, null);
        return code;
    }

    /// <summary>
    /// Applies a Dataset, waits for its preparation Job, runs the real pipeline (<c>detector prepare</c>'s runner) on
    /// the aquarium dataset into the Dataset's output prefix on s3rver, marks the Job succeeded and waits for Ready.
    /// </summary>
    public async Task<Dataset> PrepareDatasetAsync(string name)
    {
        await Kube.ApplyAsync(Kube.NewDataset(name));
        await Kube.WaitForPhaseAsync(name, DatasetPhases.Preparing);
        var dataset = Kube.Dataset(name)!;
        var output = StorageUri.Parse(dataset.Status!.Outputs!.Prefix!);
        var options = new PrepareOptions { Source = SharedData.Aquarium, Output = output, OnInvalid = InvalidPolicy.Skip, MaxSkippedFraction = 1, Workers = 2, S3 = Kube.S3.Settings };
        await using (var tree = LocalSourceTree.Open(options.Source))
        using (var store = new S3ObjectStore(Kube.S3.CreateClient(), Kube.S3.Settings))
            await new PrepareRunner(options, new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z")), _ => { }).RunAsync(tree, store, CancellationToken.None);
        Kube.Api.SetJobSucceeded(Kube.Namespace, dataset.Status.JobName!);
        await Kube.WaitForPhaseAsync(name, DatasetPhases.Ready);
        return Kube.Dataset(name)!;
    }

    /// <summary>A valid TrainingRun on a Dataset, writing to this environment's bucket.</summary>
    public TrainingRun NewTrainingRun(string name, string dataset, Func<TrainingRunSpec, TrainingRunSpec>? edit = null)
    {
        var run = RunSamples.TrainingRun(edit, name);
        run.Metadata = new() { Name = name, NamespaceProperty = Kube.Namespace };
        run.Spec = run.Spec with { DatasetRef = dataset, Output = new ArtifactOutput { S3 = new S3Output { Uri = $"s3://{Kube.Bucket}/models/" } } };
        return run;
    }

    /// <summary>A valid TuningRun on a Dataset, writing to this environment's bucket.</summary>
    public TuningRun NewTuningRun(string name, string dataset, Func<TuningRunSpec, TuningRunSpec>? edit = null)
    {
        var run = RunSamples.TuningRun(edit, name);
        run.Metadata = new() { Name = name, NamespaceProperty = Kube.Namespace };
        run.Spec = run.Spec with { DatasetRef = dataset, Output = new ArtifactOutput { S3 = new S3Output { Uri = $"s3://{Kube.Bucket}/tuning/" } } };
        return run;
    }

    /// <summary>The stored TrainingRun, or null.</summary>
    public TrainingRun? TrainingRun(string name) => Kube.Api.Get<TrainingRun>("trainingruns", Kube.Namespace, name);

    /// <summary>The stored TuningRun, or null.</summary>
    public TuningRun? TuningRun(string name) => Kube.Api.Get<TuningRun>("tuningruns", Kube.Namespace, name);

    /// <summary>Waits until the predicate holds (re-checked on every change in the namespaces and every request of the operator).</summary>
    public Task WaitForAsync(Func<SageMakerEnvironment, bool> predicate) => Kube.Api.WaitForAsync(_ => predicate(this), OperatorEnvironment.Timeout);

    /// <summary>The Ready condition's reason of a TrainingRun, or null.</summary>
    public string? ReadyReason(TrainingRun? run) => Conditions.Get(run?.Status?.Conditions, Conditions.Ready)?.Reason;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopOperatorAsync();
        await SageMaker.DisposeAsync();
        await Kube.DisposeAsync();
    }
}
