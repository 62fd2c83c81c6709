using System.Text.Json;
using k8s;
using k8s.Models;

namespace Detector.Operator.Tests.Kube;

/// <summary>The reflection-only options (set for the whole test assembly) write what KubernetesClient's generated context writes.</summary>
public sealed class KubeJsonResolverTests
{
    private static readonly DateTime s_at = new(2026, 12, 7, 21, 0, 0, DateTimeKind.Utc);

    public static TheoryData<IKubernetesObject> Objects() =>
    [
        new V1Job
        {
            ApiVersion = "batch/v1", Kind = "Job",
            Metadata = new V1ObjectMeta { Name = "prepare-x", NamespaceProperty = "ns", Labels = new Dictionary<string, string> { ["a"] = "b" }, CreationTimestamp = s_at },
            Spec = new V1JobSpec
            {
                BackoffLimit = 3, TtlSecondsAfterFinished = 600,
                Template = new V1PodTemplateSpec
                {
                    Spec = new V1PodSpec
                    {
                        RestartPolicy = "Never",
                        Containers = [new V1Container { Name = "prepare", Image = "detector:1", Args = ["prepare"], Resources = new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("512Mi") } } }],
                    },
                },
            },
            Status = new V1JobStatus { Active = 1, StartTime = s_at, Conditions = [new V1JobCondition { Type = "Complete", Status = "True", LastTransitionTime = s_at }] },
        },
        new Corev1Event { ApiVersion = "v1", Kind = "Event", Metadata = new V1ObjectMeta { Name = "e" }, Count = 2, LastTimestamp = s_at, InvolvedObject = new V1ObjectReference { Kind = "Dataset", Name = "d" } },
        new V1Lease { ApiVersion = "coordination.k8s.io/v1", Kind = "Lease", Metadata = new V1ObjectMeta { Name = "l" }, Spec = new V1LeaseSpec { HolderIdentity = "me", LeaseDurationSeconds = 15, RenewTime = s_at } },
    ];

    [Fact]
    public void SharedOptions_InTheseTests_ResolveByReflectionAlone()
    {
        var options = (JsonSerializerOptions)typeof(KubernetesJson)
            .GetField("JsonSerializerOptions", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null)!;
        Assert.IsType<System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver>(options.TypeInfoResolver);
    }

    [Theory]
    [MemberData(nameof(Objects))]
    public void Serialize_KubernetesObjects_MatchesTheGeneratedContext(IKubernetesObject value)
    {
        var generated = JsonSerializer.Serialize(value, value.GetType(), SourceGenerationContext.Default);

        var reflection = KubernetesJson.Serialize(value);

        Assert.Equal(generated, reflection);
        Assert.Equal(generated, KubernetesJson.Serialize(JsonSerializer.Deserialize(reflection, value.GetType(), SourceGenerationContext.Default)!));
    }
}
