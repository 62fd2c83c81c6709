using System.CommandLine;
using Detector.Operator.Cli;

// Host wiring only: each subcommand lives in Cli/<Name>Command.cs.
var root = new RootCommand("Detector: object detection on Amazon SageMaker, declared as Kubernetes resources.")
{
    RunCommand.Create(),
    PrepareCommand.Create(),
    ValidateCommand.Create(),
    CrdsCommand.Create(),
    AdmissionPoliciesCommand.Create(),
    BenchCommand.Create(),
    SampleCommand.Create(),
    PredictCommand.Create(),
    LogsCommand.Create(),
    MetricsCommand.Create(),
};
// SIGTERM cancels the command's token; the default 2 s before the process is torn down is too short for the operator
// to drain in-flight reconciles and release its Lease (the chart's terminationGracePeriodSeconds is 60).
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(45) });
