using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.RegisteredModels;
using Detector.Operator.Runtime;

namespace Detector.Operator.Tests.RegisteredModels;

public sealed class RegisteredModelAdmissionTests
{
    public static TheoryData<string, double?, string?, string?, string?> Cases => new()
    {
        // mode, minMetric, trainingRunRef, tuningRunRef, the field the problem names (null: admitted)
        { "Manual", null, "birds-run", null, null },
        { "Automatic", 0.5, "birds-run", null, null },
        { "Automatic", 0.5, null, "birds-tune", null },
        { "Automatic", null, "birds-run", null, "spec.approval.minMetric" },
        { "Manual", 0.5, "birds-run", null, "spec.approval.minMetric" },
        { "Manual", null, null, null, "spec.source" },
        { "Manual", null, "birds-run", "birds-tune", "spec.source" },
        { "Sometimes", null, "birds-run", null, "spec.approval.mode" },
        { "Manual", null, "team-b/birds-run", null, "spec.source.trainingRunRef" },
    };

    private static RegisteredModel Model(string mode, double? minMetric, string? trainingRun, string? tuningRun)
    {
        var model = RegisteredModelSamples.Model(mode, minMetric);
        model.Spec = model.Spec with { Source = new ModelSource { TrainingRunRef = trainingRun, TuningRunRef = tuningRun } };
        return model;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Problem_NamesTheOffendingField(string mode, double? minMetric, string? trainingRun, string? tuningRun, string? field)
    {
        var problem = RegisteredModelAdmission.Problem(Model(mode, minMetric, trainingRun, tuningRun));

        if (field is null)
            Assert.Null(problem);
        else
            Assert.StartsWith(field + ": ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_AutomaticWithoutMinMetric_IsInvalidSpecWithoutSageMakerCalls()
    {
        var h = new RegisteredModelHarness(RegisteredModelSamples.Model("Automatic", minMetric: null), sources: RegisteredModelHarness.TrainingRun());

        await h.ReconcileAsync();

        Assert.Empty(h.SageMaker.Calls);
        Assert.Equal((Conditions.False, Reasons.InvalidSpec), (h.Ready.Status, h.Ready.Reason));
        Assert.Contains("spec.approval.minMetric", h.Ready.Message, StringComparison.Ordinal);
    }
}
