using Amazon.Runtime;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Cli;
using Detector.Operator.Monitoring;
using Detector.Operator.Tests.Fakes.ApiServer;
using Detector.Operator.Tests.Fakes.CloudWatch;
using Detector.Operator.Tests.TrainingRuns;

namespace Detector.Operator.Tests.Monitoring;

/// <summary>
/// `detector logs` and `detector metrics` behind the CLI's one error boundary: every failure is one line
/// "detector {command}: …" naming the object, with exit code 2 (bad arguments), 1 (the object or a call failed) or 130
/// (interrupted); --verbose adds the stack trace. Against the fake API server and the fake CloudWatch/SageMaker Metrics, over HTTP.
/// </summary>
public sealed class MonitoringCommandErrorsTests : IAsyncLifetime
{
    private const string Job = "aquarium-ssd-1a2b3c4d";
    private readonly string _dir = Directory.CreateTempSubdirectory("monitoring-errors-").FullName;
    private FakeMonitoring _fake = null!;
    private FakeApiServer _api = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeMonitoring.StartAsync();
        _api = await FakeApiServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _fake.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [SkippableTheory]
    [InlineData("logs", "aquarium-ssd", "'aquarium-ssd' must be <kind>/<name>")]
    [InlineData("logs", "pod/aquarium-ssd", "pod")]
    [InlineData("metrics", "trun", "'trun' must be <kind>/<name>")]
    [InlineData("metrics", "detep/aquarium", "a detectionendpoint's figures are in its status")]
    public async Task ABadTarget_IsOneUsageLine_Exit2_AndCallsNothing(string command, string target, string message)
    {
        var (code, output, error) = await RunAsync(command, [target]);

        Assert.Equal(ExitCodes.UsageError, code);
        var line = Assert.Single(Lines(error));
        Assert.StartsWith($"detector {command}: ", line);
        Assert.Contains(message, line);
        Assert.Empty(output);
        Assert.Empty(_fake.Requests);
    }

    [SkippableTheory]
    [InlineData("logs", "--since", "yesterday", "--since 'yesterday'")]
    [InlineData("metrics", "-o", "chart.jpg", "--output 'chart.jpg' must end in .png or .svg")]
    [InlineData("logs", "--region", "mars-1", "--region: Region 'mars-1' is not an AWS region name")]
    public async Task ABadFlag_IsOneUsageLineNamingIt_Exit2(string command, string flag, string value, string message)
    {
        var (code, _, error) = await RunAsync(command, ["trun/aquarium-ssd", flag, value]);

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.StartsWith($"detector {command}: {message}", Assert.Single(Lines(error)));
    }

    [SkippableTheory]
    [InlineData("logs")]
    [InlineData("metrics")]
    public async Task AnUnknownObject_IsOneLineNamingIt_Exit1(string command)
    {
        var (code, _, error) = await RunAsync(command, ["trun/nope"]);

        Assert.Equal(ExitCodes.DataFailure, code);
        Assert.Equal($"detector {command}: TrainingRun {RunSamples.Namespace}/nope not found", Assert.Single(Lines(error)));
        Assert.Empty(_fake.Requests);
    }

    [SkippableTheory]
    [InlineData("logs", "FilterLogEvents")]
    [InlineData("metrics", "BatchGetMetrics")]
    public async Task WrongAwsKeys_AreOneLineNamingTheObjectAndTheCall_Exit1(string command, string operation)
    {
        PutRun();
        var wrongKeys = MonitoringFixture.Options(_fake) with { Credentials = new BasicAWSCredentials(_fake.AccessKey, "not-the-secret") };

        var (code, _, error) = await RunAsync(command, ["trun/aquarium-ssd"], wrongKeys);

        Assert.Equal(ExitCodes.DataFailure, code);
        var line = Assert.Single(Lines(error));
        Assert.StartsWith($"detector {command}: trainingrun/aquarium-ssd: ", line);
        Assert.Contains(operation, line);
        Assert.Contains(_fake.Requests, r => r.Operation == operation);
    }

    [SkippableFact]
    public async Task ThrottlingBeyondTheClientsRetries_IsOneLine_Exit1()
    {
        PutRun();
        _fake.ThrottleNext("FilterLogEvents", 20);

        var (code, _, error) = await RunAsync("logs", ["trun/aquarium-ssd"]);

        Assert.Equal(ExitCodes.DataFailure, code);
        var line = Assert.Single(Lines(error));
        Assert.StartsWith("detector logs: trainingrun/aquarium-ssd: FilterLogEvents", line);
        Assert.Contains("Throttl", line);
    }

    [SkippableFact]
    public async Task Verbose_AddsTheStackTraceAfterTheSameLine()
    {
        PutRun();
        _fake.ThrottleNext("BatchGetMetrics", 20);

        var (quietCode, _, quiet) = await RunAsync("metrics", ["trun/aquarium-ssd"]);
        _fake.ThrottleNext("BatchGetMetrics", 20);
        var (code, _, verbose) = await RunAsync("metrics", ["trun/aquarium-ssd", "--verbose"]);

        Assert.Equal(quietCode, code);
        Assert.Equal(Assert.Single(Lines(quiet)), Lines(verbose)[0]);
        Assert.Contains(Lines(verbose), l => l.TrimStart().StartsWith("at Detector.Operator.", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Interrupted_IsExit130()
    {
        PutRun();
        using var interrupted = new CancellationTokenSource();
        await interrupted.CancelAsync();

        var (code, _, error) = await RunAsync("logs", ["trun/aquarium-ssd", "-f"], ct: interrupted.Token);

        Assert.Equal(ExitCodes.Cancelled, code);
        Assert.Equal("detector logs: trainingrun/aquarium-ssd: cancelled", Assert.Single(Lines(error)));
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(string command, string[] args, SageMakerClientOptions? aws = null,
        CancellationToken ct = default)
    {
        var options = aws ?? MonitoringFixture.Options(_fake);
        string[] all = [.. args, "-n", RunSamples.Namespace, "--kubeconfig", _api.WriteKubeconfig(Path.Combine(_dir, "kubeconfig")),
            .. args.Contains("--region") ? [] : new[] { "--region", _fake.Region }];
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = command == "logs"
            ? await LogsCommand.RunAsync(all, _ => null, _ => new CloudWatchLogsClient(options), output, error,
                new LogsPace(TimeProvider.System, TimeSpan.FromSeconds(5), (_, _) => throw new InvalidOperationException("no follow")), ct)
            : await MetricsCommand.RunAsync(all, _ => null, _ => new SageMakerMetricsClient(options), output, error, ct);
        return (code, output.ToString(), error.ToString());
    }

    private static string[] Lines(string text) => text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    private void PutRun()
    {
        var run = RunSamples.TrainingRun();
        run.Status = new TrainingRunStatus
        {
            Phase = TrainingRunPhase.Training, TrainingJobName = Job, TrainingJobStatus = "InProgress",
            TrainingJobArn = $"arn:aws:sagemaker:us-east-1:111122223333:training-job/{Job}",
        };
        _api.Put(run);
    }
}
