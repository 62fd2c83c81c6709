namespace Detector.Operator.Runtime;

/// <summary>A runnable controller, as the <see cref="ControllerManager"/> sees it.</summary>
public interface IController
{
    /// <summary>The kind it reconciles.</summary>
    string Kind { get; }

    /// <summary>True once every informer of the controller has listed once.</summary>
    bool HasSynced { get; }

    /// <summary>Runs informers and workers until cancelled, then shuts down gracefully.</summary>
    Task RunAsync(CancellationToken ct);
}
