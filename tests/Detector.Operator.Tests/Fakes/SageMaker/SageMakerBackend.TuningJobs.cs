using System.Globalization;
using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.Fakes.SageMaker;

public sealed partial class SageMakerBackend
{
    private readonly Dictionary<string, TuningJob> _tuningJobs = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every tuning job name, in creation order.</summary>
    public IReadOnlyList<string> TuningJobNames()
    {
        lock (_gate)
            return [.. _tuningJobs.Values.OrderBy(j => j.CreatedAt).Select(j => j.Name)];
    }

    /// <summary>DescribeHyperParameterTuningJob's answer now, or null when there is none.</summary>
    public JsonObject? DescribeTuningJobOrNull(string name)
    {
        lock (_gate)
            return _tuningJobs.TryGetValue(name, out var job) ? DescribeTuningJob(job) : null;
    }

    private void RegisterTuningJobs()
    {
        RegisterAsync("CreateHyperParameterTuningJob", CreateTuningJobAsync);
        Register("DescribeHyperParameterTuningJob", body =>
        {
            lock (_gate)
                return DescribeTuningJob(FindTuningJob(Text(body, "HyperParameterTuningJobName")));
        });
        Register("StopHyperParameterTuningJob", body =>
        {
            lock (_gate)
            {
                var job = FindTuningJob(Text(body, "HyperParameterTuningJobName"));
                var status = TuningStatus(job).Status;
                if (status != "InProgress")
                    throw ServiceError.Validation($"The hyperparameter tuning job {job.Name} is not in progress (status {status}); only an InProgress job can be stopped.");
                job.StopRequestedAt = Now;
                foreach (var child in job.Children.Select(c => _trainingJobs[c]))
                    if (TrainingTimeline.At(child.Plan, Now).Status == "InProgress")
                        child.Plan = child.Plan with { StopRequestedAt = Now };
                return [];
            }
        });
        Register("ListTrainingJobsForHyperParameterTuningJob", body =>
        {
            lock (_gate)
            {
                var job = FindTuningJob(Text(body, "HyperParameterTuningJobName"));
                Refresh(job);
                var summaries = job.Children.Select(c => Summary(_trainingJobs[c], job)).ToList();
                if (OptionalText(body["StatusEquals"]) is { } status)
                    summaries.RemoveAll(s => s["TrainingJobStatus"]!.GetValue<string>() != status);
                var sorted = Sort(summaries, OptionalText(body["SortBy"]) ?? "Name", OptionalText(body["SortOrder"]) ?? "Ascending");
                var (page, next) = Page(sorted, body, defaultSize: 10);
                var result = new JsonObject { ["TrainingJobSummaries"] = new JsonArray([.. page]) };
                if (next is not null)
                    result["NextToken"] = next;
                return result;
            }
        });
    }

    private async Task<JsonObject> CreateTuningJobAsync(JsonObject body)
    {
        var name = Text(body, "HyperParameterTuningJobName");
        var config = (JsonObject)body["HyperParameterTuningJobConfig"]!;
        var definition = body["TrainingJobDefinition"] as JsonObject
            ?? (body["TrainingJobDefinitions"] as JsonArray)?.FirstOrDefault() as JsonObject
            ?? throw ServiceError.Validation("Either TrainingJobDefinition or TrainingJobDefinitions must be provided.");
        if (body["TrainingJobDefinition"] is not null && body["TrainingJobDefinitions"] is not null)
            throw ServiceError.Validation("TrainingJobDefinition and TrainingJobDefinitions are mutually exclusive.");
        var roleArn = Text(definition, "RoleArn");
        AssumeRole(roleArn);
        CheckSpot(definition["EnableManagedSpotTraining"], definition["StoppingCondition"] as JsonObject);
        var maxNumber = TuningRules.Check(config, definition);
        var channelFailure = await ChannelFailureAsync(definition["InputDataConfig"] as JsonArray, roleArn);
        lock (_gate)
        {
            if (_tuningJobs.ContainsKey(name))
                throw ServiceError.InUse($"A hyperparameter tuning job with the name, {name}, already exists. Choose a different name.");
            foreach (var parent in body["WarmStartConfig"]?["ParentHyperParameterTuningJobs"] as JsonArray ?? [])
            {
                var parentName = parent!["HyperParameterTuningJobName"]!.GetValue<string>();
                if (!_tuningJobs.TryGetValue(parentName, out var parentJob))
                    throw ServiceError.Validation($"The parent hyperparameter tuning job {parentName} of the warm start does not exist.");
                if (TuningStatus(parentJob).Status is "InProgress" or "Stopping")
                    throw ServiceError.Validation($"The parent hyperparameter tuning job {parentName} of the warm start has not finished.");
            }
            var limits = (JsonObject)config["ResourceLimits"]!;
            var job = new TuningJob(name, Arn("hyper-parameter-tuning-job", name), (JsonObject)body.DeepClone(), definition.DeepClone().AsObject(),
                Now, limits["MaxParallelTrainingJobs"]!.GetValue<int>(), maxNumber, channelFailure);
            _tuningJobs[name] = job;
            _tags[job.Arn] = TagsOf(body);
            Refresh(job);
            return new JsonObject { ["HyperParameterTuningJobArn"] = job.Arn };
        }
    }

    private TuningJob FindTuningJob(string name) => _tuningJobs.TryGetValue(name, out var job)
        ? job
        : throw ServiceError.NotFound($"Could not find hyperparameter tuning job {name}.");

    // Launches the children whose start time has come: the first MaxParallelTrainingJobs at creation, then the n-th
    // when the (n - parallel + 1)-th earliest child ended; none after a stop or once the target metric was reached.
    private void Refresh(TuningJob job)
    {
        var config = (JsonObject)job.Request["HyperParameterTuningJobConfig"]!;
        var target = config["TuningJobCompletionCriteria"]?["TargetObjectiveMetricValue"]?.GetValue<double>();
        var maximize = config["HyperParameterTuningJobObjective"]?["Type"]?.GetValue<string>() != "Minimize";
        while (job.Children.Count < job.MaxNumber)
        {
            var children = job.Children.Select(c => _trainingJobs[c]).ToList();
            var ends = children.Select(c => TrainingTimeline.At(c.Plan, Now)).Select(s => s.IsTerminal ? s.EndTime!.Value : DateTimeOffset.MaxValue)
                .Order().ToList();
            var n = job.Children.Count;
            var start = n < job.MaxParallel ? job.CreatedAt : ends[n - job.MaxParallel];
            if (start > Now || (job.StopRequestedAt is { } stop && stop <= start))
                return;
            if (target is { } goal && children.Any(c => TrainingTimeline.At(c.Plan, start) is { Status: "Completed" } && (maximize ? c.Metric >= goal : c.Metric <= goal)))
                return;
            SpawnChild(job, n, start);
        }
    }

    private void SpawnChild(TuningJob job, int index, DateTimeOffset start)
    {
        var config = (JsonObject)job.Request["HyperParameterTuningJobConfig"]!;
        var tuned = TuningSampler.Sample(config["ParameterRanges"] as JsonObject, config["Strategy"]!.GetValue<string>(), job.Name,
            config["RandomSeed"]?.GetValue<int>(), index);
        var suffix = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{job.Arn}/{index}")))[..8];
        var name = $"{job.Name}-{index + 1:000}-{suffix}";
        var request = Echo(job.Definition, "CreateTrainingJobRequest");
        request["TrainingJobName"] = name;
        var hyperparameters = (JsonObject?)job.Definition["StaticHyperParameters"]?.DeepClone() ?? [];
        foreach (var (key, value) in tuned)
            hyperparameters[key] = value!.DeepClone();
        request["HyperParameters"] = hyperparameters;
        if (job.Request["Tags"] is { } tags)
            request["Tags"] = tags.DeepClone();
        AddTrainingJob(request, start, job.ChannelFailure, job.Name, tuned);
        job.Children.Add(name);
    }

    private (string Status, DateTimeOffset? End) TuningStatus(TuningJob job)
    {
        Refresh(job);
        var states = job.Children.Select(c => TrainingTimeline.At(_trainingJobs[c].Plan, Now)).ToList();
        var allDone = states.All(s => s.IsTerminal);
        var end = states.Count == 0 ? job.StopRequestedAt : states.Max(s => s.EndTime);
        if (job.StopRequestedAt is not null)
            return allDone ? ("Stopped", end) : ("Stopping", null);
        var moreToCome = job.Children.Count < job.MaxNumber && !TargetReached(job);
        if (moreToCome || !allDone)
            return ("InProgress", null);
        return states.Any(s => s.Status == "Completed") ? ("Completed", end) : ("Failed", end);
    }

    private bool TargetReached(TuningJob job)
    {
        var config = (JsonObject)job.Request["HyperParameterTuningJobConfig"]!;
        if (config["TuningJobCompletionCriteria"]?["TargetObjectiveMetricValue"]?.GetValue<double>() is not { } goal)
            return false;
        var maximize = config["HyperParameterTuningJobObjective"]?["Type"]?.GetValue<string>() != "Minimize";
        return job.Children.Select(c => _trainingJobs[c]).Any(c =>
            TrainingTimeline.At(c.Plan, Now).Status == "Completed" && (maximize ? c.Metric >= goal : c.Metric <= goal));
    }

    private JsonObject DescribeTuningJob(TuningJob job)
    {
        var (status, end) = TuningStatus(job);
        var result = Echo(job.Request, "DescribeHyperParameterTuningJobResponse");
        result["HyperParameterTuningJobArn"] = job.Arn;
        result["HyperParameterTuningJobStatus"] = status;
        result["CreationTime"] = Epoch(job.CreatedAt);
        if (end is { } e)
            result["HyperParameterTuningEndTime"] = Epoch(e);
        var children = job.Children.Select(c => _trainingJobs[c]).ToList();
        var states = children.Select(c => TrainingTimeline.At(c.Plan, Now)).ToList();
        result["LastModifiedTime"] = Epoch(states.Select(s => s.LastModified).Append(job.StopRequestedAt ?? job.CreatedAt).Max());
        result["TrainingJobStatusCounters"] = new JsonObject
        {
            ["Completed"] = states.Count(s => s.Status == "Completed"),
            ["InProgress"] = states.Count(s => s.Status is "InProgress" or "Stopping"),
            ["RetryableError"] = 0,
            ["NonRetryableError"] = states.Count(s => s.Status == "Failed"),
            ["Stopped"] = states.Count(s => s.Status == "Stopped"),
        };
        result["ObjectiveStatusCounters"] = new JsonObject
        {
            ["Succeeded"] = states.Count(s => s.Status == "Completed"),
            ["Pending"] = states.Count(s => !s.IsTerminal),
            ["Failed"] = states.Count(s => s.Status is "Failed" or "Stopped"),
        };
        var maximize = job.Request["HyperParameterTuningJobConfig"]?["HyperParameterTuningJobObjective"]?["Type"]?.GetValue<string>() != "Minimize";
        var completed = children.Where((c, i) => states[i].Status == "Completed").ToList();
        if (completed.Count > 0)
        {
            var best = maximize ? completed.MaxBy(c => c.Metric)! : completed.MinBy(c => c.Metric)!;
            result["BestTrainingJob"] = Summary(best, job);
        }
        if (status == "Failed")
            result["FailureReason"] = "No training job of the hyperparameter tuning job succeeded.";
        result["ConsumedResources"] = new JsonObject
        {
            ["RuntimeInSeconds"] = (int)((end ?? Now) - job.CreatedAt).TotalSeconds,
        };
        return result;
    }

    private JsonObject Summary(TrainingJob child, TuningJob job)
    {
        var state = TrainingTimeline.At(child.Plan, Now);
        var summary = new JsonObject
        {
            ["TrainingJobName"] = child.Name,
            ["TrainingJobArn"] = child.Arn,
            ["TuningJobName"] = job.Name,
            ["CreationTime"] = Epoch(child.Plan.CreatedAt),
            ["TrainingJobStatus"] = state.Status,
            ["TunedHyperParameters"] = child.TunedHyperParameters!.DeepClone(),
            ["ObjectiveStatus"] = state.Status switch { "Completed" => "Succeeded", "InProgress" or "Stopping" => "Pending", _ => "Failed" },
        };
        if (state.TrainingStartTime is { } start)
            summary["TrainingStartTime"] = Epoch(start);
        if (state.EndTime is { } end)
            summary["TrainingEndTime"] = Epoch(end);
        if (state.Status == "Failed")
            summary["FailureReason"] = child.Plan.FailureReason;
        if (state.Status == "Completed")
        {
            var objective = job.Request["HyperParameterTuningJobConfig"]?["HyperParameterTuningJobObjective"];
            summary["FinalHyperParameterTuningJobObjectiveMetric"] = new JsonObject
            {
                ["Type"] = objective?["Type"]?.GetValue<string>() ?? "Maximize",
                ["MetricName"] = objective?["MetricName"]?.GetValue<string>() ?? ObjectDetectionAlgorithm.Objective,
                ["Value"] = child.Metric,
            };
        }
        return summary;
    }

    private static List<JsonObject> Sort(List<JsonObject> summaries, string sortBy, string order)
    {
        IEnumerable<JsonObject> sorted = sortBy switch
        {
            "CreationTime" => summaries.OrderBy(s => s["CreationTime"]!.GetValue<double>()).ThenBy(s => Name(s), StringComparer.Ordinal),
            "Status" => summaries.OrderBy(s => s["TrainingJobStatus"]!.GetValue<string>(), StringComparer.Ordinal).ThenBy(s => Name(s), StringComparer.Ordinal),
            // Jobs without a final objective value are left out of this order (API documentation).
            "FinalObjectiveMetricValue" => summaries.Where(s => s["FinalHyperParameterTuningJobObjectiveMetric"] is not null)
                .OrderBy(s => s["FinalHyperParameterTuningJobObjectiveMetric"]!["Value"]!.GetValue<double>()),
            _ => summaries.OrderBy(s => Name(s), StringComparer.Ordinal),
        };
        var list = sorted.ToList();
        if (order == "Descending")
            list.Reverse();
        return list;

        static string Name(JsonObject s) => s["TrainingJobName"]!.GetValue<string>();
    }

    private sealed class TuningJob(string name, string arn, JsonObject request, JsonObject definition, DateTimeOffset createdAt,
        int maxParallel, int maxNumber, string? channelFailure)
    {
        public string Name { get; } = name;
        public string Arn { get; } = arn;
        public JsonObject Request { get; } = request;
        public JsonObject Definition { get; } = definition;
        public DateTimeOffset CreatedAt { get; } = createdAt;
        public int MaxParallel { get; } = maxParallel;
        public int MaxNumber { get; } = maxNumber;
        public string? ChannelFailure { get; } = channelFailure;
        public DateTimeOffset? StopRequestedAt { get; set; }
        public List<string> Children { get; } = [];
    }
}
