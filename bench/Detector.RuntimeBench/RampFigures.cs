using System.Globalization;
using System.Text;

namespace Detector.RuntimeBench;

/// <summary>The figures from the bulk apply to the last expected SageMaker create.</summary>
/// <param name="Objects">Datasets (and as many TrainingRuns) applied.</param>
/// <param name="ExpectedCreates">TrainingRuns whose Dataset gets Prepared, so one CreateTrainingJob each.</param>
/// <param name="ApplySeconds">How long the bench took to create all objects.</param>
/// <param name="SecondsToJobs">From the start of the apply until every Dataset named its prepare Job; null if not seen.</param>
/// <param name="SecondsToCreates">From the start of the apply until the last expected CreateTrainingJob reached the fake.</param>
/// <param name="CpuSeconds">Operator CPU time from the start of the apply until then.</param>
/// <param name="StartupRssMiB">Operator VmRSS once started, before the apply.</param>
public sealed record RampFigures(int Objects, int ExpectedCreates, double ApplySeconds, double? SecondsToJobs, double SecondsToCreates,
    double CpuSeconds, double StartupRssMiB)
{
    /// <summary>Pure: the ramp section of the printed report.</summary>
    public static string Format(RampFigures f)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"Runtime benchmark: {f.Objects} Datasets + {f.Objects} TrainingRuns, {f.Objects - f.ExpectedCreates} of each waiting");
        text.AppendLine(c, $"  Operator RSS at start:           {f.StartupRssMiB,8:0.0} MiB");
        text.AppendLine(c, $"  Bulk apply took:                 {f.ApplySeconds,8:0.0} s");
        text.AppendLine(c, $"  Apply -> every prepare Job:      {(f.SecondsToJobs is { } jobs ? jobs.ToString("0.0", c) : "n/a"),8} s");
        text.AppendLine(c, $"  Apply -> all {f.ExpectedCreates} SageMaker creates: {f.SecondsToCreates,8:0.0} s  (operator CPU {f.CpuSeconds:0.0} CPU-s)");
        return text.ToString();
    }
}
