namespace Detector.RuntimeBench;

/// <summary>A failure the bench explains in one line (what is missing or what did not happen in time).</summary>
public sealed class BenchException(string message) : Exception(message);
