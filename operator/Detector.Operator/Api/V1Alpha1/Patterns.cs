namespace Detector.Operator.Api.V1Alpha1;

/// <summary>
/// Regular expressions and limits shared by the kinds. They are full-match (anchored) and use only the syntax that
/// both Go's RE2 (the API server) and .NET accept, so the CRD and the offline validator agree.
/// </summary>
public static class Patterns
{
    /// <summary>A DNS-1123 subdomain: the name of a Kubernetes object, e.g. a reference to another Detector object.</summary>
    public const string ObjectName = @"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    /// <summary>Longest Kubernetes object name.</summary>
    public const int ObjectNameMaxLength = 253;

    /// <summary>An IAM role ARN as SageMaker's RoleArn shape allows it.</summary>
    public const string RoleArn = @"^arn:aws[a-z\-]*:iam::[0-9]{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+$";

    /// <summary>An S3 URI: s3://bucket or s3://bucket/prefix (bucket names as S3 allows them).</summary>
    public const string S3Uri = @"^s3://[a-z0-9][a-z0-9.\-]{1,61}[a-z0-9](/.*)?$";

    /// <summary>Longest S3 URI SageMaker accepts.</summary>
    public const int S3UriMaxLength = 1024;

    /// <summary>A KMS key id, alias or ARN (SageMaker's KmsKeyId shape).</summary>
    public const string KmsKeyId = @"^[a-zA-Z0-9:/_-]+$";

    /// <summary>Longest KMS key id.</summary>
    public const int KmsKeyIdMaxLength = 2048;

    /// <summary>A whole-number storage quantity (e.g. 20Gi, 500Mi, 100G), as emptyDir sizeLimit takes it.</summary>
    public const string StorageQuantity = @"^[1-9][0-9]{0,5}(Ki|Mi|Gi|Ti|k|M|G|T)?$";

    /// <summary>An http(s) URL.</summary>
    public const string HttpUrl = @"^https?://[^\s/]+(/\S*)?$";

    /// <summary>A SageMaker ML instance type such as ml.p3.2xlarge.</summary>
    public const string InstanceType = @"^ml\.[a-z0-9\-]+\.[a-z0-9\-]+$";

    /// <summary>A VPC security group or subnet id (SageMaker's SecurityGroupId / SubnetId shapes).</summary>
    public const string VpcId = "^[-0-9a-zA-Z]+$";

    /// <summary>A CloudWatch alarm name: no blank name (SageMaker's lookahead pattern rewritten without lookahead).</summary>
    public const string AlarmName = @"^.*\S.*$";

    /// <summary>Most tags SageMaker allows on one resource.</summary>
    public const int MaxTags = 50;
}
