using System.Globalization;
using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.Fakes.SageMaker;

public sealed partial class SageMakerBackend
{
    // Tags by resource ARN; every resource the fake creates has an entry (maybe empty), so unknown ARNs are detectable.
    private readonly Dictionary<string, List<KeyValuePair<string, string>>> _tags = new(StringComparer.Ordinal);

    private void RegisterTags()
    {
        Register("AddTags", body =>
        {
            lock (_gate)
            {
                var tags = FindTags(Text(body, "ResourceArn"));
                foreach (var (key, value) in TagsOf(body))
                {
                    tags.RemoveAll(t => t.Key == key);
                    tags.Add(KeyValuePair.Create(key, value));
                }
                if (tags.Count > 50)
                    throw ServiceError.Validation($"Resource {Text(body, "ResourceArn")} would have {tags.Count} tags; the limit is 50.");
                return new JsonObject { ["Tags"] = TagArray(TagsOf(body)) };
            }
        });
        Register("DeleteTags", body =>
        {
            lock (_gate)
            {
                var tags = FindTags(Text(body, "ResourceArn"));
                var keys = (body["TagKeys"] as JsonArray ?? []).Select(k => k!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
                tags.RemoveAll(t => keys.Contains(t.Key));
                return [];
            }
        });
        Register("ListTags", body =>
        {
            lock (_gate)
            {
                var tags = FindTags(Text(body, "ResourceArn"));
                var (page, next) = Page(tags, body, defaultSize: 50);
                var result = new JsonObject { ["Tags"] = TagArray(page) };
                if (next is not null)
                    result["NextToken"] = next;
                return result;
            }
        });
    }

    private List<KeyValuePair<string, string>> FindTags(string arn) =>
        _tags.TryGetValue(arn, out var tags) ? tags : throw ServiceError.Validation($"Resource {arn} not found.");

    private static List<KeyValuePair<string, string>> TagsOf(JsonObject body) =>
        [.. (body["Tags"] as JsonArray ?? []).Select(t => KeyValuePair.Create(t!["Key"]!.GetValue<string>(), t["Value"]?.GetValue<string>() ?? ""))];

    private static JsonArray TagArray(IEnumerable<KeyValuePair<string, string>> tags) =>
        new([.. tags.Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value })]);

    /// <summary>One page of a list by <c>MaxResults</c>/<c>NextToken</c>; the token is the offset (opaque to clients).</summary>
    private static (List<T> Page, string? NextToken) Page<T>(IReadOnlyList<T> items, JsonObject body, int defaultSize)
    {
        var size = body["MaxResults"]?.GetValue<int>() ?? defaultSize;
        var offset = 0;
        if (OptionalText(body["NextToken"]) is { } token)
        {
            var decoded = token.StartsWith("offset-", StringComparison.Ordinal) ? token["offset-".Length..] : null;
            if (decoded is null || !int.TryParse(decoded, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset > items.Count)
                throw ServiceError.Validation($"Invalid pagination token: {token}");
        }
        var page = items.Skip(offset).Take(size).ToList();
        var nextOffset = offset + page.Count;
        return (page, nextOffset < items.Count ? $"offset-{nextOffset}" : null);
    }
}
