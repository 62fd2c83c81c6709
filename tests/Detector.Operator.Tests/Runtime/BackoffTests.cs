using Detector.Operator.Runtime;

namespace Detector.Operator.Tests.Runtime;

public sealed class BackoffTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(8, 256)]
    [InlineData(9, 300)]
    [InlineData(29, 300)]
    [InlineData(1000, 300)]
    public void Delay_DoublesFromOneSecondAndCapsAtFiveMinutes(int previousFailures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Backoff.Default.Delay(previousFailures));
}
