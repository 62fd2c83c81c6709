// Host wiring only: the command line is in BenchCommand.cs, the run in RuntimeBench.cs.
return await Detector.RuntimeBench.BenchCommand.Create().Parse(args).InvokeAsync();
