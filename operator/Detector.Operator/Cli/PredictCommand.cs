using System.CommandLine;
using System.Globalization;
using Amazon.Runtime;
using Detector.Operator.Aws;
using Detector.Operator.Hosting;
using Detector.Operator.Predictions;
using k8s;

namespace Detector.Operator.Cli;

/// <summary>What <c>detector predict</c> was asked to do.</summary>
/// <param name="Target">The DetectionEndpoint or SageMaker endpoint.</param>
/// <param name="ImagePath">The JPEG or PNG to send.</param>
/// <param name="OutputPath">Where the annotated PNG goes; null: none is written.</param>
/// <param name="Threshold">Lowest score shown, 0..1.</param>
/// <param name="InferenceComponent">Inference component override; null: from the DetectionEndpoint's status.</param>
/// <param name="Region">AWS region; null: the environment, the AWS profile, instance metadata.</param>
/// <param name="SageMakerEndpointUrl">SageMaker (runtime) endpoint override for emulators and tests.</param>
/// <param name="KubeconfigFiles">Kubeconfig files in precedence order, as <c>detector run</c> picks them (empty: in-cluster).</param>
/// <param name="Context">kubeconfig context; null: the current one.</param>
public sealed record PredictArguments(PredictTarget Target, string ImagePath, string? OutputPath, double Threshold, string? InferenceComponent,
    string? Region, Uri? SageMakerEndpointUrl, IReadOnlyList<string> KubeconfigFiles, string? Context);

/// <summary>`detector predict`: sends an image to an endpoint, prints the detections and draws them.</summary>
public static class PredictCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var (command, options) = Build();
        command.SetAction(async (parseResult, ct) =>
        {
            PredictArguments arguments;
            try
            {
                arguments = ToArguments(parseResult, options, Environment.GetEnvironmentVariable);
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"detector predict: {e.Message}");
                return 2;
            }
            var region = arguments.Region ?? AwsRegionFallback.TryResolve();
            if (region is null)
            {
                Console.Error.WriteLine("detector predict: no AWS region: pass --region or set AWS_REGION");
                return 2;
            }
            SageMakerRuntimeClient runtime;
            try
            {
                runtime = SageMakerRuntimeClient.Create(new SageMakerClientOptions { Region = AwsEndpoints.Validate(region), ServiceUrl = arguments.SageMakerEndpointUrl });
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"detector predict: {e.Message}");
                return 2;
            }
            using var owned = runtime;
            return await RunAsync(arguments, () => KubeClient(arguments), runtime,
                Console.Out, Console.Error, ct);
        });
        return command;
    }

    /// <summary>
    /// The command's work with its ports given: resolves the endpoint (the Kubernetes client is made only for a
    /// DetectionEndpoint), invokes it, prints the table to <paramref name="output"/> and writes the PNG. Returns the
    /// exit code: 0, 1 when the endpoint or the call failed, 2 for bad input.
    /// </summary>
    public static async Task<int> RunAsync(PredictArguments arguments, Func<IKubernetes> kube, ISageMakerRuntime runtime,
        TextWriter output, TextWriter error, CancellationToken ct)
    {
        byte[] image;
        string contentType;
        int width, height;
        try
        {
            image = await File.ReadAllBytesAsync(arguments.ImagePath, ct);
            contentType = ImageFormat.ContentType(image, arguments.ImagePath);
            (width, height) = DetectionRenderer.Size(image);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or SixLabors.ImageSharp.ImageFormatException)
        {
            await error.WriteLineAsync($"detector predict: {arguments.ImagePath}: {e.Message}");
            return 2;
        }
        try
        {
            var endpoint = await ResolveAsync(arguments, kube, ct);
            var response = await runtime.InvokeEndpointAsync(new InvokeEndpointRequest
            {
                EndpointName = endpoint.EndpointName,
                Body = image,
                ContentType = contentType,
                Accept = "application/json",
                InferenceComponentName = endpoint.InferenceComponentName,
            }, ct);
            var detections = PredictionParser.Parse(response.Body, arguments.Threshold);
            await output.WriteAsync(DetectionTable.Format(detections, endpoint.ClassNames, width, height));
            if (arguments.OutputPath is { } path)
            {
                await File.WriteAllBytesAsync(path, DetectionRenderer.RenderPng(image, detections, endpoint.ClassNames, endpoint.ClassNames?.Count ?? 0), ct);
                await output.WriteLineAsync($"wrote {path}");
            }
            return 0;
        }
        catch (Exception e) when (e is SageMakerException or InvalidOperationException or FormatException or k8s.Exceptions.KubeConfigException
            or HttpRequestException or AmazonClientException or IOException)
        {
            await error.WriteLineAsync($"detector predict: {e.Message}");
            return 1;
        }
    }

    private static async Task<ResolvedEndpoint> ResolveAsync(PredictArguments arguments, Func<IKubernetes> kube, CancellationToken ct)
    {
        if (!arguments.Target.IsDetectionEndpoint)
            return new(arguments.Target.Name, arguments.InferenceComponent, null);
        using var client = kube();
        return await new EndpointResolver(client).ResolveAsync(arguments.Target, arguments.InferenceComponent, ct);
    }

    /// <summary>
    /// Pure: the arguments of <c>detector predict &lt;args&gt;</c>, with the kubeconfig chosen as <c>detector run</c>
    /// chooses it from <paramref name="env"/>. Throws <see cref="FormatException"/> naming the flag on bad input.
    /// </summary>
    public static PredictArguments ParseArguments(IReadOnlyList<string> args, Func<string, string?> env)
    {
        var (command, options) = Build();
        var parsed = command.Parse(args);
        if (parsed.Errors.Count > 0)
            throw new FormatException(string.Join("; ", parsed.Errors.Select(e => e.Message)));
        return ToArguments(parsed, options, env);
    }

    private static (Command Command, PredictOptions Options) Build()
    {
        var command = new Command("predict", "Sends an image to a DetectionEndpoint, prints the detections and draws them on the image.");
        var options = new PredictOptions();
        foreach (var option in options.All)
            command.Options.Add(option);
        command.Arguments.Add(options.Image);
        return (command, options);
    }

    private static PredictArguments ToArguments(ParseResult parsed, PredictOptions o, Func<string, string?> env)
    {
        var threshold = parsed.GetValue(o.Threshold);
        if (!(threshold is >= 0 and <= 1))
            throw new FormatException($"--threshold {threshold.ToString(CultureInfo.InvariantCulture)} must be between 0 and 1");
        var url = Blank(parsed.GetValue(o.SageMakerEndpoint)) ?? Blank(env("DETECTOR_SAGEMAKER_ENDPOINT_URL"));
        Uri? endpointUrl = null;
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out endpointUrl) || endpointUrl.Scheme is not ("http" or "https")))
            throw new FormatException($"--sagemaker-endpoint-url '{url}' is not an http or https URL");
        var inPod = !string.IsNullOrEmpty(env("KUBERNETES_SERVICE_HOST"));
        var home = env("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var context = Blank(parsed.GetValue(o.Context));
        return new PredictArguments(
            PredictTarget.Parse(parsed.GetValue(o.Endpoint)!),
            parsed.GetValue(o.Image)!,
            Blank(parsed.GetValue(o.Output)),
            threshold,
            Blank(parsed.GetValue(o.InferenceComponent)),
            Blank(parsed.GetValue(o.Region)) ?? Blank(env("AWS_REGION")) ?? Blank(env("AWS_DEFAULT_REGION")),
            endpointUrl,
            KubeClientConfig.Files(parsed.GetValue(o.Kubeconfig), env("KUBECONFIG"), context, inPod, home),
            context);
    }

    /// <summary>The Kubernetes client of the arguments' kubeconfig (as <c>detector run</c> builds it); throws naming what to fix.</summary>
    public static IKubernetes KubeClient(PredictArguments arguments) =>
        new Kubernetes(KubeClientConfig.Build(new OperatorSettings { KubeconfigFiles = arguments.KubeconfigFiles, Context = arguments.Context }));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The options of one <c>predict</c> command instance (an option belongs to one command).</summary>
    private sealed class PredictOptions
    {
        public Option<string> Endpoint { get; } = new("--endpoint", "-e") { Description = "<namespace>/<name> of a DetectionEndpoint, or a SageMaker endpoint name.", Required = true };
        public Argument<string> Image { get; } = new("image") { Description = "The JPEG or PNG to detect objects in." };
        public Option<string?> Output { get; } = new("--output", "-o") { Description = "Write the image with the boxes drawn to this PNG." };
        public Option<double> Threshold { get; } = new("--threshold") { Description = "Lowest score shown (0..1).", DefaultValueFactory = _ => 0.4 };
        public Option<string?> InferenceComponent { get; } = new("--inference-component") { Description = "Inference component to invoke (default: the DetectionEndpoint's; none for a raw SageMaker name)." };
        public Option<string?> Region { get; } = new("--region", "--aws-region") { Description = "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the AWS profile, instance metadata)." };
        public Option<string?> SageMakerEndpoint { get; } = new("--sagemaker-endpoint-url") { Description = "SageMaker endpoint override for emulators and tests (default: DETECTOR_SAGEMAKER_ENDPOINT_URL, else AWS)." };
        public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "Path of a kubeconfig file (default: KUBECONFIG, else the pod's service account in a pod, else ~/.kube/config)." };
        public Option<string?> Context { get; } = new("--context") { Description = "kubeconfig context to use (default: the current context)." };

        public IEnumerable<Option> All => [Endpoint, Output, Threshold, InferenceComponent, Region, SageMakerEndpoint, Kubeconfig, Context];
    }
}
