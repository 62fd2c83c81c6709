namespace Detector.Operator.Tests.Fakes.ApiServer;

/// <summary>How a <see cref="FakeApiServer"/> starts.</summary>
public sealed record FakeApiServerOptions
{
    /// <summary>Serve the CRDs in the repository's <c>crds/</c> folder (when it exists). Default true.</summary>
    public bool LoadRepositoryCrds { get; init; } = true;

    /// <summary>Extra CRD YAML documents to serve (e.g. a small CRD written in a test).</summary>
    public IReadOnlyList<string> CrdYaml { get; init; } = [];

    /// <summary>Clock for creationTimestamp, deletionTimestamp and Job condition times.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// When set, a BOOKMARK goes to every watch that allowed bookmarks at this interval (on <see cref="Time"/>, so a
    /// FakeTimeProvider drives it), as the real server does about once a minute. Null (default): only
    /// <see cref="FakeApiServer.SendBookmarks"/> sends them, which keeps event sequences deterministic.
    /// </summary>
    public TimeSpan? BookmarkInterval { get; init; }

    /// <summary>
    /// Whether the ServiceAccount <c>default</c> exists in every namespace, as the controller-manager makes it. False
    /// models a bare API server (no controller-manager): pods of the default account never get created.
    /// </summary>
    public bool DefaultServiceAccounts { get; init; } = true;

    /// <summary>How many changes the watch history keeps; resuming from before them gets 410 Expired.</summary>
    public int HistoryLimit { get; init; } = 1000;
}
