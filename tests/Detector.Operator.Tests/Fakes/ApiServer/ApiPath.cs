namespace Detector.Operator.Tests.Fakes.ApiServer;

/// <summary>A request path resolved to a resource: <c>/api/v1/…</c> or <c>/apis/{group}/{version}/…</c>.</summary>
/// <param name="Type">The resource.</param>
/// <param name="Namespace">Namespace from the path; null for cluster-scoped resources and cluster-wide lists.</param>
/// <param name="Name">Object name; null for collection requests.</param>
/// <param name="Subresource">e.g. <c>status</c>; null for the main resource.</param>
public sealed record ApiPath(ResourceType Type, string? Namespace, string? Name, string? Subresource)
{
    /// <summary>
    /// Resolves a path against the served resources; null when it names no known resource (the server answers 404).
    /// </summary>
    public static ApiPath? Parse(string path, IReadOnlyList<ResourceType> types)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        string group, version;
        int rest;
        if (segments is ["api", var coreVersion, ..])
            (group, version, rest) = ("", coreVersion, 2);
        else if (segments is ["apis", var g, var v, ..])
            (group, version, rest) = (g, v, 3);
        else
            return null;

        var tail = segments[rest..];
        string? ns = null;
        // /api/v1/namespaces/{ns}/{plural}… is namespaced, but /api/v1/namespaces/{name}[/status] is the Namespace itself.
        if (tail is ["namespaces", var n, var plural, ..] && plural is not ("status" or "finalize"))
        {
            ns = n;
            tail = tail[2..];
        }
        if (tail.Length is < 1 or > 3)
            return null;
        var type = types.FirstOrDefault(t => t.Group == group && t.Version == version && t.Plural == tail[0]);
        if (type is null)
            return null;
        if (ns is not null && !type.Namespaced)
            return null;
        return new ApiPath(type, ns, tail.Length > 1 ? tail[1] : null, tail.Length > 2 ? tail[2] : null);
    }

    /// <summary>
    /// The RBAC verb of a request (get, list, watch, create, update, patch, delete), used by the request log so tests
    /// can compare what the operator did with the chart's RBAC rules.
    /// </summary>
    public string Verb(string method, bool watch) => ApiCall.VerbOf(method, named: Name is not null, watch);
}
