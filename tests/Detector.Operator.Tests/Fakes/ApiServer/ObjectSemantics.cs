using System.Globalization;
using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.Fakes.ApiServer;

/// <summary>
/// Pure rules of the real API server's registry, kept apart from the store's locking and bookkeeping:
/// what counts as a spec change, what a main-resource or status write may change, name generation.
/// </summary>
public static class ObjectSemantics
{
    // The alphabet and length the real server uses for generateName suffixes (no vowels, no look-alikes).
    private const string SuffixAlphabet = "bcdfghjklmnpqrstvwxz2456789";
    private const int SuffixLength = 5;

    /// <summary>RFC 3339 with seconds, as Kubernetes serialises metav1.Time.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A name for <c>metadata.generateName</c>: the prefix plus five random characters.</summary>
    public static string GenerateName(string prefix, Random random) =>
        prefix + new string(Enumerable.Range(0, SuffixLength).Select(_ => SuffixAlphabet[random.Next(SuffixAlphabet.Length)]).ToArray());

    /// <summary>The object's <c>metadata</c>, created when missing.</summary>
    public static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata)
            return metadata;
        metadata = new JsonObject();
        obj["metadata"] = metadata;
        return metadata;
    }

    /// <summary>A string field of <c>metadata</c>, or null.</summary>
    public static string? MetaString(JsonNode obj, string field) =>
        obj["metadata"]?[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The object's <c>metadata.generation</c>, 0 when absent.</summary>
    public static long Generation(JsonNode obj) =>
        obj["metadata"]?["generation"] is JsonValue v && long.TryParse(v.ToJsonString(), out var g) ? g : 0;

    /// <summary>The object's finalizers.</summary>
    public static IReadOnlyList<string> Finalizers(JsonNode obj) =>
        obj["metadata"]?["finalizers"] is JsonArray a ? a.Select(f => f?.GetValue<string>() ?? "").ToList() : [];

    /// <summary>The uids named by the object's ownerReferences.</summary>
    public static IReadOnlyList<string> OwnerUids(JsonNode obj) =>
        obj["metadata"]?["ownerReferences"] is JsonArray a
            ? a.Select(r => r?["uid"]?.GetValue<string>()).OfType<string>().ToList()
            : [];

    /// <summary>
    /// True when anything outside metadata and status differs, the rule by which the real server bumps
    /// <c>metadata.generation</c> (status counts as spec only for kinds without a status subresource).
    /// </summary>
    public static bool SpecChanged(JsonObject oldObj, JsonObject newObj, bool hasStatusSubresource)
    {
        var keys = oldObj.Select(p => p.Key).Concat(newObj.Select(p => p.Key)).ToHashSet();
        keys.Remove("metadata");
        if (hasStatusSubresource)
            keys.Remove("status");
        keys.Remove("apiVersion");
        keys.Remove("kind");
        return keys.Any(k => !JsonNode.DeepEquals(oldObj[k], newObj[k]));
    }

    /// <summary>
    /// The object a main-resource PUT stores: the client's body with the server-owned metadata (uid, creation and
    /// deletion timestamps, generation) copied from the stored object, and with the stored status when status is a
    /// subresource (a main-resource write ignores status).
    /// </summary>
    public static JsonObject MergeMainUpdate(JsonObject stored, JsonObject body, bool hasStatusSubresource)
    {
        var result = (JsonObject)body.DeepClone();
        var metadata = Metadata(result);
        var storedMetadata = Metadata(stored);
        foreach (var field in new[] { "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "name", "namespace" })
        {
            metadata.Remove(field);
            if (storedMetadata[field] is { } value)
                metadata[field] = value.DeepClone();
        }
        if (hasStatusSubresource)
        {
            result.Remove("status");
            if (stored["status"] is { } status)
                result["status"] = status.DeepClone();
        }
        return result;
    }

    /// <summary>The object a status write stores: the stored object with only <c>status</c> taken from the body.</summary>
    public static JsonObject MergeStatusUpdate(JsonObject stored, JsonObject body)
    {
        var result = (JsonObject)stored.DeepClone();
        result.Remove("status");
        if (body["status"] is { } status)
            result["status"] = status.DeepClone();
        return result;
    }

    /// <summary>
    /// True when two objects are equal apart from resourceVersion and managedFields: the real server then skips
    /// the write (no new resourceVersion, no watch event).
    /// </summary>
    public static bool SameContent(JsonObject a, JsonObject b) => JsonNode.DeepEquals(WithoutVolatile(a), WithoutVolatile(b));

    private static JsonObject WithoutVolatile(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        if (copy["metadata"] is JsonObject metadata)
        {
            metadata.Remove("resourceVersion");
            metadata.Remove("managedFields");
        }
        return copy;
    }

    /// <summary>Finalizers added by <paramref name="newObj"/> that <paramref name="oldObj"/> did not have.</summary>
    public static IReadOnlyList<string> AddedFinalizers(JsonObject oldObj, JsonObject newObj) =>
        Finalizers(newObj).Except(Finalizers(oldObj)).ToList();
}
