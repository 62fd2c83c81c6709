namespace Detector.Operator.Api.V1Alpha1;

/// <summary>What deleting a Dataset does to the data it prepared.</summary>
public static class DataDeletionPolicy
{
    /// <summary>Keep the prepared RecordIO files in storage (default: training runs may still read them).</summary>
    public const string Retain = "Retain";

    /// <summary>Delete the prepared files under the content-addressed output prefix.</summary>
    public const string Delete = "Delete";
}
