using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runtime;

namespace Detector.Operator.Runs;

/// <summary>What a training job takes from a Ready Dataset: the two RecordIO channels and the counts SageMaker needs.</summary>
/// <param name="DatasetName">The Dataset's name.</param>
/// <param name="TrainRecUri">s3:// URI of train.rec (the train channel).</param>
/// <param name="ValidationRecUri">s3:// URI of validation.rec (the validation channel).</param>
/// <param name="ClassCount">num_classes.</param>
/// <param name="TrainImages">num_training_samples: the images packed into train.rec.</param>
/// <param name="LabelWidth">The widest packed label, or null when the Dataset did not say.</param>
/// <param name="ContentHash">The prepared content's hash, recorded in the run's status.</param>
public sealed record DatasetInputs(string DatasetName, string TrainRecUri, string ValidationRecUri, int ClassCount, long TrainImages,
    int? LabelWidth, string? ContentHash)
{
    /// <summary>
    /// Pure: the inputs of a Dataset, or why training must wait — the Dataset is missing, not Ready, or Ready without the
    /// outputs and counts training needs (the message names the Dataset).
    /// </summary>
    public static (DatasetInputs? Inputs, string? WaitReason) From(string name, Dataset? dataset)
    {
        if (dataset is null)
            return (null, $"Dataset {name} does not exist");
        var status = dataset.Status;
        if (status is null || !Conditions.IsTrue(status.Conditions, Conditions.Ready)
            || status.ObservedGeneration != dataset.Metadata.Generation)
            return (null, $"Dataset {name} is not Ready yet (phase {status?.Phase ?? "none"})");
        if (status.Outputs is not { TrainRec: { } train, ValidationRec: { } validation })
            return (null, $"Dataset {name} is Ready but names no train.rec and validation.rec");
        if (status.ClassNames.Count == 0 || status.Counts is not { TrainImages: > 0 } counts)
            return (null, $"Dataset {name} is Ready but has no classes or no training images");
        return (new DatasetInputs(name, train, validation, status.ClassNames.Count, counts.TrainImages, status.LabelWidth, status.ContentHash), null);
    }
}
