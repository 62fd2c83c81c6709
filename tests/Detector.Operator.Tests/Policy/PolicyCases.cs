using Detector.Operator.Tests.Crds;

namespace Detector.Operator.Tests.Policy;

/// <summary>
/// One case of tenant safety: a sample manifest changed a little, created in a namespace (by the admin, or by a user
/// who may create Detector objects but not read ServiceAccounts), and the field the refusal must name (null: accepted).
/// </summary>
/// <param name="Name">What the case shows.</param>
/// <param name="Sample">File under crds/samples.</param>
/// <param name="Namespace">Namespace the object is created in.</param>
/// <param name="Edits">Text replacements applied to the sample (each must be found).</param>
/// <param name="RefusedField">The field the refusal names, or null when the object is accepted.</param>
/// <param name="AsUser">Null: the admin. Otherwise a user who may create Detector objects in the namespace and nothing else.</param>
/// <param name="AdmissionOnly">The rule needs the requester, which only the API server knows: the C# places accept it.</param>
/// <param name="Variant">The chart values it runs under (<see cref="PolicyCases.Variants"/>); its namespaces are its own.</param>
public sealed record PolicyCase(string Name, string Sample, string Namespace, (string Find, string Replace)[] Edits, string? RefusedField,
    string? AsUser = null, bool AdmissionOnly = false, string Variant = PolicyCases.Main)
{
    /// <summary>The manifest text.</summary>
    public string Manifest()
    {
        var text = File.ReadAllText(Path.Combine(CrdFiles.Samples, Sample)).Replace("namespace: vision", $"namespace: {Namespace}", StringComparison.Ordinal);
        foreach (var (find, replace) in Edits)
        {
            Assert.True(text.Contains(find, StringComparison.Ordinal), $"{Name}: {Sample} has no \"{find}\"");
            text = text.Replace(find, replace, StringComparison.Ordinal);
        }
        return text;
    }

    /// <summary>The manifest as JSON.</summary>
    public System.Text.Json.Nodes.JsonObject Object() => (System.Text.Json.Nodes.JsonObject)Detector.Operator.Validation.YamlDocuments.Parse(Manifest()).Single()!;

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>
/// The one table of cases, run in all three places: the reconcilers' admission checks and <c>detector validate</c>
/// (<see cref="PolicyCaseTests"/>) and the chart's ValidatingAdmissionPolicies on a real kube-apiserver
/// (Admission/AdmissionPolicyTests). The policy is the chart's, rendered with the case's <see cref="Variants"/>: mostly
/// policy-values.yaml (the default convention for every namespace plus a widened team-a).
/// </summary>
public static class PolicyCases
{
    /// <summary>The default policy plus a widened team-a (policy-values.yaml).</summary>
    public const string Main = "main";

    /// <summary>The policy turned off (<c>namespacePolicy=null</c>): only the always-on rules.</summary>
    public const string Off = "off";

    /// <summary>No default (<c>namespacePolicy.default=null</c>): a namespace not listed may use nothing.</summary>
    public const string NoDefault = "nodefault";

    /// <summary>The chart-render arguments of each variant.</summary>
    public static IReadOnlyDictionary<string, string[]> Variants { get; } = new Dictionary<string, string[]>
    {
        [Main] = ["-f", ChartRender.PolicyValues],
        [Off] = ["--set", "namespacePolicy=null"],
        [NoDefault] = ["-f", ChartRender.PolicyValues, "--set", "namespacePolicy.default=null"],
    };

    private const string Dataset = "01-dataset.yaml", Training = "02-trainingrun.yaml", Tuning = "03-tuningrun.yaml",
        Model = "04-registeredmodel.yaml", Endpoint = "05-detectionendpoint.yaml";
    private const string Role = "arn:aws:iam::123456789012:role/detector/vision/sagemaker";
    private const string S3Source = "    s3:\n      uri: s3://detector-vision-data/raw/aquarium/";

    private static (string, string)[] Http(string url) => [(S3Source, $"    http:\n      url: {url}")];

    /// <summary>Every case.</summary>
    public static IReadOnlyList<PolicyCase> All { get; } =
    [
        new("sample Dataset", Dataset, "vision", [], null),
        new("sample TrainingRun", Training, "vision", [], null),
        new("sample TuningRun", Tuning, "vision", [], null),
        new("sample RegisteredModel", Model, "vision", [], null),
        new("sample DetectionEndpoint", Endpoint, "vision", [], null),
        new("the samples' conventions hold in any namespace", Training, "finance",
            [(Role, "arn:aws:iam::123456789012:role/detector/finance/sagemaker"), ("detector-vision-data", "detector-finance-data")], null),

        new("Dataset naming a ServiceAccount the policy does not allow", Dataset, "vision",
            [("serviceAccountName: detector-datasets", "serviceAccountName: admin")], "spec.serviceAccountName"),
        new("Dataset source at the instance metadata address", Dataset, "vision",
            Http("http://169.254.169.254/latest/meta-data/iam/security-credentials/x.zip"), "spec.source.http.url"),
        new("Dataset source at the metadata address over https with a port", Dataset, "vision",
            Http("https://169.254.169.254:443/a.zip"), "spec.source.http.url"),
        new("Dataset source at the IPv6 metadata address", Dataset, "vision", Http("https://[fd00:ec2::254]/a.zip"), "spec.source.http.url"),
        new("Dataset source at an IPv6 link-local address", Dataset, "vision", Http("https://[fe80::1]/a.zip"), "spec.source.http.url"),
        new("Dataset source on loopback", Dataset, "vision", Http("https://127.0.0.1:8080/a.zip"), "spec.source.http.url"),
        new("Dataset source on localhost by name", Dataset, "vision", Http("https://localhost/a.zip"), "spec.source.http.url"),
        new("Dataset source at a decimal spelling of the metadata address", Dataset, "vision", Http("https://2852039166/a.zip"), "spec.source.http.url"),
        new("Dataset source at a short spelling of loopback", Dataset, "vision", Http("https://127.1/a.zip"), "spec.source.http.url"),
        new("Dataset source at an IPv4-mapped IPv6 address", Dataset, "vision", Http("https://[::ffff:169.254.169.254]/a.zip"), "spec.source.http.url"),
        new("Dataset source at the unspecified address", Dataset, "vision", Http("https://0.0.0.0/a.zip"), "spec.source.http.url"),
        new("Dataset source with userinfo hiding the metadata address", Dataset, "vision",
            Http("https://example.com@169.254.169.254/a.zip"), "spec.source.http.url"),
        new("Dataset source over https from a public host", Dataset, "vision", Http("https://datasets.example.org/aquarium.zip"), null),
        new("Dataset source over plain http", Dataset, "vision", Http("http://datasets.example.org/aquarium.zip"), "spec.source.http.url"),
        new("Dataset source from another namespace's bucket", Dataset, "vision",
            [("s3://detector-vision-data/raw/", "s3://detector-finance-data/raw/")], "spec.source.s3.uri"),
        new("Dataset output escaping its prefix with ..", Dataset, "vision",
            [("s3://detector-vision-data/prepared/", "s3://detector-vision-data/../detector-finance-data/")], "spec.output.s3.uri"),
        new("Dataset output in a bucket whose name only starts like the namespace's", Dataset, "vision",
            [("s3://detector-vision-data/prepared/", "s3://detector-vision-data2/prepared/")], "spec.output.s3.uri"),

        new("team-a: widened roles, buckets and account", Dataset, "team-a",
            [("detector-vision-data", "detector-team-a-data"), ("serviceAccountName: detector-datasets", "serviceAccountName: dataset-jobs")], null),
        new("team-a: the default's account no longer applies", Dataset, "team-a",
            [("detector-vision-data", "detector-team-a-data")], "spec.serviceAccountName"),
        new("team-a: plain http from an allowed host", Dataset, "team-a",
            [.. Http("http://datasets.example.com/a.zip"), ("detector-vision-data", "detector-team-a-data"), ("detector-datasets", "dataset-jobs")], null),
        new("team-a: https from an allowed subdomain", Dataset, "team-a",
            [.. Http("https://eu.cdn.example.com/a.zip"), ("detector-vision-data", "detector-team-a-data"), ("detector-datasets", "dataset-jobs")], null),
        new("team-a: a host not on the allow-list", Dataset, "team-a",
            [.. Http("https://datasets.example.org/a.zip"), ("detector-vision-data", "detector-team-a-data"), ("detector-datasets", "dataset-jobs")],
            "spec.source.http.url"),
        new("team-a: the metadata address even with plain http allowed", Dataset, "team-a",
            [.. Http("http://169.254.169.254/a.zip"), ("detector-vision-data", "detector-team-a-data"), ("detector-datasets", "dataset-jobs")],
            "spec.source.http.url"),
        new("team-a: an exact role outside the convention", Training, "team-a",
            [(Role, "arn:aws:iam::123456789012:role/sagemaker-team-a"), ("s3://detector-vision-data/", "s3://ml-data/team-a/")], null),

        new("TrainingRun naming another namespace's role", Training, "vision",
            [(Role, "arn:aws:iam::123456789012:role/detector/finance/sagemaker")], "spec.roleArn"),
        new("TrainingRun naming a role outside the convention", Training, "vision",
            [(Role, "arn:aws:iam::123456789012:role/admin")], "spec.roleArn"),
        new("TrainingRun naming a role of a namespace whose name starts like its own", Training, "vision",
            [(Role, "arn:aws:iam::123456789012:role/detector/vision-b/sagemaker")], "spec.roleArn"),
        new("TrainingRun checkpoints in another namespace's bucket", Training, "vision",
            [("s3://detector-vision-data/checkpoints/", "s3://detector-finance-data/checkpoints/")], "spec.spot.checkpointS3Uri"),
        new("TrainingRun output in another bucket", Training, "vision",
            [("s3://detector-vision-data/models/", "s3://other-bucket/models/")], "spec.output.s3.uri"),
        new("TuningRun naming another namespace's role", Tuning, "vision",
            [(Role, "arn:aws:iam::123456789012:role/detector/finance/sagemaker")], "spec.roleArn"),
        new("DetectionEndpoint naming another namespace's role", Endpoint, "vision",
            [(Role, "arn:aws:iam::123456789012:role/detector/finance/sagemaker")], "spec.roleArn"),
        new("DetectionEndpoint capturing into another bucket", Endpoint, "vision",
            [("s3://detector-vision-data/capture/", "s3://other-bucket/capture/")], "spec.dataCapture.destinationS3Uri"),
        new("DetectionEndpoint with a disabled capture pointing elsewhere", Endpoint, "vision",
            [("s3://detector-vision-data/capture/", "s3://other-bucket/capture/"), ("    samplingPercentage: 10", "    enabled: false\n    samplingPercentage: 10")], null),

        new("a user who may not read the ServiceAccount names it", Dataset, "vision", [], "spec.serviceAccountName",
            AsUser: "alice", AdmissionOnly: true),
        new("the same user creating a TrainingRun", Training, "vision", [], null, AsUser: "alice"),

        new("policy off: another namespace's role and bucket", Training, "open",
            [(Role, "arn:aws:iam::123456789012:role/detector/finance/sagemaker"), ("detector-vision-data", "detector-finance-data")], null, Variant: Off),
        new("policy off: plain http from a public host", Dataset, "open", Http("http://datasets.example.org/a.zip"), null, Variant: Off),
        new("policy off: the metadata address is still refused", Dataset, "open",
            Http("http://169.254.169.254/latest/meta-data/x.zip"), "spec.source.http.url", Variant: Off),
        new("policy off: the ServiceAccount check still asks who", Dataset, "open", [], "spec.serviceAccountName",
            AsUser: "alice", AdmissionOnly: true, Variant: Off),
        new("no default: an unlisted namespace may name no role", Training, "unlisted", [], "spec.roleArn", Variant: NoDefault),
        new("no default: nor an account", Dataset, "unlisted", [], "spec.serviceAccountName", Variant: NoDefault),
    ];

    /// <summary>The cases as xunit theory data.</summary>
    public static TheoryData<PolicyCase> Data()
    {
        var data = new TheoryData<PolicyCase>();
        foreach (var c in All) data.Add(c);
        return data;
    }
}
