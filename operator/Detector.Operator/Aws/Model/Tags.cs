// Generated from the AWS API model ../shared/aws-models/sagemaker-2017-07-24.json (Apache-2.0) and reviewed:
// member names, types and required flags are the model's; summaries are condensed from its documentation.

namespace Detector.Operator.Aws;

/// <summary>Request of AddTags: adds or overwrites one or more tags for the specified SageMaker resource.</summary>
public sealed record AddTagsRequest
{
    /// <summary>Required. The Amazon Resource Name (ARN) of the resource that you want to tag. Length 0–256.</summary>
    public required string ResourceArn { get; init; }
    /// <summary>Required. An array of key-value pairs. Items 0–50.</summary>
    public required List<Tag> Tags { get; init; }
}

/// <summary>Response of AddTags.</summary>
public sealed record AddTagsResponse
{
    /// <summary>A list of tags associated with the SageMaker resource. Items 0–50.</summary>
    public List<Tag>? Tags { get; init; }
}

/// <summary>Request of ListTags: returns the tags for the specified SageMaker resource.</summary>
public sealed record ListTagsRequest
{
    /// <summary>Required. The Amazon Resource Name (ARN) of the resource whose tags you want to retrieve. Length 0–256.</summary>
    public required string ResourceArn { get; init; }
    /// <summary>If the response to the previous ListTags request is truncated, SageMaker returns this token. Length 0–8192.</summary>
    public string? NextToken { get; init; }
    /// <summary>Maximum number of tags to return. Range at least 50.</summary>
    public int? MaxResults { get; init; }
}

/// <summary>Response of ListTags.</summary>
public sealed record ListTagsResponse
{
    /// <summary>An array of Tag objects, each with a tag key and a value. Items 0–50.</summary>
    public List<Tag>? Tags { get; init; }
    /// <summary>If response is truncated, SageMaker includes a token in the response. Length 0–8192.</summary>
    public string? NextToken { get; init; }
}

/// <summary>Request of DeleteTags: deletes the specified tags from an SageMaker resource.</summary>
public sealed record DeleteTagsRequest
{
    /// <summary>Required. The Amazon Resource Name (ARN) of the resource whose tags you want to delete. Length 0–256.</summary>
    public required string ResourceArn { get; init; }
    /// <summary>Required. An array or one or more tag keys to delete. Items 1–50.</summary>
    public required List<string> TagKeys { get; init; }
}

/// <summary>Response of DeleteTags.</summary>
public sealed record DeleteTagsResponse;
