namespace Detector.Operator.Tests.Fakes.SageMaker;

public sealed partial class FakeSageMaker
{
    /// <summary>
    /// The next call of <paramref name="operation"/> that takes effect is committed and logged (<see cref="CreateCount"/>
    /// counts it), then its answer is held until <see cref="AnswerHold.Release"/> or <see cref="AnswerHold.Fail"/>. A
    /// test stops the operator while the answer is held: SageMaker made the resource, the operator never learnt it.
    /// </summary>
    public AnswerHold HoldNextAnswer(string operation) => _handler.Holds.Add(operation);
}
