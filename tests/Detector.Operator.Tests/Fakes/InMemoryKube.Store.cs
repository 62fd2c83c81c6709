using Detector.Operator.Kube;
using Detector.Operator.Runtime;
using k8s;
using k8s.Models;

namespace Detector.Operator.Tests.Fakes;

/// <summary>The typed <see cref="IKubeStore{T}"/> views of <see cref="InMemoryKube"/> and its label selector matching.</summary>
public sealed partial class InMemoryKube
{
    /// <summary>Equality-based selectors only: <c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a</c>, <c>!a</c>, comma-separated.</summary>
    private static bool MatchesSelector(string? selector, IDictionary<string, string>? labels)
    {
        if (string.IsNullOrWhiteSpace(selector))
            return true;
        labels ??= new Dictionary<string, string>();
        foreach (var raw in selector.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            bool ok;
            if (raw.Contains("!=", StringComparison.Ordinal))
            {
                var parts = raw.Split("!=", 2, StringSplitOptions.TrimEntries);
                ok = !labels.TryGetValue(parts[0], out var v) || v != parts[1];
            }
            else if (raw.Contains('='))
            {
                var parts = raw.Split('=', 2, StringSplitOptions.TrimEntries);
                ok = labels.TryGetValue(parts[0], out var v) && v == parts[1].TrimStart('=').Trim();
            }
            else if (raw.StartsWith('!'))
                ok = !labels.ContainsKey(raw[1..]);
            else
                ok = labels.ContainsKey(raw);
            if (!ok)
                return false;
        }
        return true;
    }

    private sealed class TypedStore<T>(InMemoryKube kube) : IKubeStore<T> where T : class, IKubernetesObject<V1ObjectMeta>
    {
        public Task<T?> GetAsync(ObjectKey key, CancellationToken ct) => Task.FromResult(kube.GetCore<T>(key));

        public Task<IReadOnlyList<T>> ListAsync(string? ns, string? labelSelector, CancellationToken ct) =>
            Task.FromResult(kube.ListCore<T>(ns, labelSelector));

        public Task<T> CreateAsync(T obj, CancellationToken ct) => Task.FromResult(kube.CreateCore(obj));

        public Task<T> UpdateAsync(T obj, CancellationToken ct) => Task.FromResult(kube.UpdateCore(obj, status: false));

        public Task<T> UpdateStatusAsync(T obj, CancellationToken ct) => Task.FromResult(kube.UpdateCore(obj, status: true));

        public Task DeleteAsync(ObjectKey key, CancellationToken ct)
        {
            kube.DeleteCore<T>(key);
            return Task.CompletedTask;
        }
    }
}
