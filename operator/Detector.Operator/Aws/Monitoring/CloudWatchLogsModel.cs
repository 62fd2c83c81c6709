using System.Text.Json.Serialization;

namespace Detector.Operator.Aws;

// CloudWatch Logs (logs-2014-03-28.json) speaks camelCase member names; the C# names are the AWS SDK for .NET's and
// [JsonPropertyName] carries the wire name. Timestamps are epoch milliseconds (the model's long "Timestamp").

/// <summary>FilterLogEvents input: events of one group, from streams by name or name prefix, in a time range.</summary>
public sealed record FilterLogEventsRequest
{
    /// <summary>The log group, e.g. <c>/aws/sagemaker/TrainingJobs</c>.</summary>
    [JsonPropertyName("logGroupName")] public string? LogGroupName { get; init; }
    /// <summary>The group's ARN or name (instead of <see cref="LogGroupName"/>).</summary>
    [JsonPropertyName("logGroupIdentifier")] public string? LogGroupIdentifier { get; init; }
    /// <summary>Streams to search (at most 100); not with <see cref="LogStreamNamePrefix"/>.</summary>
    [JsonPropertyName("logStreamNames")] public List<string>? LogStreamNames { get; init; }
    /// <summary>Streams whose name starts with this, e.g. <c>&lt;job&gt;/</c>.</summary>
    [JsonPropertyName("logStreamNamePrefix")] public string? LogStreamNamePrefix { get; init; }
    /// <summary>Earliest event time, epoch milliseconds, inclusive.</summary>
    [JsonPropertyName("startTime")] public long? StartTime { get; init; }
    /// <summary>Latest event time, epoch milliseconds, exclusive.</summary>
    [JsonPropertyName("endTime")] public long? EndTime { get; init; }
    /// <summary>A CloudWatch Logs filter pattern; null matches every event.</summary>
    [JsonPropertyName("filterPattern")] public string? FilterPattern { get; init; }
    /// <summary>The previous page's token.</summary>
    [JsonPropertyName("nextToken")] public string? NextToken { get; init; }
    /// <summary>Events per page (1–10,000; default 10,000).</summary>
    [JsonPropertyName("limit")] public int? Limit { get; init; }
    /// <summary>Only for log groups of the Infrequent Access class.</summary>
    [JsonPropertyName("startFromHead")] public bool? StartFromHead { get; init; }
    /// <summary>Deprecated: results are always interleaved.</summary>
    [JsonPropertyName("interleaved")] public bool? Interleaved { get; init; }
    /// <summary>Show masked data (needs logs:Unmask).</summary>
    [JsonPropertyName("unmask")] public bool? Unmask { get; init; }
}

/// <summary>FilterLogEvents output: a page of events, oldest first.</summary>
public sealed record FilterLogEventsResponse
{
    /// <summary>The matching events.</summary>
    [JsonPropertyName("events")] public List<FilteredLogEvent>? Events { get; init; }
    /// <summary>Deprecated: which streams were searched.</summary>
    [JsonPropertyName("searchedLogStreams")] public List<SearchedLogStream>? SearchedLogStreams { get; init; }
    /// <summary>The next page's token; null on the last page.</summary>
    [JsonPropertyName("nextToken")] public string? NextToken { get; init; }
}

/// <summary>One log event of FilterLogEvents.</summary>
public sealed record FilteredLogEvent
{
    /// <summary>The stream it came from, e.g. <c>job/algo-1-1700000000</c>.</summary>
    [JsonPropertyName("logStreamName")] public string? LogStreamName { get; init; }
    /// <summary>When it happened, epoch milliseconds.</summary>
    [JsonPropertyName("timestamp")] public long? Timestamp { get; init; }
    /// <summary>The log line.</summary>
    [JsonPropertyName("message")] public string? Message { get; init; }
    /// <summary>When CloudWatch received it, epoch milliseconds.</summary>
    [JsonPropertyName("ingestionTime")] public long? IngestionTime { get; init; }
    /// <summary>Unique per event; used to drop the events a follow-up query sees again.</summary>
    [JsonPropertyName("eventId")] public string? EventId { get; init; }
}

/// <summary>A stream FilterLogEvents searched (deprecated by AWS).</summary>
public sealed record SearchedLogStream
{
    /// <summary>The stream.</summary>
    [JsonPropertyName("logStreamName")] public string? LogStreamName { get; init; }
    /// <summary>True when every event of it was searched.</summary>
    [JsonPropertyName("searchedCompletely")] public bool? SearchedCompletely { get; init; }
}

/// <summary>DescribeLogStreams input: a group's streams, by name prefix or by last event time.</summary>
public sealed record DescribeLogStreamsRequest
{
    /// <summary>The log group.</summary>
    [JsonPropertyName("logGroupName")] public string? LogGroupName { get; init; }
    /// <summary>The group's ARN or name.</summary>
    [JsonPropertyName("logGroupIdentifier")] public string? LogGroupIdentifier { get; init; }
    /// <summary>Streams whose name starts with this (only with order LogStreamName).</summary>
    [JsonPropertyName("logStreamNamePrefix")] public string? LogStreamNamePrefix { get; init; }
    /// <summary><see cref="LogStreamOrder"/>.</summary>
    [JsonPropertyName("orderBy")] public string? OrderBy { get; init; }
    /// <summary>Descending order.</summary>
    [JsonPropertyName("descending")] public bool? Descending { get; init; }
    /// <summary>The previous page's token.</summary>
    [JsonPropertyName("nextToken")] public string? NextToken { get; init; }
    /// <summary>Streams per page (1–50).</summary>
    [JsonPropertyName("limit")] public int? Limit { get; init; }
}

/// <summary>Values of the model's OrderBy enum.</summary>
public static class LogStreamOrder
{
    /// <summary>By name.</summary>
    public const string LogStreamName = "LogStreamName";
    /// <summary>By the last event's time.</summary>
    public const string LastEventTime = "LastEventTime";
}

/// <summary>DescribeLogStreams output.</summary>
public sealed record DescribeLogStreamsResponse
{
    /// <summary>The streams.</summary>
    [JsonPropertyName("logStreams")] public List<LogStream>? LogStreams { get; init; }
    /// <summary>The next page's token; null on the last page.</summary>
    [JsonPropertyName("nextToken")] public string? NextToken { get; init; }
}

/// <summary>A log stream.</summary>
public sealed record LogStream
{
    /// <summary>Its name.</summary>
    [JsonPropertyName("logStreamName")] public string? LogStreamName { get; init; }
    /// <summary>Created, epoch milliseconds.</summary>
    [JsonPropertyName("creationTime")] public long? CreationTime { get; init; }
    /// <summary>First event, epoch milliseconds.</summary>
    [JsonPropertyName("firstEventTimestamp")] public long? FirstEventTimestamp { get; init; }
    /// <summary>Last event, epoch milliseconds (updated with a delay of up to an hour).</summary>
    [JsonPropertyName("lastEventTimestamp")] public long? LastEventTimestamp { get; init; }
    /// <summary>Last ingestion, epoch milliseconds.</summary>
    [JsonPropertyName("lastIngestionTime")] public long? LastIngestionTime { get; init; }
    /// <summary>Deprecated.</summary>
    [JsonPropertyName("uploadSequenceToken")] public string? UploadSequenceToken { get; init; }
    /// <summary>The stream's ARN.</summary>
    [JsonPropertyName("arn")] public string? Arn { get; init; }
    /// <summary>Deprecated (always 0).</summary>
    [JsonPropertyName("storedBytes")] public long? StoredBytes { get; init; }
}
