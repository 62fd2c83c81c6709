using System.Globalization;
using System.Text.Json.Nodes;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.DetectionEndpoints;
using Detector.Operator.Hosting;
using Detector.Operator.Runtime;
using Detector.Operator.Tests.Charts;
using Detector.Operator.Tests.Fakes.CloudWatch;
using Detector.Operator.Tests.TrainingRuns;
using static Detector.Operator.Tests.EndToEnd.LifecycleSteps;

namespace Detector.Operator.Tests.EndToEnd;

/// <summary>
/// Issue 18's "Done when" over HTTP: the operator as <c>detector run</c> starts it (with <c>--cloudwatch-endpoint-url</c>,
/// <c>--sagemaker-metrics-endpoint-url</c> and a sub-second <c>--monitoring-interval</c>), the real API server, the fake
/// SageMaker and the fake CloudWatch / SageMaker Metrics (<see cref="FakeMonitoring"/>, every request validated against
/// the AWS models and SigV4-verified with the operator's one AWS identity). Users' reads go through kubectl.
/// </summary>
public sealed class MonitoringEndToEndTests
{
    [SkippableFact]
    public async Task TrainingRunInProgress_ShowsARisingLiveMAPInKubectlGetColumns()
    {
        await using var env = await SageMakerEnvironment.StartAsync();
        await using var monitoring = await FakeMonitoring.StartAsync((env.SageMaker.AccessKey, env.SageMaker.SecretKey));
        env.StartOperator(MonitoringFlags(monitoring));
        await env.PrepareDatasetAsync("aquarium");
        await env.TrainingRuns.CreateAsync(env.NewTrainingRun("ssd", "aquarium"), CancellationToken.None);
        await env.WaitForAsync(e => e.TrainingRun("ssd")?.Status is { TrainingJobStatus: TrainingJobStatus.InProgress, TrainingJobArn: not null });
        var arn = env.TrainingRun("ssd")!.Status!.TrainingJobArn!;
        Assert.Equal(("", ""), Columns(env));   // No epoch emitted yet: the columns are blank.

        // The algorithm emits validation:mAP once per epoch; each value must reach `kubectl get trun` while the job runs.
        var seen = new List<(string Epoch, string LiveMap)>();
        foreach (var (epoch, map) in new[] { (1L, 0.12), (2L, 0.31), (3L, 0.47) })
        {
            monitoring.Training.Add(arn, "validation:mAP", epoch, DateTimeOffset.UtcNow, map);
            await env.WaitForAsync(e => e.TrainingRun("ssd")?.Status?.Progress?.Epoch == epoch);
            seen.Add(Columns(env));
        }

        Assert.Equal([("1", "0.12"), ("2", "0.31"), ("3", "0.47")], seen);
        var values = seen.Select(s => double.Parse(s.LiveMap, CultureInfo.InvariantCulture)).ToList();
        Assert.True(values.Zip(values.Skip(1)).All(p => p.Second > p.First), $"Live mAP does not rise: {string.Join(", ", values)}");
        Assert.Equal(TrainingJobStatus.InProgress, env.TrainingRun("ssd")!.Status!.TrainingJobStatus);   // Live, not the final figure.
        Assert.Contains(monitoring.Requests, r => r.Operation == "BatchGetMetrics");
        Assert.Empty(monitoring.ValidationFailures);
        Assert.Empty(env.SageMaker.ValidationFailures);
    }

    [SkippableFact]
    public async Task ServingEndpointWhose5xxRateRises_GoesDegradedWithAWarningNamingTheFigure_AndRecoversWhenItFalls()
    {
        await using var env = await SageMakerEnvironment.StartAsync();
        await using var monitoring = await FakeMonitoring.StartAsync((env.SageMaker.AccessKey, env.SageMaker.SecretKey));
        var (models, endpoints) = Stores(env);
        env.StartOperator(MonitoringFlags(monitoring));
        await TrainVersionOneAsync(env, models);
        var serving = await CreateServingEndpointAsync(env, endpoints,
            NewEndpoint(env.Kube.Namespace, s => s with { Health = new EndpointHealthSpec { MaxServerErrorRate = 0.05 } }));
        var component = new Dictionary<string, string> { ["InferenceComponentName"] = serving.InferenceComponentName! };
        void Traffic(int invocations, int errors5xx)
        {
            // One minute's datapoint per metric, as SageMaker publishes them, two minutes back: inside the 5-minute
            // window the operator asks for (it ends at the last whole minute). Invocations before errors, so a read in
            // between sees a lower rate, never a higher one than the test states.
            var at = DateTimeOffset.UtcNow.AddMinutes(-2);
            monitoring.Metrics.Put("AWS/SageMaker", "ModelLatency", component, at, 80_000);
            monitoring.Metrics.Put("AWS/SageMaker", "Invocations", component, at, invocations);
            monitoring.Metrics.Put("AWS/SageMaker", "Invocation5XXErrors", component, at, errors5xx);
        }

        Traffic(100, 1);
        await env.WaitForAsync(e => Endpoint(e)?.Status?.Health?.Invocations == 100);
        Assert.Equal(("False", "WithinThresholds"), Degraded(env));

        Traffic(100, 30);   // 31 errors of 200 invocations: 15.5% > 5%.
        await env.WaitForAsync(e => Degraded(e).Status == "True");
        Assert.Equal(("True", "HighServerErrorRate"), Degraded(env));
        const string figure = "5XX rate 15.5% over 5 min is above 5.0% (31 of 200 invocations)";
        Assert.Equal(figure, Conditions.Get(Endpoint(env)!.Status!.Conditions, EndpointHealth.Degraded)!.Message);
        var warning = Assert.Single(Events(env, "Degraded"));
        Assert.Equal(("Warning", figure), (Text(warning, "type"), Message(warning)));

        Traffic(1000, 0);   // 31 of 1,200: 2.6%, under the threshold again.
        await env.WaitForAsync(e => Degraded(e).Status == "False");
        Assert.Equal(("False", "WithinThresholds"), Degraded(env));
        Assert.Equal(1200, Endpoint(env)!.Status!.Health!.Invocations);
        await env.WaitForAsync(e => Events(e, "Recovered").Any());
        Assert.Equal("Normal", Text(Assert.Single(Events(env, "Recovered")), "type"));
        Assert.Single(Events(env, "Degraded"));
        Assert.Contains(monitoring.Requests, r => r.Operation == "GetMetricData");
        Assert.Empty(monitoring.ValidationFailures);
        Assert.Empty(env.SageMaker.ValidationFailures);
    }

    // The flags under test; the operator signs with the fake SageMaker's keys, which the fake monitoring also accepts.
    private static string[] MonitoringFlags(FakeMonitoring monitoring) =>
    [
        MonitoringSettings.CloudWatchFlag, monitoring.Url.ToString(),
        MonitoringSettings.SageMakerMetricsFlag, monitoring.Url.ToString(),
        "--monitoring-interval", "0.2s",
    ];

    // `kubectl get trun ssd` with the user's kubeconfig: the CRD's printer columns as a user sees them.
    private static (string Epoch, string LiveMap) Columns(SageMakerEnvironment env)
    {
        var (code, output, error) = ChartRender.Run("kubectl", ["--kubeconfig", env.Kube.UserKubeconfig, "-n", env.Kube.Namespace,
            "get", "trun", "ssd"], null);
        Assert.True(code == 0, $"kubectl get trun: {error}");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        // kubectl aligns the cells under their headers (an empty cell is blank): cut the row at the headers' offsets.
        var (header, row) = (lines[0], lines[1].PadRight(lines[0].Length));
        string Cell(string name)
        {
            var start = header.IndexOf(name, StringComparison.Ordinal);
            Assert.True(start >= 0, $"no {name} column in: {header}");
            var next = header.IndexOf("  ", start + name.Length, StringComparison.Ordinal);
            var end = next < 0 ? row.Length : header.Length - header[next..].TrimStart().Length;
            return row[start..end].Trim();
        }
        return (Cell("EPOCH"), Cell("LIVE MAP"));
    }

    private static (string? Status, string? Reason) Degraded(SageMakerEnvironment env)
    {
        var condition = Conditions.Get(Endpoint(env)?.Status?.Conditions, EndpointHealth.Degraded);
        return (condition?.Status, condition?.Reason);
    }

    private static List<JsonObject> Events(SageMakerEnvironment env, string reason) =>
        [.. env.Kube.Api.List("events", env.Kube.Namespace).Where(e => Text(e, "reason") == reason)];

    private static string? Text(JsonObject node, string field) => node[field]?.GetValue<string>();

    // core/v1 Events carry "message", events.k8s.io/v1 "note".
    private static string? Message(JsonObject node) => Text(node, "message") ?? Text(node, "note");
}
