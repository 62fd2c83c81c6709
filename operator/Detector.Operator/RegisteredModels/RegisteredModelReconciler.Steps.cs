using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;
using Detector.Operator.Runs;
using Detector.Operator.Runtime;
using Microsoft.Extensions.Logging;

namespace Detector.Operator.RegisteredModels;

/// <summary>
/// The effects of the RegisteredModel reconciler, one per <see cref="RegistrationAction"/>: each makes its one change
/// and returns the observation updated with what SageMaker answered (a refusal as <c>Rejected</c>).
/// </summary>
public sealed partial class RegisteredModelReconciler
{
    private async Task<RegisteredModelObservation> PerformAsync(RegisteredModel model, RegistrationStep step, RegisteredModelObservation observed,
        CancellationToken ct)
    {
        observed = observed with { AnnotationProblem = step.Annotation.Problem, AppliedApproveVersion = step.Annotation.Applied };
        return step switch
        {
            { Action: RegistrationAction.CreateGroup } => await CreateGroupAsync(model, observed, ct),
            { Action: RegistrationAction.Approve, Annotation.Approve: { } version } => await ApproveAsync(model, version, observed, ct),
            { Action: RegistrationAction.Register, Artifact: { } artifact } => await RegisterAsync(model, artifact, observed, ct),
            _ => observed,
        };
    }

    // The group comes with the first version; one created meanwhile (an earlier reconcile whose answer was lost, or a
    // RegisteredModel applied again) is adopted. Described again for its ARN and status.
    private async Task<RegisteredModelObservation> CreateGroupAsync(RegisteredModel model, RegisteredModelObservation observed, CancellationToken ct)
    {
        var group = observed.GroupName;
        try
        {
            await sageMaker.CreateModelPackageGroupAsync(RegisteredModelRequests.BuildCreateGroup(model), ct);
            LogGroupCreated(group, model.Metadata.NamespaceProperty, model.Metadata.Name);
            events.Normal(model, RegisteredModelReasons.GroupCreated, $"Created model package group {group}");
        }
        catch (SageMakerException e) when (e.IsAlreadyExists)
        {
            LogGroupAdopted(group, model.Metadata.NamespaceProperty, model.Metadata.Name);
        }
        catch (SageMakerException e) when (e.Kind == SageMakerErrorKind.Validation)
        {
            return new(group, Rejected: $"SageMaker refused model package group {group}: {e.Message}");
        }
        var described = await FindGroupAsync(group, ct)
            ?? throw new InvalidOperationException($"Model package group {group} was created but cannot be described yet");
        return observed with { GroupArn = described.ModelPackageGroupArn, GroupStatus = described.ModelPackageGroupStatus, Packages = [] };
    }

    private async Task<RegisteredModelObservation> ApproveAsync(RegisteredModel model, PackageObservation version, RegisteredModelObservation observed,
        CancellationToken ct)
    {
        await sageMaker.UpdateModelPackageAsync(RegisteredModelRequests.BuildApprove(version), ct);
        LogApproved(version.Version, model.Metadata.NamespaceProperty, model.Metadata.Name);
        return observed with
        {
            Packages = [.. (observed.Packages ?? []).Select(p => p.Version == version.Version ? p with { ApprovalStatus = ModelApprovalStatus.Approved } : p)],
        };
    }

    // The model-quality report first (the version points at it), then the version, described at once so status shows it.
    private async Task<RegisteredModelObservation> RegisterAsync(RegisteredModel model, SourceArtifact artifact, RegisteredModelObservation observed,
        CancellationToken ct)
    {
        var source = observed.Source!;
        var packages = observed.Packages ?? [];
        var report = ModelQualityReport.For(source, artifact);
        if (report is not null && !await WriteReportAsync(model, report, ct))
            report = null;
        var request = RegisteredModelRequests.BuildCreatePackage(model, source, artifact, ObjectDetectionImage.For(settings.Region)!,
            RegistrationDecisions.Approval(model.Spec.Approval, artifact), report);
        try
        {
            var created = await sageMaker.CreateModelPackageAsync(request, ct);
            LogRegistered(created.ModelPackageArn, artifact.JobName, model.Metadata.NamespaceProperty, model.Metadata.Name);
            var version = ModelPackageObservations.From(await sageMaker.DescribeModelPackageAsync(
                new DescribeModelPackageRequest { ModelPackageName = created.ModelPackageArn }, ct));
            return observed with
            {
                Registered = true,
                // The ClientToken may have returned a version this reconcile already listed: keep one entry per version.
                Packages = version is null ? packages : [.. packages.Where(p => p.Version != version.Version), version],
            };
        }
        catch (SageMakerException e) when (e.Kind == SageMakerErrorKind.Validation)
        {
            return observed with { Rejected = $"SageMaker refused a new version of {observed.GroupName} for training job {artifact.JobName}: {e.Message}" };
        }
    }

    // Written before the version that points at it; the same bytes each time, so a retry overwrites it harmlessly.
    // A passing failure (network, 5xx, throttling) is retried before anything is registered. A refusal that only a
    // person can fix (no s3:PutObject on the training output, a missing bucket) must not hold the version back: it is
    // registered without ModelMetrics (the mAP stays in its metadata) and a Warning Event says what to grant.
    private async Task<bool> WriteReportAsync(RegisteredModel model, ModelQualityReport report, CancellationToken ct)
    {
        try
        {
            await stores(report.Uri).PutAsync(report.Uri, report.Content, ModelQualityReport.ContentType, ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var failure = ReconcileErrors.Classify(e);
            var message = $"Could not write the model-quality report {report.Uri}: {failure.Message}";
            if (!failure.NeedsPerson)
                throw new RetryableException(message, e);
            LogReportRefused(report.Uri.ToString(), failure.Message, model.Metadata.NamespaceProperty, model.Metadata.Name);
            events.Warning(model, RegisteredModelReasons.ModelMetricsNotWritten,
                $"{message}; the version is registered without ModelMetrics (grant the operator s3:PutObject there to keep them)");
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created model package group {Group} for RegisteredModel {Namespace}/{Name}")]
    private partial void LogGroupCreated(string group, string? @namespace, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Adopted existing model package group {Group} for RegisteredModel {Namespace}/{Name}")]
    private partial void LogGroupAdopted(string group, string? @namespace, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {PackageArn} from training job {JobName} for RegisteredModel {Namespace}/{Name}")]
    private partial void LogRegistered(string packageArn, string jobName, string? @namespace, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registering without ModelMetrics for RegisteredModel {Namespace}/{Name}: {Report} refused: {Error}")]
    private partial void LogReportRefused(string report, string error, string? @namespace, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Approved version {Version} of RegisteredModel {Namespace}/{Name} (annotation)")]
    private partial void LogApproved(int version, string? @namespace, string name);
}
