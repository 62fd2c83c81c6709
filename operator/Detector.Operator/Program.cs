using System.CommandLine;
using Detector.Operator.Cli;

// Host wiring only: each subcommand lives in Cli/<Name>Command.cs.
var root = new RootCommand("Detector: object detection on Amazon SageMaker, declared as Kubernetes resources.")
{
    RunCommand.Create(),
    PrepareCommand.Create(),
    ValidateCommand.Create(),
    CrdsCommand.Create(),
    BenchCommand.Create(),
    SampleCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
