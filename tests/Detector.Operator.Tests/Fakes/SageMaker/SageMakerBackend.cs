using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Detector.Operator.Tests.Fakes.SageMaker;

/// <summary>
/// The fake's resources and operations, one partial file per resource family. Requests reach it already
/// authenticated and validated against the model; it applies SageMaker's own rules (names unique per account,
/// not-found signals, state machines) and answers with the output shape's members. All state sits behind one lock;
/// statuses are computed from the clock when read, so there are no timers.
/// </summary>
public sealed partial class SageMakerBackend
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Func<JsonObject, Task<JsonObject>>> _operations = new(StringComparer.Ordinal);

    /// <summary>Creates the backend and registers every family's operations.</summary>
    public SageMakerBackend(FakeSageMakerOptions options, ServiceModel model)
    {
        Options = options;
        Model = model;
        RegisterTrainingJobs();
        RegisterTuningJobs();
        RegisterTags();
        RegisterModelPackages();
        RegisterModels();
        RegisterEndpoints();
        RegisterEndpointCapacity();
        RegisterInferenceComponents();
    }

    /// <summary>The options the fake started with.</summary>
    public FakeSageMakerOptions Options { get; }

    /// <summary>The AWS model.</summary>
    public ServiceModel Model { get; }

    /// <summary>The simulated clock.</summary>
    public FakeTimeProvider Clock => Options.Clock;

    /// <summary>Operations the fake implements.</summary>
    public IReadOnlyCollection<string> ImplementedOperations => _operations.Keys;

    /// <summary>Runs an operation; throws <see cref="ServiceError"/> for SageMaker's errors.</summary>
    public Task<JsonObject> HandleAsync(string operation, JsonObject body) =>
        _operations.TryGetValue(operation, out var handler)
            ? handler(body)
            : throw new ServiceError(501, "NotImplementedByFake", $"The fake SageMaker does not implement {operation}");

    private void Register(string operation, Func<JsonObject, JsonObject> handler) =>
        _operations[operation] = body => Task.FromResult(handler(body));

    private void RegisterAsync(string operation, Func<JsonObject, Task<JsonObject>> handler) => _operations[operation] = handler;

    private DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>ARN of a resource: <c>arn:aws:sagemaker:region:account:type/name</c> (names lower-cased, as SageMaker shows them).</summary>
    public string Arn(string type, string name) => $"arn:aws:sagemaker:{Options.Region}:{Options.AccountId}:{type}/{name.ToLowerInvariant()}";

    /// <summary>A timestamp as JSON 1.1 sends it: epoch seconds (fractional).</summary>
    public static JsonNode Epoch(DateTimeOffset time) => JsonValue.Create(time.ToUnixTimeMilliseconds() / 1000.0);

    private static string Text(JsonObject body, string member) => body[member]!.GetValue<string>();

    private static string? OptionalText(JsonNode? node) => node?.GetValue<string>();

    private static JsonNode? Copy(JsonNode? node) => node?.DeepClone();

    private void AssumeRole(string roleArn)
    {
        if (Options.AssumableRoles is { } roles && !roles.Contains(roleArn))
            throw ServiceError.Validation(
                $"Could not assume role {roleArn}. Please ensure that the role exists and allows principal 'sagemaker.amazonaws.com' to assume the role.");
    }

    /// <summary>Copies every member of <paramref name="source"/> that the output shape also has (Describe echoes the Create).</summary>
    private JsonObject Echo(JsonObject source, string outputShape)
    {
        var result = new JsonObject();
        foreach (var member in Model.Shape(outputShape).Members)
            if (source[member.Name] is { } value)
                result[member.Name] = value.DeepClone();
        return result;
    }
}
