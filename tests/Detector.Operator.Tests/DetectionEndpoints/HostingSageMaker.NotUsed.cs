using Detector.Operator.Aws;

namespace Detector.Operator.Tests.DetectionEndpoints;

// The operations the DetectionEndpoint reconciler never calls: calling one fails the test.
public sealed partial class HostingSageMaker
{
    /// <inheritdoc />
    public Task<CreateTrainingJobResponse> CreateTrainingJobAsync(CreateTrainingJobRequest request, CancellationToken ct = default) => NotUsed<CreateTrainingJobResponse>("CreateTrainingJob");
    /// <inheritdoc />
    public Task<DescribeTrainingJobResponse> DescribeTrainingJobAsync(DescribeTrainingJobRequest request, CancellationToken ct = default) => NotUsed<DescribeTrainingJobResponse>("DescribeTrainingJob");
    /// <inheritdoc />
    public Task<StopTrainingJobResponse> StopTrainingJobAsync(StopTrainingJobRequest request, CancellationToken ct = default) => NotUsed<StopTrainingJobResponse>("StopTrainingJob");
    /// <inheritdoc />
    public Task<AddTagsResponse> AddTagsAsync(AddTagsRequest request, CancellationToken ct = default) => NotUsed<AddTagsResponse>("AddTags");
    /// <inheritdoc />
    public Task<ListTagsResponse> ListTagsAsync(ListTagsRequest request, CancellationToken ct = default) => NotUsed<ListTagsResponse>("ListTags");
    /// <inheritdoc />
    public Task<DeleteTagsResponse> DeleteTagsAsync(DeleteTagsRequest request, CancellationToken ct = default) => NotUsed<DeleteTagsResponse>("DeleteTags");
    /// <inheritdoc />
    public Task<CreateModelPackageGroupResponse> CreateModelPackageGroupAsync(CreateModelPackageGroupRequest request, CancellationToken ct = default) => NotUsed<CreateModelPackageGroupResponse>("CreateModelPackageGroup");
    /// <inheritdoc />
    public Task<DescribeModelPackageGroupResponse> DescribeModelPackageGroupAsync(DescribeModelPackageGroupRequest request, CancellationToken ct = default) => NotUsed<DescribeModelPackageGroupResponse>("DescribeModelPackageGroup");
    /// <inheritdoc />
    public Task<DeleteModelPackageGroupResponse> DeleteModelPackageGroupAsync(DeleteModelPackageGroupRequest request, CancellationToken ct = default) => NotUsed<DeleteModelPackageGroupResponse>("DeleteModelPackageGroup");
    /// <inheritdoc />
    public Task<CreateModelPackageResponse> CreateModelPackageAsync(CreateModelPackageRequest request, CancellationToken ct = default) => NotUsed<CreateModelPackageResponse>("CreateModelPackage");
    /// <inheritdoc />
    public Task<DescribeModelPackageResponse> DescribeModelPackageAsync(DescribeModelPackageRequest request, CancellationToken ct = default) => NotUsed<DescribeModelPackageResponse>("DescribeModelPackage");
    /// <inheritdoc />
    public Task<ListModelPackagesResponse> ListModelPackagesAsync(ListModelPackagesRequest request, CancellationToken ct = default) => NotUsed<ListModelPackagesResponse>("ListModelPackages");
    /// <inheritdoc />
    public Task<UpdateModelPackageResponse> UpdateModelPackageAsync(UpdateModelPackageRequest request, CancellationToken ct = default) => NotUsed<UpdateModelPackageResponse>("UpdateModelPackage");

    /// <inheritdoc />
    public Task<CreateHyperParameterTuningJobResponse> CreateHyperParameterTuningJobAsync(CreateHyperParameterTuningJobRequest request, CancellationToken ct = default) => NotUsed<CreateHyperParameterTuningJobResponse>("CreateHyperParameterTuningJob");
    /// <inheritdoc />
    public Task<DescribeHyperParameterTuningJobResponse> DescribeHyperParameterTuningJobAsync(DescribeHyperParameterTuningJobRequest request, CancellationToken ct = default) => NotUsed<DescribeHyperParameterTuningJobResponse>("DescribeHyperParameterTuningJob");
    /// <inheritdoc />
    public Task<ListTrainingJobsForHyperParameterTuningJobResponse> ListTrainingJobsForHyperParameterTuningJobAsync(ListTrainingJobsForHyperParameterTuningJobRequest request, CancellationToken ct = default) => NotUsed<ListTrainingJobsForHyperParameterTuningJobResponse>("ListTrainingJobsForHyperParameterTuningJob");
    /// <inheritdoc />
    public Task<StopHyperParameterTuningJobResponse> StopHyperParameterTuningJobAsync(StopHyperParameterTuningJobRequest request, CancellationToken ct = default) => NotUsed<StopHyperParameterTuningJobResponse>("StopHyperParameterTuningJob");

    private static Task<T> NotUsed<T>(string operation) =>
        throw new InvalidOperationException($"{operation} is not a hosting operation; the DetectionEndpoint reconciler must not call it");
}
