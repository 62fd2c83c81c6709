using System.Text.Json.Nodes;
using Amazon.S3;
using Amazon.S3.Model;

namespace Detector.Operator.Tests.Fakes.SageMaker;

public sealed partial class SageMakerBackend
{
    private readonly Dictionary<string, TrainingJob> _trainingJobs = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TrainingScript> _scripts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Scripts the job of this name (also a tuning job's child): its metric, timings or failure.</summary>
    public void ScriptTrainingJob(string name, TrainingScript script)
    {
        lock (_gate)
            _scripts[name] = script;
    }

    /// <summary>Every training job name, in creation order (tuning children included).</summary>
    public IReadOnlyList<string> TrainingJobNames()
    {
        lock (_gate)
            return [.. _trainingJobs.Values.OrderBy(j => j.Plan.CreatedAt).ThenBy(j => j.Sequence).Select(j => j.Name)];
    }

    /// <summary>DescribeTrainingJob's answer for a job now, or null when there is none.</summary>
    public JsonObject? DescribeTrainingJobOrNull(string name)
    {
        lock (_gate)
            return _trainingJobs.TryGetValue(name, out var job) ? DescribeTrainingJob(job, Now) : null;
    }

    private void RegisterTrainingJobs()
    {
        RegisterAsync("CreateTrainingJob", CreateTrainingJobAsync);
        Register("DescribeTrainingJob", body =>
        {
            lock (_gate)
                return DescribeTrainingJob(FindTrainingJob(Text(body, "TrainingJobName")), Now);
        });
        Register("StopTrainingJob", body =>
        {
            lock (_gate)
            {
                var job = FindTrainingJob(Text(body, "TrainingJobName"));
                var state = TrainingTimeline.At(job.Plan, Now);
                if (state.Status != "InProgress")
                    throw ServiceError.Validation($"The request was rejected because the training job is in status {state.Status}.");
                job.Plan = job.Plan with { StopRequestedAt = Now };
                return [];
            }
        });
    }

    private async Task<JsonObject> CreateTrainingJobAsync(JsonObject body)
    {
        var name = Text(body, "TrainingJobName");
        var roleArn = Text(body, "RoleArn");
        AssumeRole(roleArn);
        CheckSpot(body["EnableManagedSpotTraining"], body["StoppingCondition"] as JsonObject);
        var channelFailure = await ChannelFailureAsync(body["InputDataConfig"] as JsonArray, roleArn);
        lock (_gate)
        {
            if (_trainingJobs.TryGetValue(name, out var existing))
                throw ServiceError.InUse(
                    $"Training job names must be unique within an AWS account and region, and a training job with this name already exists ({existing.Arn})");
            CheckQuota(body);
            var job = AddTrainingJob((JsonObject)body.DeepClone(), Now, channelFailure, tuningJobName: null, tuned: null);
            return new JsonObject { ["TrainingJobArn"] = job.Arn };
        }
    }

    private void CheckQuota(JsonObject body)
    {
        var type = body["ResourceConfig"]?["InstanceType"]?.GetValue<string>();
        if (type is null || Options.TrainingInstanceQuotas?.TryGetValue(type, out var quota) != true)
            return;
        var delta = body["ResourceConfig"]?["InstanceCount"]?.GetValue<int>() ?? 1;
        var used = _trainingJobs.Values
            .Where(j => j.Request["ResourceConfig"]?["InstanceType"]?.GetValue<string>() == type && !TrainingTimeline.At(j.Plan, Now).IsTerminal)
            .Sum(j => j.Request["ResourceConfig"]?["InstanceCount"]?.GetValue<int>() ?? 1);
        if (used + delta > quota)
            throw ServiceError.LimitExceeded(
                $"The account-level service limit '{type} for training job usage' is {quota} Instances, with current utilization of {used} Instances "
                + $"and a request delta of {delta} Instances. Please use AWS Service Quotas to request an increase for this quota. If AWS Service "
                + "Quotas is not available, contact AWS support to request an increase for this quota.");
    }

    private static void CheckSpot(JsonNode? spotFlag, JsonObject? stopping)
    {
        var spot = spotFlag?.GetValue<bool>() == true;
        var maxRuntime = stopping?["MaxRuntimeInSeconds"]?.GetValue<long>() ?? 86_400;
        var maxWait = stopping?["MaxWaitTimeInSeconds"]?.GetValue<long>();
        if (spot && (maxWait is null || maxWait < maxRuntime))
            throw ServiceError.Validation("Invalid MaxWaitTimeInSeconds. It must be present and be greater than or equal to MaxRuntimeInSeconds");
        if (!spot && maxWait is not null)
            throw ServiceError.Validation("MaxWaitTimeInSeconds is only supported for managed spot training (EnableManagedSpotTraining).");
    }

    // SageMaker lists each S3Prefix channel before downloading; an empty prefix or a missing bucket fails the job.
    private async Task<string?> ChannelFailureAsync(JsonArray? channels, string roleArn)
    {
        if (Options.S3 is not { } s3 || channels is null)
            return null;
        foreach (var channel in channels)
        {
            var uri = channel?["DataSource"]?["S3DataSource"]?["S3Uri"]?.GetValue<string>();
            if (uri is null || !uri.StartsWith("s3://", StringComparison.Ordinal))
                continue;
            var rest = uri["s3://".Length..];
            var slash = rest.IndexOf('/');
            var (bucket, prefix) = slash < 0 ? (rest, "") : (rest[..slash], rest[(slash + 1)..]);
            try
            {
                var listing = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix, MaxKeys = 1 });
                if (listing.S3Objects is { Count: > 0 })
                    continue;
            }
            catch (AmazonS3Exception e) when (e.ErrorCode is "NoSuchBucket")
            {
            }
            return $"ClientError: No S3 objects found under S3 URL \"{uri}\" given in input data source. Please ensure that the bucket exists in "
                + $"the selected region ({Options.Region}), that objects exist under that S3 prefix, and that the role \"{roleArn}\" has "
                + $"\"s3:ListBucket\" permissions on bucket \"{bucket}\".";
        }
        return null;
    }

    private TrainingJob AddTrainingJob(JsonObject request, DateTimeOffset createdAt, string? channelFailure, string? tuningJobName, JsonObject? tuned)
    {
        var name = Text(request, "TrainingJobName");
        _scripts.TryGetValue(name, out var script);
        var image = request["AlgorithmSpecification"]?["TrainingImage"]?.GetValue<string>();
        var (failure, failDuring) = channelFailure is not null ? (channelFailure, "Downloading")
            : ObjectDetectionAlgorithm.IsImage(image) && ObjectDetectionAlgorithm.StartupFailure(request) is { } startup ? (startup, "Downloading")
            : (script?.FailureReason, script?.FailDuring ?? "Training");
        var maxRuntime = request["StoppingCondition"]?["MaxRuntimeInSeconds"]?.GetValue<long>() ?? 86_400;
        var hyperparameters = (request["HyperParameters"] as JsonObject ?? []).Select(p => KeyValuePair.Create(p.Key, p.Value!.GetValue<string>()));
        var job = new TrainingJob(name, Arn("training-job", name), request, _trainingJobs.Count,
            new TrainingPlan(createdAt, script?.Timings ?? Options.Timings, TimeSpan.FromSeconds(maxRuntime), failure, failDuring, null),
            script?.Metric ?? ObjectDetectionAlgorithm.MeanAveragePrecision(hyperparameters),
            tuningJobName, tuned);
        _trainingJobs[name] = job;
        _tags[job.Arn] = TagsOf(request);
        return job;
    }

    private TrainingJob FindTrainingJob(string name) =>
        _trainingJobs.TryGetValue(name, out var job) ? job : throw ServiceError.Validation("Requested resource not found.");

    private JsonObject DescribeTrainingJob(TrainingJob job, DateTimeOffset now)
    {
        var state = TrainingTimeline.At(job.Plan, now);
        var result = Echo(job.Request, "DescribeTrainingJobResponse");
        result["TrainingJobArn"] = job.Arn;
        if (job.TuningJobName is { } tuning)
            result["TuningJobArn"] = Arn("hyper-parameter-tuning-job", tuning);
        result["TrainingJobStatus"] = state.Status;
        result["SecondaryStatus"] = state.SecondaryStatus;
        if (state.Status == "Failed")
            result["FailureReason"] = job.Plan.FailureReason;
        result["StoppingCondition"] ??= new JsonObject { ["MaxRuntimeInSeconds"] = 86_400 };
        foreach (var flag in new[] { "EnableNetworkIsolation", "EnableInterContainerTrafficEncryption", "EnableManagedSpotTraining" })
            result[flag] ??= false;
        if (ObjectDetectionAlgorithm.IsImage(result["AlgorithmSpecification"]?["TrainingImage"]?.GetValue<string>()))
            result["AlgorithmSpecification"]!["MetricDefinitions"] ??= new JsonArray([.. ObjectDetectionAlgorithm.MetricDefinitions
                .Select(d => (JsonNode)new JsonObject { ["Name"] = d.Name, ["Regex"] = d.Regex })]);
        result["CreationTime"] = Epoch(job.Plan.CreatedAt);
        result["LastModifiedTime"] = Epoch(state.LastModified);
        if (state.TrainingStartTime is { } start)
            result["TrainingStartTime"] = Epoch(start);
        if (state.EndTime is { } end)
        {
            result["TrainingEndTime"] = Epoch(end);
            var seconds = state.TrainingStartTime is { } s ? (long)Math.Round((end - s).TotalSeconds) : 0;
            result["TrainingTimeInSeconds"] = seconds;
            result["BillableTimeInSeconds"] = result["EnableManagedSpotTraining"]!.GetValue<bool>()
                ? (long)Math.Ceiling(seconds * Options.SpotBillableFraction) : seconds;
        }
        result["SecondaryStatusTransitions"] = new JsonArray([.. state.Transitions.Select(t =>
        {
            var node = new JsonObject { ["Status"] = t.Status, ["StartTime"] = Epoch(t.StartTime) };
            if (t.EndTime is { } e)
                node["EndTime"] = Epoch(e);
            node["StatusMessage"] = t.StatusMessage;
            return (JsonNode)node;
        })]);
        // The model makes ModelArtifacts required, so it is always there; only a Completed job's artifact is real.
        var output = Text((JsonObject)job.Request["OutputDataConfig"]!, "S3OutputPath").TrimEnd('/');
        result["ModelArtifacts"] = new JsonObject { ["S3ModelArtifacts"] = $"{output}/{job.Name}/output/model.tar.gz" };
        if (state.Status == "Completed")
        {
            result["FinalMetricDataList"] = new JsonArray(
                new JsonObject { ["MetricName"] = ObjectDetectionAlgorithm.Objective, ["Value"] = job.Metric, ["Timestamp"] = Epoch(state.EndTime!.Value) },
                new JsonObject { ["MetricName"] = "train:progress", ["Value"] = 100.0, ["Timestamp"] = Epoch(state.EndTime!.Value) });
        }
        return result;
    }

    private sealed class TrainingJob(string name, string arn, JsonObject request, int sequence, TrainingPlan plan, double metric,
        string? tuningJobName, JsonObject? tuned)
    {
        public string Name { get; } = name;
        public string Arn { get; } = arn;
        public JsonObject Request { get; } = request;
        public int Sequence { get; } = sequence;
        public TrainingPlan Plan { get; set; } = plan;
        public double Metric { get; } = metric;
        public string? TuningJobName { get; } = tuningJobName;
        public JsonObject? TunedHyperParameters { get; } = tuned;
    }
}
