using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Aws;

namespace Detector.Operator.RegisteredModels;

/// <summary>Pure: spec tags → SageMaker tags, sorted, plus the managed-by tag while there is room.</summary>
public static class SageMakerTags
{
    /// <summary>Tag on everything the operator creates.</summary>
    public const string ManagedByKey = "app.kubernetes.io/managed-by";

    /// <summary>Value of <see cref="ManagedByKey"/>.</summary>
    public const string ManagedBy = "detector";

    /// <summary>
    /// The spec's tags sorted by key (a stable order keeps requests comparable), then managed-by. SageMaker allows 50
    /// tags and so does the schema; with 50 user tags the user's win and managed-by is left out.
    /// </summary>
    public static List<Tag> From(IReadOnlyDictionary<string, string> tags)
    {
        var list = tags.Where(t => t.Key != ManagedByKey).OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList();
        if (list.Count < Patterns.MaxTags)
            list.Add(new Tag { Key = ManagedByKey, Value = ManagedBy });
        return list;
    }
}
