namespace Detector.Operator.Tests.Fakes.ApiServer;

/// <summary>
/// One request the fake served, as the request log records it and as <see cref="FakeApiServer.FailNext"/> matches it.
/// Verb, group, resource and subresource are the RBAC view of the request.
/// </summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Request path.</param>
/// <param name="Query">Query string including the leading '?', or empty.</param>
/// <param name="Verb">get, list, watch, create, update, patch, delete, deletecollection; null for unknown paths.</param>
/// <param name="Group">API group ("" for core); null for unknown paths.</param>
/// <param name="Resource">Plural resource; null for unknown paths.</param>
/// <param name="Subresource">e.g. status; null for the main resource.</param>
/// <param name="Namespace">Namespace from the path.</param>
/// <param name="Name">Object name from the path.</param>
public sealed record ApiCall(
    string Method, string Path, string Query, string? Verb, string? Group, string? Resource, string? Subresource, string? Namespace, string? Name)
{
    /// <summary>HTTP status code of the answer (for watches: of the response headers, 200).</summary>
    public int StatusCode { get; init; }

    /// <summary>
    /// The RBAC verb of a request (Kubernetes' request-info rules): GET is watch, list or get; DELETE of a collection is
    /// deletecollection. One table for the fake API server and the envtest proxy.
    /// </summary>
    public static string VerbOf(string method, bool named, bool watch) => (method.ToUpperInvariant(), named, watch) switch
    {
        ("GET", _, true) => "watch",
        ("GET", false, false) => "list",
        ("GET", true, false) => "get",
        ("POST", _, _) => "create",
        ("PUT", _, _) => "update",
        ("PATCH", _, _) => "patch",
        ("DELETE", false, _) => "deletecollection",
        ("DELETE", true, _) => "delete",
        _ => method.ToLowerInvariant(),
    };

    /// <summary>True for create, update, patch, delete and deletecollection.</summary>
    public bool IsWrite => Verb is "create" or "update" or "patch" or "delete" or "deletecollection";

    /// <summary>Compact form for assertion messages: <c>PUT 200 patch datasets/status ns/name</c>.</summary>
    public override string ToString() =>
        $"{Method} {StatusCode} {Verb} {Resource}{(Subresource is null ? "" : "/" + Subresource)} {Namespace}/{Name}{Query}";
}

/// <summary>A fault armed by <see cref="FakeApiServer.FailNext"/>: the next request matching answers with the status code.</summary>
internal sealed record ArmedFault(Func<ApiCall, bool> Match, int StatusCode, string Reason, string Message);
