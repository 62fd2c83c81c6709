using System.Text.Json.Nodes;
using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using Detector.Testing;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace Detector.Operator.Tests.GitOps;

/// <summary>
/// On a real API server, every write of the operator shows in <c>metadata.managedFields</c> under its own manager
/// <c>detector-operator</c> (controller-runtime's convention), never KubernetesClient's default <c>kubernetes-csharp</c>.
/// </summary>
public sealed class FieldManagerTests
{
    private const string ClientDefault = "kubernetes-csharp";

    [SkippableFact]
    public async Task OperatorWrites_StatusJobsAndEvents_AreManagedByDetectorOperator()
    {
        await using var scenario = await ServerSideApplyScenario.StartAsync();
        var problems = new List<string>();

        foreach (var sample in (ServerSideApplyScenario.Manifest[])[.. scenario.Samples, scenario.Prepared, scenario.Refused])
        {
            var entries = (await scenario.GetAsync(sample))["metadata"]!["managedFields"]!.AsArray().OfType<JsonObject>()
                .Select(e => (Manager: e["manager"]!.GetValue<string>(), Subresource: e["subresource"]?.GetValue<string>())).ToList();
            if (!entries.Contains((FieldManager.Operator, "status")))
                problems.Add($"{sample.Kind} {sample.Name}: no status entry of {FieldManager.Operator}: {string.Join(", ", entries)}");
            problems.AddRange(entries.Where(e => e.Manager is not (FieldManager.Operator or ServerSideApplyScenario.ApplyManager))
                .Select(e => $"{sample.Kind} {sample.Name}: written by {e.Manager} ({e.Subresource ?? "main resource"})"));
        }
        // The sample Dataset waits for its Job's ServiceAccount; once it exists the operator creates the Job. The recorder
        // writes Events in the background. Wait on the watches for the first of each.
        await scenario.Client.CoreV1.CreateNamespacedServiceAccountAsync(
            new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "detector-datasets" } }, scenario.Namespace);
        using (var timeout = new CancellationTokenSource(ServerSideApplyScenario.Timeout))
        {
            await scenario.Client.BatchV1.WatchListNamespacedJobAsync(scenario.Namespace, cancellationToken: timeout.Token).FirstAsync(timeout.Token);
            await scenario.Client.CoreV1.WatchListNamespacedEventAsync(scenario.Namespace, cancellationToken: timeout.Token).FirstAsync(timeout.Token);
        }
        var jobs = (await scenario.Client.BatchV1.ListNamespacedJobAsync(scenario.Namespace)).Items;
        var events = (await scenario.Client.CoreV1.ListNamespacedEventAsync(scenario.Namespace)).Items;
        Assert.NotEmpty(jobs);
        Assert.NotEmpty(events);
        // envtest runs no controllers: every Job and Event in the namespace was written by the operator.
        problems.AddRange(jobs.Select(j => ("Job", j.Metadata)).Concat(events.Select(e => ("Event", e.Metadata)))
            .SelectMany(o => o.Metadata.ManagedFields.Where(f => f.Manager != FieldManager.Operator)
                .Select(f => $"{o.Item1} {o.Metadata.Name}: written by {f.Manager}")));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [SkippableFact]
    public async Task LeaderElection_CreatesAndRenewsTheLease_AsDetectorOperator()
    {
        var server = EnvtestServer.Shared;
        var ns = await server.CreateNamespaceAsync("lease");
        using var client = server.CreateClient();
        var options = new LeaderElectionOptions
        {
            LeaseNamespace = ns, Identity = "field-manager-test",
            LeaseDuration = TimeSpan.FromSeconds(3), RenewDeadline = TimeSpan.FromSeconds(2), RetryPeriod = TimeSpan.FromMilliseconds(200),
        };
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var leading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var election = LeaderElection.ForLease(client, options, NullLogger<LeaderElection>.Instance);
        var run = election.RunAsync(async ct =>
        {
            leading.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        }, stop.Token);
        await leading.Task.WaitAsync(stop.Token);

        // Wait on the Lease's watch for a renewal (a replace), then read who wrote it.
        V1Lease? renewed = null;
        DateTime? firstRenewal = null;
        await foreach (var (_, lease) in client.CoordinationV1.WatchListNamespacedLeaseAsync(ns, fieldSelector: $"metadata.name={options.LeaseName}",
            cancellationToken: stop.Token))
        {
            firstRenewal ??= lease.Spec.RenewTime;
            if (lease.Spec.RenewTime != firstRenewal)
            {
                renewed = lease;
                break;
            }
        }
        await stop.CancelAsync();
        await run;

        Assert.Equal("field-manager-test", renewed!.Spec.HolderIdentity);
        Assert.Equal([FieldManager.Operator], renewed.Metadata.ManagedFields.Select(f => f.Manager).Distinct());
        Assert.DoesNotContain(renewed.Metadata.ManagedFields, f => f.Manager == ClientDefault);
    }
}
