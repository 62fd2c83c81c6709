namespace Detector.Operator.Monitoring;

/// <summary>
/// The object <c>detector logs</c> or <c>detector metrics</c> reads does not exist or has nothing to show yet (no job, no
/// endpoint, an unknown trial); the message names the object. The commands report it as one line with exit code 1.
/// </summary>
public sealed class MonitoredObjectException(string message) : Exception(message);
