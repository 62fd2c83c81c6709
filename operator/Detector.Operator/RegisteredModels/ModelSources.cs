using Detector.Operator.Api.V1Alpha1;

namespace Detector.Operator.RegisteredModels;

/// <summary>
/// Pure: a RegisteredModel's source run as read from the API → <see cref="SourceObservation"/>. Only a Completed run
/// has an artifact; anything else is a reason to wait, naming the run and its phase.
/// </summary>
public static class ModelSources
{
    /// <summary>Why the source reference cannot be acted on (exactly one of the two is needed), or null.</summary>
    public static string? Problem(ModelSource source) =>
        (string.IsNullOrEmpty(source.TrainingRunRef), string.IsNullOrEmpty(source.TuningRunRef)) switch
        {
            (true, true) => "spec.source needs one of trainingRunRef or tuningRunRef",
            (false, false) => "spec.source.trainingRunRef and spec.source.tuningRunRef cannot both be set",
            _ => null,
        };

    /// <summary>A TrainingRun source (null: it does not exist).</summary>
    public static SourceObservation FromTrainingRun(string name, TrainingRun? run)
    {
        if (run is null)
            return new(TrainingRun.KindName, name, null, $"TrainingRun {name} does not exist");
        var status = run.Status;
        if (status?.Phase != TrainingRunPhase.Completed)
            return new(TrainingRun.KindName, name, null, $"TrainingRun {name} is {status?.Phase ?? TrainingRunPhase.Pending}, not Completed");
        if (status.TrainingJobName is not { Length: > 0 } job || status.ModelArtifactUri is not { Length: > 0 } artifact)
            return new(TrainingRun.KindName, name, null, $"TrainingRun {name} is Completed but shows no training job or model artifact");
        return new(TrainingRun.KindName, name, new SourceArtifact(job, artifact, status.MAP));
    }

    /// <summary>A TuningRun source: its best training job (null: it does not exist).</summary>
    public static SourceObservation FromTuningRun(string name, TuningRun? run)
    {
        if (run is null)
            return new(TuningRun.KindName, name, null, $"TuningRun {name} does not exist");
        var status = run.Status;
        if (status?.Phase != TuningRunPhase.Completed)
            return new(TuningRun.KindName, name, null, $"TuningRun {name} is {status?.Phase ?? TuningRunPhase.Pending}, not Completed");
        if (status.BestTrainingJob is not { Name.Length: > 0, ModelArtifactUri.Length: > 0 } best)
            return new(TuningRun.KindName, name, null, $"TuningRun {name} is Completed but has no best training job with a model artifact");
        return new(TuningRun.KindName, name, new SourceArtifact(best.Name, best.ModelArtifactUri!, best.MAP));
    }
}
