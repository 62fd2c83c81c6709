using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using k8s;

namespace Detector.Operator.Predictions;

/// <summary>
/// Shell: finds a DetectionEndpoint's SageMaker endpoint and inference component in its status, and the class names
/// along DetectionEndpoint → RegisteredModel → TrainingRun or TuningRun → Dataset (best effort: any missing link
/// leaves the classes as indices).
/// </summary>
public sealed class EndpointResolver(IKubernetes client)
{
    /// <summary>
    /// Resolves <paramref name="target"/>; <paramref name="componentOverride"/> (<c>--inference-component</c>) wins
    /// over the status. Throws <see cref="InvalidOperationException"/> saying what is missing.
    /// </summary>
    public async Task<ResolvedEndpoint> ResolveAsync(PredictTarget target, string? componentOverride, CancellationToken ct)
    {
        if (!target.IsDetectionEndpoint)
            throw new ArgumentException($"'{target.Name}' names a SageMaker endpoint, not a DetectionEndpoint", nameof(target));
        var ns = target.Namespace!;
        var endpoint = await new KubeStore<DetectionEndpoint>(client, KubeResources.DetectionEndpoint).GetAsync(new ObjectKey(ns, target.Name), ct)
            ?? throw new InvalidOperationException($"DetectionEndpoint {ns}/{target.Name} not found");
        var status = endpoint.Status;
        if (string.IsNullOrEmpty(status?.EndpointName))
            throw new InvalidOperationException(
                $"DetectionEndpoint {ns}/{target.Name} has no SageMaker endpoint yet (phase {status?.Phase ?? "none"}{Reason(status)})");
        var component = componentOverride
            ?? (endpoint.Spec.DeploymentMode == EndpointDeploymentMode.InferenceComponent ? status.InferenceComponentName : null);
        return new(status.EndpointName, component, await ClassNamesAsync(ns, endpoint.Spec.ModelRef.Name, ct));
    }

    private static string Reason(DetectionEndpointStatus? status) =>
        string.IsNullOrEmpty(status?.FailureReason) ? "" : $": {status.FailureReason}";

    private async Task<IReadOnlyList<string>?> ClassNamesAsync(string ns, string modelName, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(modelName))
            return null;
        var model = await new KubeStore<RegisteredModel>(client, KubeResources.RegisteredModel).GetAsync(new ObjectKey(ns, modelName), ct);
        var source = model?.Spec.Source;
        string? datasetName = null;
        if (!string.IsNullOrEmpty(source?.TrainingRunRef))
            datasetName = (await new KubeStore<TrainingRun>(client, KubeResources.TrainingRun).GetAsync(new ObjectKey(ns, source.TrainingRunRef), ct))?.Spec.DatasetRef;
        else if (!string.IsNullOrEmpty(source?.TuningRunRef))
            datasetName = (await new KubeStore<TuningRun>(client, KubeResources.TuningRun).GetAsync(new ObjectKey(ns, source.TuningRunRef), ct))?.Spec.DatasetRef;
        if (string.IsNullOrEmpty(datasetName))
            return null;
        var dataset = await new KubeStore<Dataset>(client, KubeResources.Dataset).GetAsync(new ObjectKey(ns, datasetName), ct);
        var names = dataset?.Status?.ClassNames is { Count: > 0 } fromStatus ? fromStatus : dataset?.Spec.Classes;
        return names is { Count: > 0 } ? names : null;
    }
}
