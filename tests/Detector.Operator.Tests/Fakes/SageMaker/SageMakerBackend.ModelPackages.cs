using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.Fakes.SageMaker;

public sealed partial class SageMakerBackend
{
    private readonly Dictionary<string, PackageGroup> _groups = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every model package group name.</summary>
    public IReadOnlyList<string> ModelPackageGroupNames()
    {
        lock (_gate)
            return [.. _groups.Keys];
    }

    /// <summary>DescribeModelPackage's answer for an ARN now, or null.</summary>
    public JsonObject? DescribeModelPackageOrNull(string arn)
    {
        lock (_gate)
            return FindPackageOrNull(arn) is { } p ? DescribePackage(p) : null;
    }

    /// <summary>Changes a version's approval as someone in the console would.</summary>
    public void SetApproval(string modelPackageArn, string status)
    {
        lock (_gate)
        {
            var package = FindPackageOrNull(modelPackageArn) ?? throw new ArgumentException($"No model package {modelPackageArn}");
            package.Approval = status;
            package.LastModified = Now;
        }
    }

    private void RegisterModelPackages()
    {
        Register("CreateModelPackageGroup", body =>
        {
            lock (_gate)
            {
                var name = Text(body, "ModelPackageGroupName");
                var arn = Arn("model-package-group", name);
                if (_groups.ContainsKey(name))
                    throw ServiceError.Validation($"Model Package Group already exists: {arn}");
                _groups[name] = new PackageGroup(name, arn, (JsonObject)body.DeepClone(), Now);
                _tags[arn] = TagsOf(body);
                return new JsonObject { ["ModelPackageGroupArn"] = arn };
            }
        });
        Register("DescribeModelPackageGroup", body =>
        {
            lock (_gate)
            {
                var group = FindGroup(Text(body, "ModelPackageGroupName"));
                var result = Echo(group.Request, "DescribeModelPackageGroupOutput");
                result["ModelPackageGroupName"] = group.Name;
                result["ModelPackageGroupArn"] = group.Arn;
                result["CreationTime"] = Epoch(group.CreatedAt);
                result["CreatedBy"] = new JsonObject();
                result["ModelPackageGroupStatus"] = "Completed";
                return result;
            }
        });
        Register("DeleteModelPackageGroup", body =>
        {
            lock (_gate)
            {
                var group = FindGroup(Text(body, "ModelPackageGroupName"));
                if (group.Versions.Count > 0)
                    throw ServiceError.Validation($"Model Package Group {group.Name} cannot be deleted because it still contains {group.Versions.Count} model package(s).");
                _groups.Remove(group.Name);
                _tags.Remove(group.Arn);
                return [];
            }
        });
        Register("CreateModelPackage", CreateModelPackage);
        Register("DescribeModelPackage", body =>
        {
            lock (_gate)
                return DescribePackage(FindPackage(Text(body, "ModelPackageName")));
        });
        Register("UpdateModelPackage", body =>
        {
            lock (_gate)
            {
                var package = FindPackage(Text(body, "ModelPackageArn"));
                if (OptionalText(body["ModelApprovalStatus"]) is { } approval)
                    package.Approval = approval;
                foreach (var member in new[] { "ApprovalDescription", "InferenceSpecification", "ModelCard" })
                    if (body[member] is { } value)
                        package.Request[member] = value.DeepClone();
                if (body["CustomerMetadataProperties"] is JsonObject add)
                {
                    var properties = package.Request["CustomerMetadataProperties"] as JsonObject ?? [];
                    foreach (var (key, value) in add)
                        properties[key] = value?.DeepClone();
                    package.Request["CustomerMetadataProperties"] = properties;
                }
                foreach (var key in body["CustomerMetadataPropertiesToRemove"] as JsonArray ?? [])
                    (package.Request["CustomerMetadataProperties"] as JsonObject)?.Remove(key!.GetValue<string>());
                package.LastModified = Now;
                return new JsonObject { ["ModelPackageArn"] = package.Arn };
            }
        });
        Register("DeleteModelPackage", body =>
        {
            lock (_gate)
            {
                var package = FindPackage(Text(body, "ModelPackageName"));
                _groups[package.Group].Versions.Remove(package);
                _tags.Remove(package.Arn);
                return [];
            }
        });
        Register("ListModelPackages", body =>
        {
            lock (_gate)
            {
                // ModelPackageType defaults to Unversioned, which the fake never holds; a group name lists its versions.
                var type = OptionalText(body["ModelPackageType"]) ?? (body["ModelPackageGroupName"] is null ? "Unversioned" : "Versioned");
                IEnumerable<ModelPackage> packages = type == "Unversioned" ? [] : _groups.Values.SelectMany(g => g.Versions);
                if (OptionalText(body["ModelPackageGroupName"]) is { } groupName)
                    packages = packages.Where(p => string.Equals(p.Group, groupName, StringComparison.OrdinalIgnoreCase) || p.GroupArn == groupName);
                if (OptionalText(body["ModelApprovalStatus"]) is { } approval)
                    packages = packages.Where(p => p.Approval == approval);
                if (OptionalText(body["NameContains"]) is { } contains)
                    packages = packages.Where(p => p.Group.Contains(contains, StringComparison.OrdinalIgnoreCase));
                var sorted = (OptionalText(body["SortBy"]) == "Name"
                    ? packages.OrderBy(p => p.Group, StringComparer.Ordinal).ThenBy(p => p.Version)
                    : packages.OrderBy(p => p.CreatedAt).ThenBy(p => p.Version)).ToList();
                if (OptionalText(body["SortOrder"]) == "Descending")
                    sorted.Reverse();
                var (page, next) = Page(sorted, body, defaultSize: 10);
                var result = new JsonObject
                {
                    ["ModelPackageSummaryList"] = new JsonArray([.. page.Select(p => (JsonNode)new JsonObject
                    {
                        ["ModelPackageGroupName"] = p.Group,
                        ["ModelPackageVersion"] = p.Version,
                        ["ModelPackageArn"] = p.Arn,
                        ["CreationTime"] = Epoch(p.CreatedAt),
                        ["ModelPackageStatus"] = PackageStatus(p),
                        ["ModelApprovalStatus"] = p.Approval,
                    })]),
                };
                if (next is not null)
                    result["NextToken"] = next;
                return result;
            }
        });
    }

    private JsonObject CreateModelPackage(JsonObject body)
    {
        lock (_gate)
        {
            if (OptionalText(body["ModelPackageGroupName"]) is not { } groupName)
                throw new ServiceError(501, "NotImplementedByFake", "The fake SageMaker supports versioned model packages (ModelPackageGroupName) only.");
            var group = FindGroup(groupName);
            // A ClientToken seen before makes the call a retry: the same version comes back, no new one is made.
            if (OptionalText(body["ClientToken"]) is { } token && group.Versions.FirstOrDefault(v => OptionalText(v.Request["ClientToken"]) == token) is { } earlier)
                return new JsonObject { ["ModelPackageArn"] = earlier.Arn };
            var version = group.Versions.Count == 0 ? 1 : group.Versions.Max(v => v.Version) + 1;
            var package = new ModelPackage(group.Name, group.Arn, version, $"{Arn("model-package", group.Name)}/{version}", (JsonObject)body.DeepClone(), Now)
            {
                Approval = OptionalText(body["ModelApprovalStatus"]) ?? "PendingManualApproval",
            };
            group.Versions.Add(package);
            _tags[package.Arn] = TagsOf(body);
            return new JsonObject { ["ModelPackageArn"] = package.Arn };
        }
    }

    private JsonObject DescribePackage(ModelPackage package)
    {
        var result = Echo(package.Request, "DescribeModelPackageOutput");
        result["ModelPackageName"] = package.Group;
        result["ModelPackageGroupName"] = package.Group;
        result["ModelPackageVersion"] = package.Version;
        result["ModelPackageArn"] = package.Arn;
        result["CreationTime"] = Epoch(package.CreatedAt);
        result["LastModifiedTime"] = Epoch(package.LastModified);
        var status = PackageStatus(package);
        result["ModelPackageStatus"] = status;
        result["ModelPackageStatusDetails"] = new JsonObject { ["ValidationStatuses"] = new JsonArray() };
        result["ModelApprovalStatus"] = package.Approval;
        result["CreatedBy"] = new JsonObject();
        return result;
    }

    private string PackageStatus(ModelPackage package) => Now - package.CreatedAt >= Options.Hosting.PackageValidation ? "Completed" : "InProgress";

    private PackageGroup FindGroup(string nameOrArn) =>
        (_groups.TryGetValue(nameOrArn, out var group) ? group : _groups.Values.FirstOrDefault(g => g.Arn == nameOrArn.ToLowerInvariant()))
        ?? throw ServiceError.Validation($"ModelPackageGroup {nameOrArn} does not exist.");

    private ModelPackage? FindPackageOrNull(string arn) =>
        _groups.Values.SelectMany(g => g.Versions).FirstOrDefault(p => string.Equals(p.Arn, arn, StringComparison.OrdinalIgnoreCase));

    private ModelPackage FindPackage(string arn) => FindPackageOrNull(arn) ?? throw ServiceError.Validation($"ModelPackage {arn} does not exist.");

    private sealed class PackageGroup(string name, string arn, JsonObject request, DateTimeOffset createdAt)
    {
        public string Name { get; } = name;
        public string Arn { get; } = arn;
        public JsonObject Request { get; } = request;
        public DateTimeOffset CreatedAt { get; } = createdAt;
        public List<ModelPackage> Versions { get; } = [];
    }

    private sealed class ModelPackage(string group, string groupArn, int version, string arn, JsonObject request, DateTimeOffset createdAt)
    {
        public string Group { get; } = group;
        public string GroupArn { get; } = groupArn;
        public int Version { get; } = version;
        public string Arn { get; } = arn;
        public JsonObject Request { get; } = request;
        public DateTimeOffset CreatedAt { get; } = createdAt;
        public DateTimeOffset LastModified { get; set; } = createdAt;
        public required string Approval { get; set; }
    }
}
