namespace Detector.Operator.Aws;

/// <summary>
/// The registry role of <see cref="ISageMaker"/>: model package groups and model packages, all the RegisteredModel
/// reconciler calls. Every call throws <see cref="SageMakerException"/> as <see cref="ISageMaker"/> says.
/// </summary>
public interface ISageMakerRegistry
{
    /// <summary>Creates a model package group (a registry entry for versions of one model).</summary>
    Task<CreateModelPackageGroupResponse> CreateModelPackageGroupAsync(CreateModelPackageGroupRequest request, CancellationToken ct = default);

    /// <summary>Describes a model package group; a missing one fails with kind <see cref="SageMakerErrorKind.NotFound"/>.</summary>
    Task<DescribeModelPackageGroupResponse> DescribeModelPackageGroupAsync(DescribeModelPackageGroupRequest request, CancellationToken ct = default);

    /// <summary>Creates a model package; in a group this is a new version each call, so pass <c>ClientToken</c> for retry safety.</summary>
    Task<CreateModelPackageResponse> CreateModelPackageAsync(CreateModelPackageRequest request, CancellationToken ct = default);

    /// <summary>Describes a model package (by ARN for a version); a missing one fails with kind <see cref="SageMakerErrorKind.NotFound"/>.</summary>
    Task<DescribeModelPackageResponse> DescribeModelPackageAsync(DescribeModelPackageRequest request, CancellationToken ct = default);

    /// <summary>Lists one page of model packages; pass a group name or <c>ModelPackageType</c> Versioned (the default is Unversioned).</summary>
    Task<ListModelPackagesResponse> ListModelPackagesAsync(ListModelPackagesRequest request, CancellationToken ct = default);

    /// <summary>Updates a model package, e.g. its approval status.</summary>
    Task<UpdateModelPackageResponse> UpdateModelPackageAsync(UpdateModelPackageRequest request, CancellationToken ct = default);
}
