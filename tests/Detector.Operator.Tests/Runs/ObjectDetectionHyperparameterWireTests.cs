using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runs;
using Detector.Operator.Tests.TrainingRuns;

namespace Detector.Operator.Tests.Runs;

public class ObjectDetectionHyperparameterWireTests
{
    private static Dictionary<string, string> Wire(ObjectDetectionHyperparameters hp, DatasetInputs? data = null) =>
        ObjectDetectionHyperparameterWire.ToWire(new ObjectDetectionAlgorithm(), hp, data ?? RunSamples.Inputs);

    [Fact]
    public void ToWire_Defaults_SendEveryDocumentedValueAndTheDatasetCounts()
    {
        var wire = Wire(new ObjectDetectionHyperparameters());
        Assert.Equal(new Dictionary<string, string>
        {
            ["num_classes"] = "7", ["num_training_samples"] = "152", ["base_network"] = "vgg-16", ["use_pretrained_model"] = "1",
            ["image_shape"] = "512", ["epochs"] = "30", ["learning_rate"] = "0.001", ["mini_batch_size"] = "32", ["optimizer"] = "sgd",
            ["momentum"] = "0.9", ["weight_decay"] = "0.0005", ["lr_scheduler_factor"] = "0.1", ["label_width"] = "350",
            ["nms_threshold"] = "0.45", ["overlap_threshold"] = "0.5", ["early_stopping"] = "False",
        }, wire);
    }

    [Theory]
    [InlineData(null, 112, "350")]
    [InlineData(null, 502, "502")]
    [InlineData(600, 502, "600")]
    [InlineData(null, null, "350")]
    public void ToWire_LabelWidth_IsRaisedToWhatTheDatasetNeeds(int? spec, int? dataset, string sent)
    {
        var wire = Wire(new ObjectDetectionHyperparameters { LabelWidth = spec }, RunSamples.Inputs with { LabelWidth = dataset });
        Assert.Equal(sent, wire["label_width"]);
    }

    [Fact]
    public void Check_LabelWidthBelowTheDatasets_NamesTheField()
    {
        var errors = ObjectDetectionHyperparameterWire.Check(new ObjectDetectionHyperparameters { LabelWidth = 100 }, RunSamples.Inputs);
        var error = Assert.Single(errors);
        Assert.Equal("spec.hyperparameters.labelWidth", error.Field);
        Assert.Contains("112", error.Message);
    }

    [Fact]
    public void ToWire_EarlyStoppingAndOptionals_AreSentOnlyWhenSet()
    {
        var wire = Wire(new ObjectDetectionHyperparameters
        {
            EarlyStopping = true, EarlyStoppingPatience = 3, LrSchedulerStep = "10,20", FreezeLayerPattern = "^conv1_", KvStore = "dist_sync",
            LearningRate = 1e-6,
        });
        Assert.Equal(("True", "3", "10", "0"), (wire["early_stopping"], wire["early_stopping_patience"], wire["early_stopping_min_epochs"], wire["early_stopping_tolerance"]));
        Assert.Equal(("10,20", "^conv1_", "dist_sync", "1E-06"), (wire["lr_scheduler_step"], wire["freeze_layer_pattern"], wire["kv_store"], wire["learning_rate"]));
        Assert.DoesNotContain("early_stopping_patience", Wire(new ObjectDetectionHyperparameters()).Keys);
    }

    [Fact]
    public void ToWire_Algorithm_SetsNetworkPretrainingAndShape()
    {
        var wire = ObjectDetectionHyperparameterWire.ToWire(
            new ObjectDetectionAlgorithm { BaseNetwork = "resnet-50", UsePretrainedModel = false, ImageShape = 300 }, new(), RunSamples.Inputs);
        Assert.Equal(("resnet-50", "0", "300"), (wire["base_network"], wire["use_pretrained_model"], wire["image_shape"]));
    }
}
