using System.Net;
using k8s;
using k8s.Autorest;

namespace Detector.Operator.Kube;

/// <summary>Maps KubernetesClient's exceptions to the port's: the one place that reads HTTP status codes of the API server.</summary>
public static class KubeErrors
{
    /// <summary>The HTTP status of an API error, or null when the exception is not one.</summary>
    public static HttpStatusCode? StatusOf(Exception ex) => ex switch
    {
        HttpOperationException { Response: { } response } => response.StatusCode,
        KubernetesException { Status.Code: { } code } => (HttpStatusCode)code,
        _ => null,
    };

    /// <summary>Whether the exception is a 404 Not Found.</summary>
    public static bool IsNotFound(Exception ex) => StatusOf(ex) == HttpStatusCode.NotFound;

    /// <summary>Whether the exception is a 410 Gone (watch history expired).</summary>
    public static bool IsGone(Exception ex) => StatusOf(ex) == HttpStatusCode.Gone;

    /// <summary>
    /// Runs an API call and translates 409 into <see cref="KubeConflictException"/> and, for writes, 404 into
    /// <see cref="KubeNotFoundException"/>; other errors propagate unchanged (the loop backs off).
    /// </summary>
    public static async Task<TResult> TranslateAsync<TResult>(Func<Task<TResult>> call, string what)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (StatusOf(ex) == HttpStatusCode.Conflict)
        {
            throw new KubeConflictException($"Conflict on {what}: {Body(ex)}", ex);
        }
        catch (Exception ex) when (StatusOf(ex) == HttpStatusCode.NotFound)
        {
            throw new KubeNotFoundException($"Not found: {what}", ex);
        }
    }

    private static string Body(Exception ex) => ex is HttpOperationException { Response.Content: { Length: > 0 } content }
        ? content.Length > 500 ? content[..500] : content
        : ex.Message;
}
