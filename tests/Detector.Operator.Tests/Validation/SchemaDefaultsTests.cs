using System.Text.Json.Nodes;
using Detector.Operator.Crds;
using Detector.Operator.Validation;

namespace Detector.Operator.Tests.Validation;

public class SchemaDefaultsTests
{
    [Fact]
    public void Apply_MinimalDataset_FillsNestedDefaults_AndStaysValid()
    {
        var schema = CrdGenerator.SchemaOf("Dataset");
        var dataset = JsonNode.Parse("""
            {"apiVersion":"detector.dev/v1alpha1","kind":"Dataset","metadata":{"name":"d"},
             "spec":{"source":{"s3":{"uri":"s3://raw/x"}},"output":{"s3":{"uri":"s3://out/y"}},"preprocessing":{"imageSize":300}}}
            """)!;
        SchemaDefaults.Apply(dataset, schema);
        Assert.Equal(300, dataset["spec"]!["preprocessing"]!["imageSize"]!.GetValue<int>());
        Assert.Equal(95, (int)dataset["spec"]!["preprocessing"]!["jpegQuality"]!.GetValue<long>());
        Assert.Equal("Fail", dataset["spec"]!["validation"]!["onInvalid"]!.GetValue<string>());
        Assert.Equal("Retain", dataset["spec"]!["deletionPolicy"]!.GetValue<string>());
        // A missing status gets the CRDs' default, as the API server gives it on read (kstatus then reads InProgress).
        Assert.Equal("""{"observedGeneration":0}""", dataset["status"]!.ToJsonString());
        Assert.Empty(SchemaValidator.ValidateObject(dataset, null, schema));
    }

    [Fact]
    public void ValidateObject_ImmutableDeploymentMode_RefusedOnUpdate()
    {
        var schema = CrdGenerator.SchemaOf("DetectionEndpoint");
        JsonNode Endpoint(string mode) => SchemaDefaults.Apply(JsonNode.Parse($$$"""
            {"apiVersion":"detector.dev/v1alpha1","kind":"DetectionEndpoint","metadata":{"name":"e"},
             "spec":{"modelRef":{"name":"m"},"roleArn":"arn:aws:iam::123456789012:role/r","deploymentMode":"{{{mode}}}"}}
            """), schema)!;
        Assert.Empty(SchemaValidator.ValidateObject(Endpoint("SingleModel"), null, schema));
        var error = Assert.Single(SchemaValidator.ValidateObject(Endpoint("SingleModel"), Endpoint("InferenceComponent"), schema));
        Assert.Equal("spec", error.Field);
        Assert.Contains("deploymentMode is immutable", error.Message, StringComparison.Ordinal);
    }
}
