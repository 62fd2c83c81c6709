using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Cli;
using Detector.Operator.Monitoring;
using Detector.Operator.Tests.Fakes.ApiServer;
using Detector.Operator.Tests.Fakes.CloudWatch;
using Detector.Operator.Tests.TrainingRuns;
using Microsoft.Extensions.Time.Testing;

namespace Detector.Operator.Tests.Monitoring;

/// <summary>`detector logs` against the fake API server and the fake CloudWatch Logs, over HTTP.</summary>
public sealed class LogsEndToEndTests : IAsyncLifetime
{
    private const string Group = "/aws/sagemaker/TrainingJobs";
    private const string Job = "aquarium-ssd-1a2b3c4d";
    private static readonly DateTimeOffset s_t0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("logs-").FullName;
    private FakeMonitoring _fake = null!;
    private FakeApiServer _api = null!;
    private CloudWatchLogsClient _logs = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeMonitoring.StartAsync();
        _api = await FakeApiServer.StartAsync();
        _logs = new CloudWatchLogsClient(MonitoringFixture.Options(_fake));
    }

    public async Task DisposeAsync()
    {
        _logs.Dispose();
        await _api.DisposeAsync();
        await _fake.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [SkippableFact]
    public async Task Follow_PrintsTheJobsLinesInOrder_AcrossPagesAndPolls_AndExitsWhenTheJobEnds()
    {
        _fake.Logs.PageSize = 2;
        PutRun("InProgress");
        _fake.Logs.Add(Group, Job + "/algo-1-1765101600", [(s_t0, "Starting training"), (s_t0.AddSeconds(2), "#quality_metric: host=algo-1, epoch=0, validation mAP <score>=(0.12)")]);
        _fake.Logs.Add(Group, Job + "/algo-2-1765101600", [(s_t0.AddSeconds(1), "worker 2 up")]);
        _fake.Logs.Add(Group, "aquarium-ssd-1a2b3c4d0/algo-1-1765101600", [(s_t0, "another job, not printed")]);
        var polls = 0;
        var pace = new LogsPace(new FakeTimeProvider(s_t0), TimeSpan.FromSeconds(5), (interval, _) =>
        {
            // Between polls the job writes more (one line in the same millisecond as the last one seen) and then ends.
            polls++;
            Assert.Equal(TimeSpan.FromSeconds(5), interval);
            if (polls == 1)
                _fake.Logs.Add(Group, Job + "/algo-1-1765101600", [(s_t0.AddSeconds(2), "same millisecond, new line"), (s_t0.AddSeconds(9), "epoch 1 done")]);
            if (polls == 2)
            {
                _fake.Logs.Add(Group, Job + "/algo-1-1765101600", [(s_t0.AddSeconds(12), "Training complete")]);
                PutRun("Completed");
            }
            return Task.CompletedTask;
        });
        string[] args = ["trun/aquarium-ssd", "-n", RunSamples.Namespace, "-f", "--kubeconfig", Kubeconfig(), "--region", _fake.Region];
        var (output, error) = (new StringWriter(), new StringWriter());

        var code = await LogsCommand.RunAsync(args, _ => null, _ => _logs, output, error, pace, CancellationToken.None);

        Assert.True(code == 0, error.ToString());
        Assert.Equal(
        [
            $"2026-12-07T10:00:00.000Z {Job}/algo-1-1765101600 Starting training",
            $"2026-12-07T10:00:01.000Z {Job}/algo-2-1765101600 worker 2 up",
            $"2026-12-07T10:00:02.000Z {Job}/algo-1-1765101600 #quality_metric: host=algo-1, epoch=0, validation mAP <score>=(0.12)",
            $"2026-12-07T10:00:02.000Z {Job}/algo-1-1765101600 same millisecond, new line",
            $"2026-12-07T10:00:09.000Z {Job}/algo-1-1765101600 epoch 1 done",
            $"2026-12-07T10:00:12.000Z {Job}/algo-1-1765101600 Training complete",
        ], output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(2, polls);
        Assert.Empty(_fake.ValidationFailures);
        Assert.All(_fake.Requests, r => Assert.Equal((Job + "/").ToString(), (string?)r.Body!["logStreamNamePrefix"]));
    }

    [SkippableFact]
    public async Task Since_Throttled_NoFollow_PrintsOnlyNewerLinesAfterTheClientsRetries()
    {
        PutRun("InProgress");
        _fake.Logs.Add(Group, Job + "/algo-1-1765101600", [(s_t0, "old"), (s_t0.AddMinutes(55), "recent")]);
        _fake.ThrottleNext("FilterLogEvents", 2);
        var delays = new List<TimeSpan>();
        using var logs = new CloudWatchLogsClient(MonitoringFixture.Options(_fake, delays));
        string[] args = ["trainingrun/aquarium-ssd", "-n", RunSamples.Namespace, "--since", "10m", "--kubeconfig", Kubeconfig(), "--region", _fake.Region];
        var output = new StringWriter();

        var code = await LogsCommand.RunAsync(args, _ => null, _ => logs, output, new StringWriter(),
            new LogsPace(new FakeTimeProvider(s_t0.AddHours(1)), TimeSpan.FromSeconds(5), (_, _) => throw new InvalidOperationException("no follow")),
            CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Equal($"2026-12-07T10:55:00.000Z {Job}/algo-1-1765101600 recent", output.ToString().Trim());
        Assert.Equal(2, delays.Count);
        Assert.Equal(s_t0.AddMinutes(50).ToUnixTimeMilliseconds(), (long)_fake.Requests[^1].Body!["startTime"]!);
    }

    [SkippableFact]
    public async Task ARunWithoutAJobYet_SaysSo()
    {
        var run = RunSamples.TrainingRun();
        run.Status = new TrainingRunStatus { Phase = TrainingRunPhase.Pending };
        _api.Put(run);
        string[] args = ["trun/aquarium-ssd", "-n", RunSamples.Namespace, "--kubeconfig", Kubeconfig(), "--region", _fake.Region];
        var error = new StringWriter();

        var code = await LogsCommand.RunAsync(args, _ => null, _ => _logs, new StringWriter(), error, LogsPace.Default, CancellationToken.None);

        Assert.Equal(1, code);
        Assert.Equal("detector logs: TrainingRun vision/aquarium-ssd has no training job yet (phase Pending)", error.ToString().Trim());
        Assert.Empty(_fake.Requests);
    }

    private void PutRun(string jobStatus)
    {
        var run = RunSamples.TrainingRun();
        run.Status = new TrainingRunStatus
        {
            Phase = jobStatus == "Completed" ? TrainingRunPhase.Completed : TrainingRunPhase.Training,
            TrainingJobName = Job, TrainingJobStatus = jobStatus,
        };
        _api.Put(run);
    }

    private string Kubeconfig() => _api.WriteKubeconfig(Path.Combine(_dir, "kubeconfig"));
}
