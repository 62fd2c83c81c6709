using System.Reflection;
using System.Text.Json.Nodes;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Crds;
using Detector.Operator.Tests.Crds;
using Detector.Operator.Validation;
using k8s;

namespace Detector.Operator.Tests.Api;

public class ApiTypesTests
{
    [Theory]
    [InlineData(typeof(DatasetPhase), "Pending,Preparing,Ready,Failed")]
    [InlineData(typeof(TrainingRunPhase), "Pending,Waiting,Starting,Training,Completed,Failed,Stopped")]
    [InlineData(typeof(TuningRunPhase), "Pending,Waiting,Tuning,Completed,Failed,Stopped")]
    [InlineData(typeof(RegisteredModelPhase), "Pending,Waiting,Registering,Ready,Failed")]
    [InlineData(typeof(DetectionEndpointPhase), "Pending,Waiting,Creating,InService,Updating,RollingBack,Failed")]
    public void Phases_AreTheDesignedOnes_AndTheStatusEnum(Type phases, string expected)
    {
        var values = phases.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();
        Assert.Equal(expected.Split(','), values);
        var kind = phases.Name.Replace("Phase", "", StringComparison.Ordinal);
        var schemaEnum = CrdGenerator.ForKind(kind)!.Spec.Versions[0].Schema.OpenAPIV3Schema.Properties["status"].Properties["phase"].EnumProperty;
        Assert.Equal(expected.Split(','), schemaEnum.Select(v => v.ToString()));
    }

    [Fact]
    public void KubernetesEntityAttribute_AgreesWithTheCrd()
    {
        foreach (var type in CrdGenerator.Kinds)
        {
            var entity = type.GetCustomAttribute<k8s.Models.KubernetesEntityAttribute>()!;
            var crd = CrdGenerator.ForKind(type.Name)!;
            Assert.Equal((crd.Spec.Group, crd.Spec.Versions[0].Name, crd.Spec.Names.Kind, crd.Spec.Names.Plural),
                (entity.Group, entity.ApiVersion, entity.Kind, entity.PluralName));
        }
    }

    [Fact]
    public void Kinds_SetApiVersionAndKind()
    {
        foreach (var type in CrdGenerator.Kinds)
        {
            dynamic instance = Activator.CreateInstance(type)!;
            Assert.Equal("detector.dev/v1alpha1", (string)instance.ApiVersion);
            Assert.Equal(type.Name, (string)instance.Kind);
        }
    }

    [Theory]
    [InlineData("01-dataset.yaml", typeof(Dataset))]
    [InlineData("02-trainingrun.yaml", typeof(TrainingRun))]
    [InlineData("03-tuningrun.yaml", typeof(TuningRun))]
    [InlineData("04-registeredmodel.yaml", typeof(RegisteredModel))]
    [InlineData("05-detectionendpoint.yaml", typeof(DetectionEndpoint))]
    public void Sample_RoundTripsThroughTheCSharpType_WithoutLosingSpecFields(string file, Type type)
    {
        var manifest = YamlDocuments.Parse(File.ReadAllText(Path.Combine(CrdFiles.Samples, file))).Single()!;
        var deserialize = typeof(KubernetesJson).GetMethods()
            .First(m => m.Name == nameof(KubernetesJson.Deserialize) && m.GetParameters()[0].ParameterType == typeof(string))
            .MakeGenericMethod(type);
        var typed = deserialize.Invoke(null, [manifest.ToJsonString(), null])!;
        var back = JsonNode.Parse(KubernetesJson.Serialize(typed))!;
        // Every field of the sample survives (the typed object adds defaults, never drops).
        AssertContains(manifest["spec"]!, back["spec"]!, "spec");
    }

    [Fact]
    public void TrainingHyperparameters_DoNotExposeDatasetDerivedValues()
    {
        var names = CrdGenerator.ForKind("TrainingRun")!.Spec.Versions[0].Schema.OpenAPIV3Schema.Properties["spec"].Properties["hyperparameters"].Properties.Keys;
        Assert.DoesNotContain("numClasses", names);
        Assert.DoesNotContain("numTrainingSamples", names);
    }

    private static void AssertContains(JsonNode expected, JsonNode actual, string path)
    {
        if (expected is JsonObject obj)
        {
            foreach (var (name, child) in obj)
            {
                Assert.True(actual[name] is not null, $"{path}.{name} was dropped by the C# type");
                AssertContains(child!, actual[name]!, $"{path}.{name}");
            }
        }
        else if (expected is JsonValue)
            Assert.True(JsonNode.DeepEquals(expected, actual) || double.TryParse(expected.ToString(), out var e) && double.TryParse(actual.ToString(), out var a) && e == a,
                $"{path}: {expected.ToJsonString()} became {actual.ToJsonString()}");
    }
}
