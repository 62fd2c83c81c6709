namespace Detector.Operator.Runs;

/// <summary>
/// Pure: the built-in Object Detection (MXNet SSD) image of a region, <c>{account}.dkr.ecr.{region}.{dnsSuffix}/object-detection:1</c>
/// (reference §1.1). The same image trains and serves. Regions without it (some that SageMaker itself serves, e.g.
/// ap-southeast-5, mx-central-1) get null, so the caller refuses before any SageMaker call.
/// </summary>
public static class ObjectDetectionImage
{
    /// <summary>The pinned tag: version 1 is the only one the SageMaker SDK lists.</summary>
    public const string Tag = "1";

    private static readonly IReadOnlyDictionary<string, string> s_accounts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["af-south-1"] = "455444449433", ["ap-east-1"] = "286214385809", ["ap-northeast-1"] = "501404015308",
        ["ap-northeast-2"] = "306986355934", ["ap-northeast-3"] = "867004704886", ["ap-south-1"] = "991648021394",
        ["ap-south-2"] = "628508329040", ["ap-southeast-1"] = "475088953585", ["ap-southeast-2"] = "544295431143",
        ["ap-southeast-3"] = "951798379941", ["ap-southeast-4"] = "106583098589", ["ca-central-1"] = "469771592824",
        ["ca-west-1"] = "190319476487", ["cn-north-1"] = "390948362332", ["cn-northwest-1"] = "387376663083",
        ["eu-central-1"] = "813361260812", ["eu-central-2"] = "680994064768", ["eu-north-1"] = "669576153137",
        ["eu-south-1"] = "257386234256", ["eu-south-2"] = "104374241257", ["eu-west-1"] = "685385470294",
        ["eu-west-2"] = "644912444149", ["eu-west-3"] = "749696950732", ["il-central-1"] = "898809789911",
        ["me-central-1"] = "272398656194", ["me-south-1"] = "249704162688", ["sa-east-1"] = "855470959533",
        ["us-east-1"] = "811284229777", ["us-east-2"] = "825641698319", ["us-gov-east-1"] = "237065988967",
        ["us-gov-west-1"] = "226302683700", ["us-iso-east-1"] = "490574956308", ["us-isob-east-1"] = "765400339828",
        ["us-isof-east-1"] = "108575199400", ["us-isof-south-1"] = "124985052026", ["us-west-1"] = "632365934929",
        ["us-west-2"] = "433757028032",
    };

    /// <summary>The regions that have the image, sorted.</summary>
    public static IReadOnlyList<string> Regions { get; } = [.. s_accounts.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The image URI for <paramref name="region"/>, or null when the region has no Object Detection image.</summary>
    public static string? For(string? region) =>
        region is not null && s_accounts.TryGetValue(region, out var account)
            ? $"{account}.dkr.ecr.{region}.{DnsSuffix(region)}/object-detection:{Tag}"
            : null;

    /// <summary>Why <paramref name="region"/> cannot train, naming the setting to change; null when it can.</summary>
    public static string? Problem(string? region) => For(region) is not null ? null : string.IsNullOrEmpty(region)
        ? "No AWS region is configured for SageMaker: set --aws-region or AWS_REGION"
        : $"The built-in Object Detection algorithm is not available in region {region}; run the operator with --aws-region " +
          "set to one that has it (e.g. us-east-1, eu-west-1)";

    // Partition DNS suffixes (reference §1.1): China, and the isolated US partitions, differ from amazonaws.com.
    private static string DnsSuffix(string region) => region switch
    {
        _ when region.StartsWith("cn-", StringComparison.Ordinal) => "amazonaws.com.cn",
        _ when region.StartsWith("us-isob-", StringComparison.Ordinal) => "sc2s.sgov.gov",
        _ when region.StartsWith("us-isof-", StringComparison.Ordinal) => "csp.hci.ic.gov",
        _ when region.StartsWith("us-iso-", StringComparison.Ordinal) => "c2s.ic.gov",
        _ => "amazonaws.com",
    };
}
