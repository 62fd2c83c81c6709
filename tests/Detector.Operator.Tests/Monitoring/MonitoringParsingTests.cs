using Detector.Operator.Aws;
using Detector.Operator.Cli;
using Detector.Operator.Monitoring;

namespace Detector.Operator.Tests.Monitoring;

/// <summary>The pure parts of `detector logs`: targets, durations, flags and the follow's de-duplication.</summary>
public class MonitoringParsingTests
{
    [Theory]
    [InlineData("trainingrun/a", MonitoredKind.TrainingRun)]
    [InlineData("TRUN/a", MonitoredKind.TrainingRun)]
    [InlineData("tuningruns/a", MonitoredKind.TuningRun)]
    [InlineData("tun/a", MonitoredKind.TuningRun)]
    [InlineData("detep/a", MonitoredKind.DetectionEndpoint)]
    public void MonitoredObject_AcceptsKindPluralAndShortName(string text, MonitoredKind kind) =>
        Assert.Equal(new MonitoredObject(kind, "a"), MonitoredObject.Parse(text));

    [Theory]
    [InlineData("aquarium", "must be <kind>/<name>")]
    [InlineData("dataset/a", "'dataset' is not a kind detector can monitor")]
    [InlineData("trun/Upper", "'Upper' is not an object name")]
    public void MonitoredObject_RefusesWithTheReason(string text, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => MonitoredObject.Parse(text)).Message);

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("10m", 600)]
    [InlineData("1h30m", 5400)]
    [InlineData("1.5h", 5400)]
    public void Durations_ParseGoStyle(string text, int seconds) => Assert.Equal(TimeSpan.FromSeconds(seconds), Durations.Parse(text, "--since"));

    [Theory]
    [InlineData("10")]
    [InlineData("-5m")]
    [InlineData("0s")]
    [InlineData("5d")]
    public void Durations_RefuseNamingTheFlag(string text) =>
        Assert.StartsWith("--since '", Assert.Throws<FormatException>(() => Durations.Parse(text, "--since")).Message);

    [Fact]
    public void Trial_OnATrainingRun_IsRefused() =>
        Assert.Equal("--trial applies to a tuningrun only",
            Assert.Throws<FormatException>(() => LogsCommand.ParseArguments(["trun/a", "--trial", "x"], _ => null)).Message);

    [Fact]
    public void EndpointOverride_FlagThenServiceVariableThenGlobal()
    {
        Assert.Equal(new Uri("http://flag/"), LogsCommand.ParseArguments(["trun/a", "--logs-endpoint-url", "http://flag/"], _ => "http://env/").Settings.EndpointUrl);
        Assert.Equal(new Uri("http://logs/"), LogsCommand.ParseArguments(["trun/a"],
            n => n switch { LogsCommand.EndpointVariable => "http://logs/", "AWS_ENDPOINT_URL" => "http://all/", _ => null }).Settings.EndpointUrl);
        Assert.Equal(new Uri("http://all/"), LogsCommand.ParseArguments(["trun/a"], n => n == "AWS_ENDPOINT_URL" ? "http://all/" : null).Settings.EndpointUrl);
    }

    [Fact]
    public void Follower_DropsEventsAlreadySeen_KeepsNewOnesOfTheSameMillisecond()
    {
        var follower = new LogFollower(1000);
        static FilteredLogEvent E(long t, string id) => new() { Timestamp = t, EventId = id, Message = id, LogStreamName = "s" };

        Assert.Equal(["a", "b"], follower.Accept([E(999, "old"), E(1000, "a"), E(2000, "b")]).Select(e => e.EventId));
        Assert.Equal(2000, follower.StartTime);
        Assert.Equal(["c", "d"], follower.Accept([E(2000, "b"), E(2000, "c"), E(3000, "d")]).Select(e => e.EventId));
        Assert.Equal(4, follower.Printed);
    }

    [Fact]
    public void Format_IsUtcTimeStreamMessage() =>
        Assert.Equal("2026-12-07T10:00:00.250Z job/algo-1-1 hello",
            LogFollower.Format(new FilteredLogEvent { Timestamp = new DateTimeOffset(2026, 12, 7, 10, 0, 0, 250, TimeSpan.Zero).ToUnixTimeMilliseconds(), LogStreamName = "job/algo-1-1", Message = "hello\n" }));
}
