using Detector.Operator.Tests.Fakes.SageMaker;

namespace Detector.Operator.Tests.FakeSageMakerTests;

/// <summary>
/// The setup the fake's HTTP tests share: a fresh <see cref="FakeSageMaker"/> per test and a client that signs with the
/// fake's key. Disposal fails the test if any answer of the fake broke the AWS output shapes.
/// </summary>
public abstract class FakeSageMakerSession : IAsyncLifetime
{
    /// <summary>The fake under test.</summary>
    protected FakeSageMaker Sm { get; private set; } = null!;

    /// <summary>A signed client of <see cref="Sm"/>.</summary>
    protected SageMakerTestClient Client { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Sm = await FakeSageMaker.StartAsync();
        Client = new SageMakerTestClient(Sm);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        Client.Dispose();
        var problems = Sm.ResponseProblems;
        await Sm.DisposeAsync();
        Assert.Empty(problems);
    }
}
