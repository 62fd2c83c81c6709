using System.CommandLine;

// Host wiring only: the command line is in BenchCommand.cs, the run in RuntimeBench.cs. SIGINT/SIGTERM cancel the
// run's token; the grace period covers stopping the operator (SIGTERM, up to 50 s) and the servers.
return await Detector.RuntimeBench.BenchCommand.Create().Parse(args)
    .InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(70) });
