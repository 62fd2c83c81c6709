using Detector.Operator.Aws;
using Detector.Operator.DetectionEndpoints;

namespace Detector.Operator.Tests.DetectionEndpoints;

/// <summary>
/// An in-memory <see cref="ISageMakerHosting"/> for the DetectionEndpoint reconciler's unit tests: models, endpoint configs,
/// endpoints and inference components with SageMaker's errors (not found, already exists, a component needs an
/// InService endpoint, updates only when InService). Time does not pass by itself: <see cref="Settle"/> finishes
/// every Creating, Updating and Deleting, as minutes later. The HTTP fake (Fakes/SageMaker) is for end-to-end tests.
/// </summary>
public sealed partial class HostingSageMaker : ISageMakerHosting
{
    private const string Account = "arn:aws:sagemaker:us-east-1:123456789012";
    private static readonly DateTimeOffset s_time = EndpointSamples.Now;
    private readonly object _gate = new();
    private readonly List<(string Operation, object Request)> _calls = [];
    private readonly Dictionary<string, Queue<SageMakerException>> _failures = [];
    private readonly Dictionary<string, string?> _pendingRollback = [];

    /// <summary>SageMaker models by name.</summary>
    public Dictionary<string, CreateModelRequest> Models { get; } = [];

    /// <summary>Endpoint configs by name.</summary>
    public Dictionary<string, CreateEndpointConfigRequest> Configs { get; } = [];

    /// <summary>Endpoints by name.</summary>
    public Dictionary<string, EndpointState> Endpoints { get; } = [];

    /// <summary>Inference components by name, with the model they served before an update (for a rollback).</summary>
    public Dictionary<string, (ComponentState State, ComponentState? Before)> Components { get; } = [];

    /// <summary>Every call, oldest first.</summary>
    public IReadOnlyList<(string Operation, object Request)> Calls { get { lock (_gate) return [.. _calls]; } }

    /// <summary>Calls of one operation.</summary>
    public int Count(string operation) => Calls.Count(c => c.Operation == operation);

    /// <summary>Whether nothing is left (what the deletion tests expect).</summary>
    public bool IsEmpty => Models.Count + Configs.Count + Endpoints.Count + Components.Count == 0;

    /// <summary>Makes the next call of <paramref name="operation"/> throw.</summary>
    public void FailNext(string operation, string code, string message, SageMakerErrorKind kind, int status = 400)
    {
        lock (_gate)
        {
            if (!_failures.TryGetValue(operation, out var queue))
                _failures[operation] = queue = new();
            queue.Enqueue(new SageMakerException(code, message, status, "req-1", kind));
        }
    }

    /// <summary>The next update of <paramref name="component"/> rolls back with <paramref name="reason"/> when it settles.</summary>
    public void RollBackNextUpdate(string component, string reason) => _pendingRollback[component] = reason;

    /// <summary>Finishes everything in progress: Creating/Updating → InService (or rolled back), Deleting → gone.</summary>
    public void Settle()
    {
        lock (_gate)
        {
            foreach (var (name, ep) in Endpoints.ToList())
            {
                if (ep.Status == EndpointStatus.Deleting)
                    Endpoints.Remove(name);
                else if (ep.Status is EndpointStatus.Creating or EndpointStatus.Updating)
                    Endpoints[name] = ep with { Status = EndpointStatus.InService };
            }
            foreach (var (name, (state, before)) in Components.ToList())
            {
                if (state.Status == InferenceComponentStatus.Deleting || !Endpoints.ContainsKey(EndpointOf(name)))
                    Components.Remove(name);
                else if (state.Status == InferenceComponentStatus.Updating && _pendingRollback.Remove(name, out var reason) && before is not null)
                    Components[name] = (before with { Status = InferenceComponentStatus.InService, FailureReason = reason }, null);
                else if (state.Status is InferenceComponentStatus.Creating or InferenceComponentStatus.Updating)
                    Components[name] = (state with { Status = InferenceComponentStatus.InService }, null);
            }
        }
    }

    private readonly Dictionary<string, string> _componentEndpoints = [];

    private string EndpointOf(string component) => _componentEndpoints.GetValueOrDefault(component, "");

    private void Call(string operation, object request)
    {
        lock (_gate)
        {
            _calls.Add((operation, request));
            if (_failures.TryGetValue(operation, out var queue) && queue.TryDequeue(out var error))
                throw error;
        }
    }

    private static SageMakerException Error(string code, string message, SageMakerErrorKind kind) => new(code, message, 400, "req-1", kind);

    private static SageMakerException NotFound(string what, string name) =>
        Error("ValidationException", $"Could not find {what} \"{Account}:{name}\".", SageMakerErrorKind.NotFound);

    private static SageMakerException Exists(string what, string name) =>
        Error("ValidationException", $"Cannot create already existing {what} \"{Account}:{name}\".", SageMakerErrorKind.AlreadyExists);

    private static SageMakerException Invalid(string message) => Error("ValidationException", message, SageMakerErrorKind.Validation);
}
