using System.Text.Json.Nodes;
using Detector.Operator.Tests.Fakes.ApiServer;

namespace Detector.Operator.Tests.ApiServer;

/// <summary>The fake refuses the Jobs a real server refuses, with the real field path and message.</summary>
public sealed class PodTemplateValidationTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "mount of a missing volume", """{"containers":[{"name":"c","image":"i","volumeMounts":[{"name":"tmp","mountPath":"/tmp"}]}]}""",
            "spec.template.spec.containers[0].volumeMounts[0].name: Not found: \"tmp\"" },
        { "duplicate volume names", """{"containers":[{"name":"c","image":"i"}],"volumes":[{"name":"tmp","emptyDir":{}},{"name":"tmp","emptyDir":{}}]}""",
            "spec.template.spec.volumes[1].name: Duplicate value: \"tmp\"" },
        { "volume without a source", """{"containers":[{"name":"c","image":"i"}],"volumes":[{"name":"tmp"}]}""",
            "spec.template.spec.volumes[0]: Required value: must specify a volume type" },
        { "container without a name", """{"containers":[{"image":"i"}]}""", "spec.template.spec.containers[0].name: Required value" },
        { "container without an image", """{"containers":[{"name":"c"}]}""", "spec.template.spec.containers[0].image: Required value" },
        { "no containers", """{"containers":[]}""", "spec.template.spec.containers: Required value" },
        { "restartPolicy Always", """{"restartPolicy":"Always","containers":[{"name":"c","image":"i"}]}""",
            "spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\"" },
        { "no restartPolicy (the pod default)", """{"containers":[{"name":"c","image":"i"}]}""",
            "spec.template.spec.restartPolicy: Unsupported value: \"Always\"" },
        { "negative runAsUser", """{"securityContext":{"runAsUser":-1},"containers":[{"name":"c","image":"i"}]}""",
            "spec.template.spec.securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive" },
        { "privileged without escalation", """{"containers":[{"name":"c","image":"i","securityContext":{"privileged":true,"allowPrivilegeEscalation":false}}]}""",
            "spec.template.spec.containers[0].securityContext: Invalid value: \"\": cannot set `allowPrivilegeEscalation` to false and `privileged` to true" },
        { "unknown seccomp type", """{"securityContext":{"seccompProfile":{"type":"Default"}},"containers":[{"name":"c","image":"i"}]}""",
            "spec.template.spec.securityContext.seccompProfile.type: Unsupported value: \"Default\"" },
        { "requests above limits", """{"containers":[{"name":"c","image":"i","resources":{"requests":{"memory":"2Gi"},"limits":{"memory":"1Gi"}}}]}""",
            "spec.template.spec.containers[0].resources.requests: Invalid value: \"2Gi\": must be less than or equal to memory limit of 1Gi" },
        { "non-standard resource name", """{"containers":[{"name":"c","image":"i","resources":{"limits":{"gpu":"1"}}}]}""",
            "spec.template.spec.containers[0].resources.limits[gpu]: Invalid value: \"gpu\": must be a standard resource type or fully qualified" },
        { "env name with '='", """{"containers":[{"name":"c","image":"i","env":[{"name":"A=B","value":"x"}]}]}""",
            "spec.template.spec.containers[0].env[0].name: Invalid value: \"A=B\"" },
        { "secretKeyRef without a key", """{"containers":[{"name":"c","image":"i","env":[{"name":"K","valueFrom":{"secretKeyRef":{"name":"s"}}}]}]}""",
            "spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef.key: Required value" },
        { "invalid serviceAccountName", """{"serviceAccountName":"Jobs_SA","containers":[{"name":"c","image":"i"}]}""",
            "spec.template.spec.serviceAccountName: Invalid value: \"Jobs_SA\"" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ValidateJob_InvalidPodTemplate_NamesTheFieldAsTheRealServer(string because, string podSpec, string expected)
    {
        var spec = JsonNode.Parse(podSpec)!.AsObject();
        if (because != "no restartPolicy (the pod default)" && !spec.ContainsKey("restartPolicy"))
            spec["restartPolicy"] = "Never";
        var causes = PodTemplateValidation.ValidateJob(Job(spec));
        Assert.Contains(causes, c => $"{c.Field}: {c.Message}".StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateJob_TheOperatorsOwnShape_IsValid()
    {
        var spec = JsonNode.Parse("""
            {"restartPolicy":"Never","serviceAccountName":"detector-dataset","automountServiceAccountToken":false,
             "securityContext":{"runAsNonRoot":true,"runAsUser":65532,"runAsGroup":65532,"fsGroup":65532,"seccompProfile":{"type":"RuntimeDefault"}},
             "containers":[{"name":"prepare","image":"ghcr.io/detector-dev/detector:0.1.0","args":["prepare"],
               "env":[{"name":"TMPDIR","value":"/tmp"},{"name":"JOB_COMPLETION_INDEX","valueFrom":{"fieldRef":{"fieldPath":"metadata.annotations['batch.kubernetes.io/job-completion-index']"}}}],
               "resources":{"requests":{"cpu":"1","memory":"1Gi"},"limits":{"memory":"2Gi"}},
               "securityContext":{"runAsNonRoot":true,"readOnlyRootFilesystem":true,"allowPrivilegeEscalation":false,"privileged":false,"capabilities":{"drop":["ALL"]}},
               "volumeMounts":[{"name":"tmp","mountPath":"/tmp"}]}],
             "volumes":[{"name":"tmp","emptyDir":{}}]}
            """)!.AsObject();
        Assert.Empty(PodTemplateValidation.ValidateJob(Job(spec)));
    }

    [Fact]
    public void ValidateJob_IndexedWithoutCompletions_IsRequired()
    {
        var job = Job(JsonNode.Parse("""{"restartPolicy":"Never","containers":[{"name":"c","image":"i"}]}""")!.AsObject());
        job["spec"]!["completionMode"] = "Indexed";
        Assert.Contains(PodTemplateValidation.ValidateJob(job), c => c.Field == "spec.completions" && c.Message == "Required value: when completion mode is Indexed");
    }

    [Fact]
    public void ValidateJob_MalformedQuantity_IsABadRequest()
    {
        var spec = JsonNode.Parse("""{"restartPolicy":"Never","containers":[{"name":"c","image":"i","resources":{"limits":{"memory":"two gigs"}}}]}""")!.AsObject();
        Assert.Equal(400, Assert.Throws<ApiError>(() => PodTemplateValidation.ValidateJob(Job(spec))).Code);
    }

    [Theory]
    [InlineData("500m", 0.5)]
    [InlineData("1Gi", 1073741824)]
    [InlineData("2e3", 2000)]
    [InlineData("1", 1)]
    public void Quantity_Forms_Parse(string text, double value) => Assert.Equal((decimal)value, PodTemplateValidation.Quantity(text));

    private static JsonObject Job(JsonObject podSpec) => new()
    {
        ["apiVersion"] = "batch/v1",
        ["kind"] = "Job",
        ["metadata"] = new JsonObject { ["name"] = "aquarium-prepare", ["namespace"] = "vision" },
        ["spec"] = new JsonObject { ["template"] = new JsonObject { ["spec"] = podSpec } },
    };
}
