namespace Detector.RuntimeBench.Tests;

public sealed class ProcStatsTests
{
    [Theory]
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
    [InlineData("4242 (detector) S 1 4242 4242 0 -1 4194560 9000 0 3 0 1234 567 0 0 20 0 25 0 100 0", 1801)]
    [InlineData("7 (a (b) c) R 1 7 7 0 -1 0 0 0 0 0 10 5 0 0 20 0 1 0 1 0", 15)]
    [InlineData("9 (.NET TP Worker) S 1 9 9 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 1 0", 0)]
    public void CpuTicks_StatLine_IsUserPlusSystemCountedAfterTheCommandName(string stat, long expected) =>
        Assert.Equal(expected, ProcStats.CpuTicks(stat));

    [Theory]
    [InlineData("4242 detector S 1")]
    [InlineData("4242 (detector) S 1 4242 4242 0")]
    public void CpuTicks_TruncatedOrMalformedLine_ThrowsFormatException(string stat) =>
        Assert.Throws<FormatException>(() => ProcStats.CpuTicks(stat));

    [Theory]
    [InlineData("VmRSS", 201234)]
    [InlineData("VmHWM", 230000)]
    public void StatusKiB_StatusFile_ReadsTheNamedLineInKiB(string key, long expected) =>
        Assert.Equal(expected, ProcStats.StatusKiB("Name:\tdetector\nVmHWM:\t  230000 kB\nVmRSS:\t  201234 kB\nThreads:\t25\n", key));

    [Theory]
    [InlineData("Name:\tdetector\n")]
    [InlineData("VmRSS:\t lots\n")]
    public void StatusKiB_MissingOrMalformedLine_ThrowsFormatException(string status) =>
        Assert.Throws<FormatException>(() => ProcStats.StatusKiB(status, "VmRSS"));

    [Fact]
    public void Read_ThisProcess_HasPositiveRssAndCpu()
    {
        var sample = ProcStats.Read(Environment.ProcessId);
        Assert.True(sample.RssKiB > 0 && sample.PeakRssKiB >= sample.RssKiB && sample.CpuTicks > 0, sample.ToString());
    }
}
