using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Detector.Operator.Aws;
using Detector.Operator.Tests.Fakes.SageMaker;
using Detector.Testing;

namespace Detector.Operator.Tests.RegisteredModels;

/// <summary>
/// An in-memory SageMaker model registry for RegisteredModel reconciler tests. Like the service it checks every request
/// against the AWS model (the fake's validator), answers a duplicate group with "already exists", a missing group or
/// package with "does not exist", returns the earlier version for a repeated ClientToken, creates new versions
/// PendingManualApproval unless told otherwise, and lists nothing unless the type is Versioned. Every call is logged;
/// <see cref="FailNext"/> queues an error per operation.
/// </summary>
public sealed partial class InMemoryRegistry : ISageMakerRegistry
{
    private const string Account = "arn:aws:sagemaker:us-east-1:123456789012";
    private static readonly Lazy<ServiceModel> s_model = new(() => ServiceModel.Load(SharedData.SageMakerModel));
    private readonly ConcurrentDictionary<string, DescribeModelPackageGroupResponse> _groups = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, DescribeModelPackageResponse> _packages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Operation, object Request)> _calls = new();
    private readonly ConcurrentDictionary<string, Queue<SageMakerException>> _failures = new();
    private readonly object _lock = new();

    /// <summary>The clock of creation times.</summary>
    public DateTimeOffset Now { get; set; } = RegisteredModelSamples.Now;

    /// <summary>The status new packages get (SageMaker validates them for a while: InProgress, then Completed).</summary>
    public string NewPackageStatus { get; set; } = ModelPackageStatus.Completed;

    /// <summary>Every call, oldest first.</summary>
    public IReadOnlyList<(string Operation, object Request)> Calls => [.. _calls];

    /// <summary>Calls of one operation.</summary>
    public int Count(string operation) => _calls.Count(c => c.Operation == operation);

    /// <summary>The groups by name.</summary>
    public IReadOnlyDictionary<string, DescribeModelPackageGroupResponse> Groups => _groups;

    /// <summary>The versions by ARN.</summary>
    public IReadOnlyDictionary<string, DescribeModelPackageResponse> Packages => _packages;

    /// <summary>Makes the next call of <paramref name="operation"/> throw.</summary>
    public void FailNext(string operation, string code, string message, SageMakerErrorKind kind, int statusCode = 400) =>
        _failures.GetOrAdd(operation, _ => new()).Enqueue(new SageMakerException(code, message, statusCode, "req-1", kind));

    /// <summary>Changes a version as someone in the console would.</summary>
    public void Update(string arn, Func<DescribeModelPackageResponse, DescribeModelPackageResponse> change) => _packages[arn] = change(_packages[arn]);

    /// <summary>The version ARN of a group and number.</summary>
    public static string PackageArn(string group, int version) => $"{Account}:model-package/{group.ToLowerInvariant()}/{version}";

    /// <inheritdoc />
    public Task<CreateModelPackageGroupResponse> CreateModelPackageGroupAsync(CreateModelPackageGroupRequest request, CancellationToken ct = default)
    {
        Call("CreateModelPackageGroup", request);
        var arn = $"{Account}:model-package-group/{request.ModelPackageGroupName.ToLowerInvariant()}";
        var group = new DescribeModelPackageGroupResponse
        {
            ModelPackageGroupName = request.ModelPackageGroupName, ModelPackageGroupArn = arn, ModelPackageGroupDescription = request.ModelPackageGroupDescription,
            CreationTime = Now, CreatedBy = new UserContext(), ModelPackageGroupStatus = ModelPackageGroupStatus.Completed,
        };
        if (!_groups.TryAdd(request.ModelPackageGroupName, group))
            throw new SageMakerException("ValidationException", $"Model Package Group already exists: {arn}", 400, "req", SageMakerErrorKind.AlreadyExists);
        return Task.FromResult(new CreateModelPackageGroupResponse { ModelPackageGroupArn = arn });
    }

    /// <inheritdoc />
    public Task<DescribeModelPackageGroupResponse> DescribeModelPackageGroupAsync(DescribeModelPackageGroupRequest request, CancellationToken ct = default)
    {
        Call("DescribeModelPackageGroup", request);
        return Task.FromResult(_groups.GetValueOrDefault(request.ModelPackageGroupName) ?? throw GroupNotFound(request.ModelPackageGroupName));
    }

    /// <inheritdoc />
    public Task<CreateModelPackageResponse> CreateModelPackageAsync(CreateModelPackageRequest request, CancellationToken ct = default)
    {
        Call("CreateModelPackage", request);
        var groupName = request.ModelPackageGroupName ?? throw new NotSupportedException("Unversioned packages");
        lock (_lock)
        {
            if (!_groups.ContainsKey(groupName))
                throw GroupNotFound(groupName);
            if (request.ClientToken is { } token && _tokens.TryGetValue(token, out var earlier))
                return Task.FromResult(new CreateModelPackageResponse { ModelPackageArn = earlier });
            var version = _packages.Values.Count(p => string.Equals(p.ModelPackageGroupName, groupName, StringComparison.OrdinalIgnoreCase)) + 1;
            var arn = PackageArn(groupName, version);
            _packages[arn] = new DescribeModelPackageResponse
            {
                ModelPackageName = groupName, ModelPackageGroupName = groupName, ModelPackageVersion = version, ModelPackageArn = arn,
                ModelPackageDescription = request.ModelPackageDescription, CreationTime = Now, InferenceSpecification = request.InferenceSpecification,
                ModelPackageStatus = NewPackageStatus, ModelApprovalStatus = request.ModelApprovalStatus ?? ModelApprovalStatus.PendingManualApproval,
                ModelPackageStatusDetails = new ModelPackageStatusDetails { ValidationStatuses = [] },
                CustomerMetadataProperties = request.CustomerMetadataProperties, Domain = request.Domain, Task = request.Task,
            };
            if (request.ClientToken is { } newToken)
                _tokens[newToken] = arn;
            return Task.FromResult(new CreateModelPackageResponse { ModelPackageArn = arn });
        }
    }

    /// <inheritdoc />
    public Task<DescribeModelPackageResponse> DescribeModelPackageAsync(DescribeModelPackageRequest request, CancellationToken ct = default)
    {
        Call("DescribeModelPackage", request);
        return Task.FromResult(_packages.GetValueOrDefault(request.ModelPackageName) ?? throw PackageNotFound(request.ModelPackageName));
    }

    /// <inheritdoc />
    public Task<ListModelPackagesResponse> ListModelPackagesAsync(ListModelPackagesRequest request, CancellationToken ct = default)
    {
        Call("ListModelPackages", request);
        // The default ModelPackageType is Unversioned: a group's versions are only listed with Versioned (or Both).
        var versioned = request.ModelPackageType is ModelPackageType.Versioned or "Both";
        var all = _packages.Values
            .Where(p => versioned && (request.ModelPackageGroupName is null
                || string.Equals(p.ModelPackageGroupName, request.ModelPackageGroupName, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(p => p.CreationTime).ThenBy(p => p.ModelPackageVersion).ToList();
        if (request.SortOrder == SortOrder.Descending)
            all.Reverse();
        var start = request.NextToken is { } next ? int.Parse(next, CultureInfo.InvariantCulture) : 0;
        var size = request.MaxResults ?? 10;
        var page = all.Skip(start).Take(size).Select(p => new ModelPackageSummary
        {
            ModelPackageName = p.ModelPackageName, ModelPackageGroupName = p.ModelPackageGroupName, ModelPackageVersion = p.ModelPackageVersion,
            ModelPackageArn = p.ModelPackageArn, ModelPackageDescription = p.ModelPackageDescription, CreationTime = p.CreationTime,
            ModelPackageStatus = p.ModelPackageStatus, ModelApprovalStatus = p.ModelApprovalStatus,
        }).ToList();
        var more = start + size < all.Count;
        return Task.FromResult(new ListModelPackagesResponse
        {
            ModelPackageSummaryList = page,
            NextToken = more ? (start + size).ToString(CultureInfo.InvariantCulture) : null,
        });
    }

    /// <inheritdoc />
    public Task<UpdateModelPackageResponse> UpdateModelPackageAsync(UpdateModelPackageRequest request, CancellationToken ct = default)
    {
        Call("UpdateModelPackage", request);
        if (!_packages.TryGetValue(request.ModelPackageArn, out var package))
            throw PackageNotFound(request.ModelPackageArn);
        _packages[request.ModelPackageArn] = package with
        {
            ModelApprovalStatus = request.ModelApprovalStatus ?? package.ModelApprovalStatus,
            ApprovalDescription = request.ApprovalDescription ?? package.ApprovalDescription,
            LastModifiedTime = Now,
        };
        return Task.FromResult(new UpdateModelPackageResponse { ModelPackageArn = request.ModelPackageArn });
    }

    private void Call(string operation, object request)
    {
        _calls.Enqueue((operation, request));
        var check = ModelValidator.Validate(s_model.Value, operation + "Input", JsonNode.Parse(AwsJson.Serialize(request)));
        if (!check.Passed)
            throw new SageMakerException("ValidationException", check.SerializationError ?? ModelValidator.Message(check.Violations), 400, "req",
                SageMakerErrorKind.Validation);
        if (_failures.TryGetValue(operation, out var queue) && queue.TryDequeue(out var failure))
            throw failure;
    }

    private static SageMakerException GroupNotFound(string name) =>
        new("ValidationException", $"ModelPackageGroup {name} does not exist.", 400, "req", SageMakerErrorKind.NotFound);

    private static SageMakerException PackageNotFound(string arn) =>
        new("ValidationException", $"ModelPackage {arn} does not exist.", 400, "req", SageMakerErrorKind.NotFound);
}
