using System.Text.Json.Nodes;
using Detector.Operator.Policy;
using Detector.Operator.Tests.Crds;
using Detector.Operator.Validation;

namespace Detector.Operator.Tests.Validation;

public class ManifestValidationTests
{
    private static string Sample(string file) => File.ReadAllText(Path.Combine(CrdFiles.Samples, file));

    private static NamespacePolicy SamplePolicy => NamespacePolicy.Load(Path.Combine(CrdFiles.Samples, "policy", "namespace-policy.yaml"));

    [Theory]
    [InlineData("01-dataset.yaml")]
    [InlineData("02-trainingrun.yaml")]
    [InlineData("03-tuningrun.yaml")]
    [InlineData("04-registeredmodel.yaml")]
    [InlineData("05-detectionendpoint.yaml")]
    public void Sample_IsValid_AgainstSchemaRulesAndPolicy(string file)
    {
        var report = ManifestValidation.Validate(file, Sample(file), SamplePolicy);
        Assert.Equal(1, report.Checked);
        Assert.True(report.Problems.Count == 0, string.Join("\n", report.Problems));
    }

    [Fact]
    public void Samples_CoverEveryKind_AndFormOnePipelineInOneNamespace()
    {
        var objects = Directory.EnumerateFiles(CrdFiles.Samples, "*.yaml")
            .SelectMany(f => YamlDocuments.Parse(File.ReadAllText(f))).OfType<JsonObject>().ToList();
        var byKind = objects.ToDictionary(o => o["kind"]!.ToString());
        Assert.Equal(["Dataset", "DetectionEndpoint", "RegisteredModel", "TrainingRun", "TuningRun"], byKind.Keys.Order(StringComparer.Ordinal));
        Assert.Single(objects.Select(o => o["metadata"]!["namespace"]!.ToString()).Distinct());
        string Name(string kind) => byKind[kind]["metadata"]!["name"]!.ToString();
        Assert.Equal(Name("Dataset"), byKind["TrainingRun"]["spec"]!["datasetRef"]!.ToString());
        Assert.Equal(Name("Dataset"), byKind["TuningRun"]["spec"]!["datasetRef"]!.ToString());
        Assert.Equal(Name("TuningRun"), byKind["RegisteredModel"]["spec"]!["source"]!["tuningRunRef"]!.ToString());
        Assert.Equal(Name("RegisteredModel"), byKind["DetectionEndpoint"]["spec"]!["modelRef"]!["name"]!.ToString());
    }

    [Theory]
    [InlineData("02-trainingrun.yaml", "learningRate: 0.001", "learningRate: 2", "spec.hyperparameters.learningRate")]
    [InlineData("02-trainingrun.yaml", "momentum: 0.9", "momentum: 0", "spec.hyperparameters.momentum")]
    [InlineData("02-trainingrun.yaml", "imageShape: 512", "imageShape: 200", "spec.algorithm.imageShape")]
    [InlineData("02-trainingrun.yaml", "optimizer: sgd", "optimizer: lbfgs", "spec.hyperparameters.optimizer")]
    [InlineData("02-trainingrun.yaml", "  deletionPolicy: Stop", "  deletionPolicy: Stop\n  colour: blue", "spec.colour")]
    [InlineData("02-trainingrun.yaml", "role/detector/vision/sagemaker", "user/detector/vision/sagemaker", "spec.roleArn")]
    [InlineData("02-trainingrun.yaml", "uri: s3://detector-vision-data/models/", "uri: gs://detector-vision-data/models/", "spec.output.s3.uri")]
    [InlineData("02-trainingrun.yaml", "datasetRef: aquarium", "datasetRef: Aquarium_Data", "spec.datasetRef")]
    [InlineData("02-trainingrun.yaml", "maxWaitSeconds: 28800", "maxWaitSeconds: 3600", "spec.spot.maxWaitSeconds")]
    [InlineData("02-trainingrun.yaml", "  datasetRef: aquarium\n", "", "spec.datasetRef")]
    [InlineData("01-dataset.yaml", "  source:\n", "  source:\n    http:\n      url: https://example.com/a.zip\n", "spec.source")]
    [InlineData("01-dataset.yaml", "jpegQuality: 95", "jpegQuality: 101", "spec.preprocessing.jpegQuality")]
    [InlineData("01-dataset.yaml", "onInvalid: Skip", "onInvalid: Ignore", "spec.validation.onInvalid")]
    [InlineData("01-dataset.yaml", "cpu: \"1\"", "cpu: one", "spec.resources.requests[cpu]")]
    [InlineData("03-tuningrun.yaml", "minValue: 0.0001", "minValue: 0.1", "spec.ranges.continuous[0].maxValue")]
    [InlineData("03-tuningrun.yaml", "maxValue: 0.05", "maxValue: 0.9", "spec.ranges.continuous[0].maxValue")]
    [InlineData("03-tuningrun.yaml", "- name: momentum", "- name: epochs", "spec.ranges.continuous[1].name")]
    [InlineData("03-tuningrun.yaml", "maxParallelTrainingJobs: 3", "maxParallelTrainingJobs: 20", "spec.maxParallelTrainingJobs")]
    [InlineData("03-tuningrun.yaml", "values: [sgd, adam]", "values: [sgd, sgd]", "spec.ranges.categorical[0].values")]
    [InlineData("03-tuningrun.yaml", "strategy: Bayesian", "strategy: Grid", "spec.strategy")]
    [InlineData("04-registeredmodel.yaml", "    tuningRunRef: aquarium-hpo", "    tuningRunRef: aquarium-hpo\n    trainingRunRef: aquarium-ssd", "spec.source")]
    [InlineData("04-registeredmodel.yaml", "    minMetric: 0.6\n", "", "spec.approval.minMetric")]
    [InlineData("05-detectionendpoint.yaml", "version: LatestApproved", "version: latest", "spec.modelRef.version")]
    [InlineData("05-detectionendpoint.yaml", "minInstanceCount: 1", "minInstanceCount: 4", "spec.scaling.minInstanceCount")]
    [InlineData("05-detectionendpoint.yaml", "samplingPercentage: 10", "samplingPercentage: 101", "spec.dataCapture.samplingPercentage")]
    [InlineData("05-detectionendpoint.yaml", "team: vision", "aws:team: vision", "spec.tags[aws:team]")]
    [InlineData("05-detectionendpoint.yaml", "copies: 1", "copies: 0", "spec.copies")]
    [InlineData("05-detectionendpoint.yaml", "minMemoryMb: 4096", "minMemoryMb: 0", "spec.compute.minMemoryMb")]
    [InlineData("05-detectionendpoint.yaml", "batchSize: 50", "batchSize: 0", "spec.rollout.batchSize")]
    [InlineData("05-detectionendpoint.yaml", "instanceCount: 1", "instanceCount: 4", "spec.instanceCount")]
    [InlineData("05-detectionendpoint.yaml", "destinationS3Uri: s3://", "destinationS3Uri: https://", "spec.dataCapture.destinationS3Uri")]
    [InlineData("05-detectionendpoint.yaml", "roleArn: arn:aws:iam::123456789012:role/detector/vision/sagemaker", "roleArn: \"\"", "spec.roleArn")]
    public void BrokenSample_FailsWithTheFieldNamed(string file, string find, string replace, string field)
    {
        var text = Sample(file);
        Assert.Contains(find, text, StringComparison.Ordinal);
        var report = ManifestValidation.Validate(file, text.Replace(find, replace, StringComparison.Ordinal), policy: null);
        Assert.Contains(report.Problems, p => p.Error.Field == field);
    }

    [Theory]
    [InlineData("02-trainingrun.yaml", "role/detector/vision/sagemaker", "role/admin", "spec.roleArn")]
    [InlineData("02-trainingrun.yaml", "s3://detector-vision-data/checkpoints/", "s3://other-bucket/checkpoints/", "spec.spot.checkpointS3Uri")]
    [InlineData("01-dataset.yaml", "serviceAccountName: detector-datasets", "serviceAccountName: default", "spec.serviceAccountName")]
    [InlineData("05-detectionendpoint.yaml", "namespace: vision", "namespace: marketing", "spec.roleArn")]
    [InlineData("05-detectionendpoint.yaml", "s3://detector-vision-data/capture/", "s3://other-bucket/capture/", "spec.dataCapture.destinationS3Uri")]
    public void SampleOutsidePolicy_FailsWithTheFieldNamed(string file, string find, string replace, string field)
    {
        var report = ManifestValidation.Validate(file, Sample(file).Replace(find, replace, StringComparison.Ordinal), SamplePolicy);
        Assert.Contains(report.Problems, p => p.Error.Field == field);
    }

    [Fact]
    public void DisabledDataCaptureOutsidePolicy_IsValid()
    {
        var text = Sample("05-detectionendpoint.yaml").Replace("s3://detector-vision-data/capture/", "s3://other-bucket/capture/", StringComparison.Ordinal)
            .Replace("    samplingPercentage: 10", "    enabled: false\n    samplingPercentage: 10", StringComparison.Ordinal);

        var report = ManifestValidation.Validate("05-detectionendpoint.yaml", text, SamplePolicy);

        Assert.Empty(report.Problems);
    }

    [Fact]
    public void Validate_IgnoresOtherKinds_AndReportsKindAndName()
    {
        const string Yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            data: {a: b}
            ---
            apiVersion: detector.dev/v1alpha1
            kind: RegisteredModel
            metadata: {name: broken}
            spec: {source: {}}
            """;
        var report = ManifestValidation.Validate("m.yaml", Yaml, null);
        Assert.Equal((1, 1), (report.Checked, report.Ignored));
        var problem = Assert.Single(report.Problems);
        Assert.Equal("m.yaml: RegisteredModel/broken: spec.source: exactly one of trainingRunRef, tuningRunRef must be set", problem.ToString());
    }

    [Fact]
    public void Validate_ImmutableFieldChanged_FailsOnUpdate()
    {
        var old = YamlDocuments.Parse(Sample("04-registeredmodel.yaml")).Single()!;
        var next = YamlDocuments.Parse(Sample("04-registeredmodel.yaml").Replace("tuningRunRef: aquarium-hpo", "tuningRunRef: other", StringComparison.Ordinal)).Single()!;
        Assert.Empty(SpecValidation.ValidateManifest(next));
        Assert.Contains(SpecValidation.ValidateManifest(next, old), e => e.Field == "spec.source" && e.Message.Contains("immutable", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UnknownDetectorKind_NamesTheKindField()
    {
        var report = ManifestValidation.Validate("t.yaml", "apiVersion: detector.dev/v1alpha1\nkind: Datset\nmetadata: {name: x}\nspec: {}\n", null);
        var problem = Assert.Single(report.Problems);
        Assert.Equal("kind", problem.Error.Field);
        Assert.Contains("\"Dataset\"", problem.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InvalidYaml_ReportsTheFile()
    {
        var report = ManifestValidation.Validate("bad.yaml", "a: [1, 2", null);
        Assert.Contains("invalid YAML", Assert.Single(report.Problems).Error.Message, StringComparison.Ordinal);
    }
}
