using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Charts;
using Detector.Operator.Cli;
using Detector.Operator.Monitoring;
using Detector.Operator.Tests.Fakes.ApiServer;
using Detector.Operator.Tests.Fakes.CloudWatch;
using Detector.Operator.Tests.TrainingRuns;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Detector.Operator.Tests.Monitoring;

/// <summary>`detector metrics` against the fake API server and the fake SageMaker Metrics, over HTTP.</summary>
public sealed class MetricsEndToEndTests : IAsyncLifetime
{
    private const string Job = "aquarium-ssd-1a2b3c4d";
    private const string JobArn = "arn:aws:sagemaker:us-east-1:123456789012:training-job/aquarium-ssd-1a2b3c4d";
    private static readonly DateTimeOffset s_t0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("metrics-").FullName;
    private FakeMonitoring _fake = null!;
    private FakeApiServer _api = null!;
    private SageMakerMetricsClient _metrics = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeMonitoring.StartAsync();
        _api = await FakeApiServer.StartAsync();
        _metrics = new SageMakerMetricsClient(MonitoringFixture.Options(_fake));
    }

    public async Task DisposeAsync()
    {
        _metrics.Dispose();
        await _api.DisposeAsync();
        await _fake.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [SkippableFact]
    public async Task TrainingRun_PrintsMapAndLossesPerEpoch_AndWritesTheChart()
    {
        var run = RunSamples.TrainingRun();
        run.Status = new TrainingRunStatus { Phase = TrainingRunPhase.Training, TrainingJobName = Job, TrainingJobArn = JobArn, TrainingJobStatus = "InProgress" };
        _api.Put(run);
        for (var epoch = 0; epoch < 4; epoch++)
        {
            _fake.Training.Add(JobArn, "validation:mAP", epoch, s_t0.AddMinutes(epoch), 0.2 + 0.15 * epoch);
            _fake.Training.Add(JobArn, "train:cross_entropy", epoch, s_t0.AddMinutes(epoch), 1.2 / (epoch + 1));
        }
        var png = Path.Combine(_dir, "curve.png");
        string[] args = ["trun/aquarium-ssd", "-n", RunSamples.Namespace, "-o", png, "--kubeconfig", Kubeconfig(), "--region", _fake.Region];
        var (output, error) = (new StringWriter(), new StringWriter());

        var code = await MetricsCommand.RunAsync(args, _ => null, _ => _metrics, output, error, CancellationToken.None);

        Assert.True(code == 0, error.ToString());
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("EPOCH  validation:mAP  train:smooth_l1  train:cross_entropy", lines[0]);
        Assert.Equal("3      0.6500          -                0.3000", lines[4]);
        Assert.Equal($"wrote {png}", lines[^1]);
        using var chart = Image.Load<Rgb24>(png);
        Assert.Equal((1000, 560), (chart.Width, chart.Height));
        var mapColor = LineChart.Color(0);
        Assert.Contains(Enumerable.Range(80, 620).SelectMany(x => Enumerable.Range(50, 440).Select(y => chart[x, y])), p => (p.R, p.G, p.B) == (mapColor.Red, mapColor.Green, mapColor.Blue));
        Assert.Empty(_fake.ValidationFailures);
        Assert.Empty(_fake.ResponseProblems);
    }

    [SkippableFact]
    public async Task TuningRun_OneLinePerTrial_MarksTheBest_WithItsHyperparameters_AsSvg()
    {
        var run = RunSamples.TuningRun();
        run.Status = new TuningRunStatus
        {
            Phase = TuningRunPhase.Tuning, TuningJobName = "aquarium-hpo-5e6f", TuningJobArn = "arn:aws:sagemaker:us-east-1:123456789012:hyper-parameter-tuning-job/aquarium-hpo-5e6f",
            TopTrials = [new TuningTrial { Name = "aquarium-hpo-5e6f-001-aaaaaaaa" }, new TuningTrial { Name = "aquarium-hpo-5e6f-002-bbbbbbbb" }],
            BestTrainingJob = new BestTrainingJob { Name = "aquarium-hpo-5e6f-002-bbbbbbbb", TunedHyperparameters = new Dictionary<string, string> { ["learning_rate"] = "0.004", ["optimizer"] = "adam" } },
        };
        _api.Put(run);
        const string Prefix = "arn:aws:sagemaker:us-east-1:123456789012:training-job/aquarium-hpo-5e6f-";
        for (var epoch = 0; epoch < 3; epoch++)
        {
            _fake.Training.Add(Prefix + "001-aaaaaaaa", "validation:mAP", epoch, s_t0.AddMinutes(epoch), 0.1 + 0.05 * epoch);
            _fake.Training.Add(Prefix + "002-bbbbbbbb", "validation:mAP", epoch, s_t0.AddMinutes(epoch), 0.2 + 0.2 * epoch);
        }
        var svg = Path.Combine(_dir, "trials.svg");
        string[] args = ["tun/aquarium-hpo", "-n", RunSamples.Namespace, "-o", svg, "--kubeconfig", Kubeconfig(), "--region", _fake.Region];
        var (output, error) = (new StringWriter(), new StringWriter());

        var code = await MetricsCommand.RunAsync(args, _ => null, _ => _metrics, output, error, CancellationToken.None);

        Assert.True(code == 0, error.ToString());
        Assert.Equal(
        [
            "TRIAL                           EPOCHS  LATEST  BEST",
            "aquarium-hpo-5e6f-001-aaaaaaaa  3       0.2000  0.2000",
            "aquarium-hpo-5e6f-002-bbbbbbbb  3       0.6000  0.6000  *",
            "best: aquarium-hpo-5e6f-002-bbbbbbbb",
            "  learning_rate = 0.004",
            "  optimizer = adam",
            $"wrote {svg}",
        ], output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("<?xml", File.ReadAllText(svg));
        Assert.Empty(_fake.ValidationFailures);
    }

    [Theory]
    [InlineData(0, 1, new[] { 0, 0.2, 0.4, 0.6, 0.8, 1 })]
    [InlineData(1, 40, new double[] { 10, 20, 30, 40 })]
    public void Ticks_AreRoundSteps(double min, double max, double[] ticks) => Assert.Equal(ticks, LineChart.Ticks(min, max));

    [Fact]
    public void TrialArn_IsTheTuningJobsAccountAndRegion_LowerCased() =>
        Assert.Equal("arn:aws:sagemaker:eu-west-1:111122223333:training-job/hpo-001-abc",
            MetricTables.TrialArn("arn:aws:sagemaker:eu-west-1:111122223333:hyper-parameter-tuning-job/hpo", "HPO-001-abc"));

    private string Kubeconfig() => _api.WriteKubeconfig(Path.Combine(_dir, "kubeconfig"));
}
