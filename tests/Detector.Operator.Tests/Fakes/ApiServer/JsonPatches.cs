using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.Fakes.ApiServer;

/// <summary>
/// The patch formats the fake accepts: JSON merge patch (RFC 7386), JSON patch (RFC 6902) and strategic merge patch,
/// which is applied as a merge patch (our kinds have no patch strategies, and the operator never relies on list merging).
/// </summary>
public static class JsonPatches
{
    /// <summary>Applies a patch of the given content type to a copy of <paramref name="target"/>.</summary>
    public static JsonObject Apply(JsonObject target, string contentType, JsonNode? patch)
    {
        var mediaType = contentType.Split(';')[0].Trim().ToLowerInvariant();
        return mediaType switch
        {
            "application/merge-patch+json" or "application/strategic-merge-patch+json" =>
                MergePatch(target, patch) as JsonObject ?? throw ApiError.BadRequest("the merge patch must be a JSON object"),
            "application/json-patch+json" =>
                JsonPatch(target, patch as JsonArray ?? throw ApiError.BadRequest("a JSON patch must be a JSON array")),
            _ => throw new ApiError(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json (got {mediaType})"),
        };
    }

    /// <summary>RFC 7386: objects merge recursively, null deletes, anything else replaces.</summary>
    public static JsonNode? MergePatch(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
            return patch?.DeepClone();
        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
                result.Remove(key);
            else
                result[key] = MergePatch(result[key], value);
        }
        return result;
    }

    /// <summary>RFC 6902: add, remove, replace, move, copy, test.</summary>
    public static JsonObject JsonPatch(JsonObject target, JsonArray operations)
    {
        JsonNode document = target.DeepClone();
        foreach (var operation in operations)
        {
            var op = operation?["op"]?.GetValue<string>() ?? throw ApiError.BadRequest("JSON patch operation without \"op\"");
            var path = operation["path"]?.GetValue<string>() ?? throw ApiError.BadRequest($"JSON patch {op} without \"path\"");
            switch (op)
            {
                case "add": document = Add(document, path, operation["value"]?.DeepClone()); break;
                case "remove": Remove(document, path); break;
                case "replace": Remove(document, path); document = Add(document, path, operation["value"]?.DeepClone()); break;
                case "move":
                {
                    var from = operation["from"]?.GetValue<string>() ?? throw ApiError.BadRequest("JSON patch move without \"from\"");
                    var value = Resolve(document, from);
                    Remove(document, from);
                    document = Add(document, path, value?.DeepClone());
                    break;
                }
                case "copy":
                {
                    var from = operation["from"]?.GetValue<string>() ?? throw ApiError.BadRequest("JSON patch copy without \"from\"");
                    document = Add(document, path, Resolve(document, from)?.DeepClone());
                    break;
                }
                case "test":
                    if (!JsonNode.DeepEquals(Resolve(document, path), operation["value"]))
                        throw Unprocessable($"testing value {path} failed: test failed");
                    break;
                default: throw ApiError.BadRequest($"Unexpected kind: {op}");
            }
        }
        return document as JsonObject ?? throw ApiError.BadRequest("a JSON patch must leave an object");
    }

    private static ApiError Unprocessable(string message) => new(422, "Invalid", message);

    private static string[] Tokens(string pointer)
    {
        if (pointer.Length == 0) return [];
        if (!pointer.StartsWith('/')) throw ApiError.BadRequest($"JSON pointer must start with '/': {pointer}");
        return pointer[1..].Split('/').Select(t => t.Replace("~1", "/").Replace("~0", "~")).ToArray();
    }

    private static JsonNode? Resolve(JsonNode document, string pointer)
    {
        JsonNode? node = document;
        foreach (var token in Tokens(pointer))
        {
            node = node switch
            {
                JsonObject o when o.TryGetPropertyValue(token, out var child) => child,
                JsonArray a when int.TryParse(token, out var i) && i >= 0 && i < a.Count => a[i],
                _ => throw Unprocessable($"doc is missing path: \"{pointer}\""),
            };
        }
        return node;
    }

    private static JsonNode Add(JsonNode document, string pointer, JsonNode? value)
    {
        var tokens = Tokens(pointer);
        if (tokens.Length == 0)
            return value ?? throw ApiError.BadRequest("cannot replace the document with null");
        var parent = Resolve(document, ParentPointer(tokens));
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject o: o[last] = value; break;
            case JsonArray a when last == "-": a.Add(value); break;
            case JsonArray a when int.TryParse(last, out var i) && i >= 0 && i <= a.Count: a.Insert(i, value); break;
            default: throw Unprocessable($"add operation does not apply: doc is missing path: \"{pointer}\"");
        }
        return document;
    }

    private static void Remove(JsonNode document, string pointer)
    {
        var tokens = Tokens(pointer);
        if (tokens.Length == 0)
            throw ApiError.BadRequest("cannot remove the whole document");
        var parent = Resolve(document, ParentPointer(tokens));
        var last = tokens[^1];
        var removed = parent switch
        {
            JsonObject o => o.Remove(last),
            JsonArray a when int.TryParse(last, out var i) && i >= 0 && i < a.Count => RemoveAt(a, i),
            _ => false,
        };
        if (!removed)
            throw Unprocessable($"remove operation does not apply: doc is missing path: \"{pointer}\"");
    }

    private static bool RemoveAt(JsonArray array, int index)
    {
        array.RemoveAt(index);
        return true;
    }

    private static string ParentPointer(string[] tokens) =>
        string.Concat(tokens[..^1].Select(t => "/" + t.Replace("~", "~0").Replace("/", "~1")));
}
