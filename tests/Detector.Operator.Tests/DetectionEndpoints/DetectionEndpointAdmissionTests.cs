using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.DetectionEndpoints;
using Detector.Operator.Policy;

namespace Detector.Operator.Tests.DetectionEndpoints;

public class DetectionEndpointAdmissionTests
{
    /// <summary>The sample endpoint's namespace may use its role and one capture prefix.</summary>
    public static readonly NamespacePolicy Policy = NamespacePolicy.Parse("""
        namespaces:
          vision:
            roleArns: ["arn:aws:iam::123456789012:role/sagemaker"]
            s3Prefixes: ["s3://ml-data/vision/"]
        """);

    private static DataCapture Capture(string uri, bool enabled = true) => new() { Enabled = enabled, DestinationS3Uri = uri };

    // Each case: an edit of the sample spec and the fields its errors name, one error each (none: admitted).
    private static readonly Dictionary<string, (Func<DetectionEndpointSpec, DetectionEndpointSpec> Edit, string[] Fields)> s_cases = new()
    {
        ["sample"] = (s => s, []),
        ["role missing"] = (s => s with { RoleArn = "" }, ["spec.roleArn"]),
        ["role not an ARN"] = (s => s with { RoleArn = "sagemaker-execution-role" }, ["spec.roleArn"]),
        ["role outside the policy"] = (s => s with { RoleArn = "arn:aws:iam::123456789012:role/admin" }, ["spec.roleArn"]),
        ["scaling min above max"] = (s => s with { InstanceCount = 2, Scaling = new() { MinInstanceCount = 3, MaxInstanceCount = 2 } },
            ["spec.scaling.minInstanceCount", "spec.instanceCount"]),
        ["instance count above scaling max"] = (s => s with { InstanceCount = 4, Scaling = new() { MinInstanceCount = 1, MaxInstanceCount = 3 } }, ["spec.instanceCount"]),
        ["instance count below scaling min"] = (s => s with { InstanceCount = 1, Scaling = new() { MinInstanceCount = 2, MaxInstanceCount = 3 } }, ["spec.instanceCount"]),
        ["scaling within bounds"] = (s => s with { InstanceCount = 2, Scaling = new() { MinInstanceCount = 1, MaxInstanceCount = 3 } }, []),
        ["no copies"] = (s => s with { Copies = 0 }, ["spec.copies"]),
        ["no memory"] = (s => s with { Compute = new() { MinMemoryMb = 0 } }, ["spec.compute.minMemoryMb"]),
        ["negative accelerators"] = (s => s with { Compute = new() { AcceleratorDevices = -1 } }, ["spec.compute.acceleratorDevices"]),
        ["capture to a non-S3 URI"] = (s => s with { DataCapture = Capture("https://ml/vision/capture") }, ["spec.dataCapture.destinationS3Uri"]),
        ["capture outside the policy"] = (s => s with { DataCapture = Capture("s3://ml-data/other/capture") }, ["spec.dataCapture.destinationS3Uri"]),
        ["capture inside the policy"] = (s => s with { DataCapture = Capture("s3://ml-data/vision/capture") }, []),
        ["disabled capture outside the policy"] = (s => s with { DataCapture = Capture("s3://ml-data/other/capture", enabled: false) }, []),
        ["rollout batch size zero"] = (s => s with { Rollout = new() { BatchSize = 0 } }, ["spec.rollout.batchSize"]),
        ["rollback batch size zero"] = (s => s with { Rollout = new() { RollbackBatchSize = 0 } }, ["spec.rollout.rollbackBatchSize"]),
        ["version zero"] = (s => s with { ModelRef = s.ModelRef with { Version = "0" } }, ["spec.modelRef.version"]),
        ["version negative"] = (s => s with { ModelRef = s.ModelRef with { Version = "-1" } }, ["spec.modelRef.version"]),
        ["version a word"] = (s => s with { ModelRef = s.ModelRef with { Version = "latest" } }, ["spec.modelRef.version"]),
        ["version a number"] = (s => s with { ModelRef = s.ModelRef with { Version = "3" } }, []),
        ["model in another namespace"] = (s => s with { ModelRef = s.ModelRef with { Name = "team-b/birds" } }, ["spec.modelRef.name"]),
    };

    /// <summary>The case names.</summary>
    public static TheoryData<string> Cases => [.. s_cases.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_names_each_offending_field_once(string name)
    {
        var (edit, fields) = s_cases[name];

        var errors = DetectionEndpointAdmission.Check(EndpointSamples.Endpoint(edit: edit), Policy);

        // The whole list in the comparison, so a failure shows every message.
        Assert.Equal(fields, errors.Select(e => e.Field));
    }

    [Fact]
    public void Without_a_policy_any_role_and_capture_prefix_is_admitted()
    {
        var endpoint = EndpointSamples.Endpoint(edit: s => s with
        {
            RoleArn = "arn:aws:iam::123456789012:role/admin", DataCapture = Capture("s3://anywhere/capture"),
        });

        Assert.Empty(DetectionEndpointAdmission.Check(endpoint, policy: null));
    }

    [Fact]
    public void A_namespace_the_policy_does_not_list_may_use_nothing()
    {
        var endpoint = EndpointSamples.Endpoint(edit: s => s with { DataCapture = Capture("s3://ml-data/vision/capture") });
        endpoint.Metadata.NamespaceProperty = "team-b";

        var fields = DetectionEndpointAdmission.Check(endpoint, Policy).Select(e => e.Field);

        Assert.Equal(["spec.roleArn", "spec.dataCapture.destinationS3Uri"], fields, StringComparer.Ordinal);
    }

    [Fact]
    public void Message_lists_every_error_with_its_field()
    {
        var errors = DetectionEndpointAdmission.Check(EndpointSamples.Endpoint(edit: s => s with { Copies = 0, RoleArn = "" }), null);

        var message = DetectionEndpointAdmission.Message(errors);

        Assert.Contains("spec.copies: ", message, StringComparison.Ordinal);
        Assert.Contains("spec.roleArn: ", message, StringComparison.Ordinal);
    }
}
