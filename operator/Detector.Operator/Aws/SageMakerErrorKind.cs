namespace Detector.Operator.Aws;

/// <summary>What an AWS error means for the caller; computed by <see cref="AwsErrors.Classify"/>.</summary>
public enum SageMakerErrorKind
{
    /// <summary>The named resource does not exist (each resource signals this differently).</summary>
    NotFound,
    /// <summary>A Create found the name taken: describe the resource and adopt it.</summary>
    AlreadyExists,
    /// <summary>SageMaker rejected the request; retrying the same request cannot succeed.</summary>
    Validation,
    /// <summary>SageMaker asked us to slow down; retried by the client, then surfaced.</summary>
    Throttling,
    /// <summary>A 5xx, a timeout, a network error or a concurrent modification; retried by the client, then surfaced.</summary>
    Transient,
    /// <summary>Authentication or authorization failed (credentials, signature, IAM).</summary>
    AccessDenied,
    /// <summary>An account quota is exhausted (instances, jobs, endpoints).</summary>
    ResourceLimit,
    /// <summary>Anything else; treat as terminal.</summary>
    Other,
}
