using System.CommandLine;
using Detector.Operator.Aws;
using Detector.Operator.Hosting;
using Detector.Operator.Monitoring;
using k8s;

namespace Detector.Operator.Cli;

/// <summary>What <c>detector logs</c> and <c>detector metrics</c> both know about their arguments.</summary>
public interface IMonitoringArguments
{
    /// <summary>The object named on the command line.</summary>
    MonitoredObject Target { get; }

    /// <summary>Cluster and AWS.</summary>
    ClusterAndAws Settings { get; }
}

public static partial class MonitoringCli
{
    /// <summary>
    /// The shared prelude of <c>detector logs</c> and <c>detector metrics</c>, inside the <see cref="CommandErrors"/> boundary
    /// that <c>prepare</c> and <c>validate</c> use: parses the arguments (a bad flag or target: exit 2), resolves the AWS
    /// region (none: exit 2), opens the Kubernetes client and the AWS client, then runs <paramref name="body"/>. Every
    /// failure is one escaped line <c>detector {command}: …</c> naming the object; exit 1 when the object or a call failed,
    /// 3 for a bug, 130 when interrupted; <c>--verbose</c> adds the stack trace.
    /// </summary>
    /// <param name="command">"logs" or "metrics".</param>
    /// <param name="parsed">The command line as System.CommandLine parsed it.</param>
    /// <param name="shared">The shared options of this command instance.</param>
    /// <param name="toArguments">Reads the arguments from <paramref name="parsed"/>; throws <see cref="FormatException"/> naming the flag.</param>
    /// <param name="createClient">The AWS client for the resolved options (tests point it at their fake).</param>
    /// <param name="body">The command's work with its arguments, AWS client, Kubernetes client and namespace.</param>
    /// <param name="error">Where the one line goes (stderr).</param>
    public static async Task<int> RunAsync<TArguments, TClient>(string command, ParseResult parsed, Options shared, Func<TArguments> toArguments,
        Func<SageMakerClientOptions, TClient> createClient, Func<TArguments, TClient, IKubernetes, string, Task<int>> body, TextWriter error)
        where TArguments : class, IMonitoringArguments
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var verbose = parsed.GetValue(shared.Verbose);
        TArguments? arguments = null;
        SageMakerClientOptions? aws = null;
        var code = await CommandErrors.RunAsync(command, null, verbose, () =>
        {
            (arguments, aws) = Prelude(parsed, toArguments);
            return Task.FromResult(ExitCodes.Success);
        }, error);
        if (arguments is null || aws is null)
            return code;
        var target = $"{arguments.Target.Kind.ToString().ToLowerInvariant()}/{arguments.Target.Name}";
        return await CommandErrors.RunAsync(command, target, verbose, async () =>
        {
            var (client, ns) = Kube(arguments.Settings);
            using var ownedKube = client as IDisposable;
            var awsClient = createClient(aws);
            using var ownedAws = awsClient as IDisposable;
            return await body(arguments, awsClient, client, ns);
        }, error);
    }

    // Everything that is about the command line: its mistakes are usage errors (exit 2), never data failures.
    private static (TArguments, SageMakerClientOptions) Prelude<TArguments>(ParseResult parsed, Func<TArguments> toArguments)
        where TArguments : IMonitoringArguments
    {
        if (parsed.Errors.Count > 0)
            throw new UsageException(string.Join("; ", parsed.Errors.Select(e => e.Message)));
        try
        {
            var arguments = toArguments();
            var region = arguments.Settings.Region ?? AwsRegionFallback.TryResolve()
                ?? throw new UsageException("no AWS region: pass --region or set AWS_REGION");
            return (arguments, new SageMakerClientOptions { Region = AwsEndpoints.Validate(region), ServiceUrl = arguments.Settings.EndpointUrl });
        }
        catch (ArgumentException e) when (e.ParamName == "region")
        {
            throw new UsageException("--region: " + e.Message.Replace(" (Parameter 'region')", "", StringComparison.Ordinal));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new UsageException(e.Message);
        }
    }
}
