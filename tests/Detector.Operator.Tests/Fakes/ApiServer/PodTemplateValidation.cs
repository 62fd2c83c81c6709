using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Detector.Operator.Tests.Fakes.ApiServer;

/// <summary>
/// The part of the real server's Job and pod-template validation (pkg/apis/batch/validation, pkg/apis/core/validation)
/// that a generated Job can get wrong, with the real field paths and messages: containers (name, image, duplicates),
/// volumes (duplicates, exactly one source) and mounts (must name a volume, unique paths), env names and sources,
/// resources (names, requests within limits), security contexts, restartPolicy, serviceAccountName, labels, and the
/// Job's own counts. What the server accepts but the kubelet refuses (runAsNonRoot with uid 0, a missing Secret or
/// ServiceAccount) is modelled by <see cref="PodStartRules"/> instead. Pure.
/// </summary>
public static partial class PodTemplateValidation
{
    private const string Dns1123LabelMessage = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
    private const string Dns1123SubdomainMessage = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    private const string LabelValueMessage = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
    private static readonly string[] s_volumeSources = ["emptyDir", "secret", "configMap", "persistentVolumeClaim", "projected", "downwardAPI",
        "hostPath", "csi", "ephemeral", "nfs", "image"];
    private static readonly string[] s_standardResources = ["cpu", "memory", "ephemeral-storage"];

    /// <summary>Every cause the real server would report for this Job (empty: valid).</summary>
    public static IReadOnlyList<FieldCause> ValidateJob(JsonObject job)
    {
        var causes = new List<FieldCause>();
        var name = ObjectSemantics.MetaString(job, "name") ?? "";
        // The Job controller puts the name into the pods' job-name label, so it must fit a label value.
        if (name.Length > 63)
            causes.Add(new("metadata.name", $"Invalid value: \"{name}\": must be no more than 63 characters"));
        Labels(ObjectSemantics.Metadata(job)["labels"], "metadata.labels", causes);
        var spec = job["spec"] as JsonObject ?? new JsonObject();
        NonNegative(spec, "backoffLimit", "spec.backoffLimit", causes);
        NonNegative(spec, "ttlSecondsAfterFinished", "spec.ttlSecondsAfterFinished", causes);
        NonNegative(spec, "parallelism", "spec.parallelism", causes);
        NonNegative(spec, "completions", "spec.completions", causes);
        if (Str(spec["completionMode"]) is { } mode && mode is not ("NonIndexed" or "Indexed"))
            causes.Add(new("spec.completionMode", $"Unsupported value: \"{mode}\": supported values: \"NonIndexed\", \"Indexed\"", "FieldValueNotSupported"));
        if (Str(spec["completionMode"]) == "Indexed" && spec["completions"] is null)
            causes.Add(new("spec.completions", "Required value: when completion mode is Indexed", "FieldValueRequired"));
        var template = spec["template"] as JsonObject;
        if (template is null)
        {
            causes.Add(new("spec.template", "Required value", "FieldValueRequired"));
            return causes;
        }
        Labels(template["metadata"]?["labels"], "spec.template.metadata.labels", causes);
        var podSpec = template["spec"] as JsonObject ?? new JsonObject();
        var restart = Str(podSpec["restartPolicy"]) ?? "Always";   // the pod default, which a Job refuses
        if (restart is not ("OnFailure" or "Never"))
            causes.Add(new("spec.template.spec.restartPolicy", $"Unsupported value: \"{restart}\": supported values: \"OnFailure\", \"Never\"", "FieldValueNotSupported"));
        ValidatePodSpec(podSpec, "spec.template.spec", causes);
        return causes;
    }

    private static void ValidatePodSpec(JsonObject spec, string path, List<FieldCause> causes)
    {
        if (Str(spec["serviceAccountName"]) is { Length: > 0 } account && !Dns1123Subdomain(account))
            causes.Add(new($"{path}.serviceAccountName", $"Invalid value: \"{account}\": {Dns1123SubdomainMessage}"));
        var volumes = Volumes(spec, path, causes);
        if (spec["securityContext"] is JsonObject podSecurity)
            SecurityIds(podSecurity, $"{path}.securityContext", causes);
        var containers = spec["containers"] as JsonArray;
        if (containers is null || containers.Count == 0)
        {
            causes.Add(new($"{path}.containers", "Required value", "FieldValueRequired"));
            return;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < containers.Count; i++)
        {
            var container = containers[i] as JsonObject ?? new JsonObject();
            var at = $"{path}.containers[{i}]";
            UniqueLabelName(container, at, names, causes);
            var image = Str(container["image"]);
            if (string.IsNullOrEmpty(image))
                causes.Add(new($"{at}.image", "Required value", "FieldValueRequired"));
            else if (image.Trim() != image)
                causes.Add(new($"{at}.image", $"Invalid value: \"{image}\": must not have leading or trailing whitespace"));
            if (Str(container["terminationMessagePolicy"]) is { } policy && policy is not ("File" or "FallbackToLogsOnError"))
                causes.Add(new($"{at}.terminationMessagePolicy", $"Unsupported value: \"{policy}\": supported values: \"File\", \"FallbackToLogsOnError\"", "FieldValueNotSupported"));
            Mounts(container, at, volumes, causes);
            Env(container, at, causes);
            Resources(container["resources"] as JsonObject, $"{at}.resources", causes);
            if (container["securityContext"] is JsonObject security)
                ContainerSecurity(security, $"{at}.securityContext", causes);
        }
    }

    private static HashSet<string> Volumes(JsonObject spec, string path, List<FieldCause> causes)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (spec["volumes"] is not JsonArray volumes)
            return names;
        for (var i = 0; i < volumes.Count; i++)
        {
            var volume = volumes[i] as JsonObject ?? new JsonObject();
            var at = $"{path}.volumes[{i}]";
            UniqueLabelName(volume, at, names, causes);
            var sources = s_volumeSources.Count(volume.ContainsKey);
            if (sources == 0)
                causes.Add(new(at, "Required value: must specify a volume type", "FieldValueRequired"));
            else if (sources > 1)
                causes.Add(new(at, "Forbidden: may not specify more than 1 volume type", "FieldValueForbidden"));
        }
        return names;
    }

    // Container and volume names: required, a DNS-1123 label, and unique within their list.
    private static void UniqueLabelName(JsonObject item, string at, HashSet<string> names, List<FieldCause> causes)
    {
        var name = Str(item["name"]);
        if (string.IsNullOrEmpty(name))
            causes.Add(new($"{at}.name", "Required value", "FieldValueRequired"));
        else if (!Dns1123Label(name))
            causes.Add(new($"{at}.name", $"Invalid value: \"{name}\": {Dns1123LabelMessage}"));
        else if (!names.Add(name))
            causes.Add(new($"{at}.name", $"Duplicate value: \"{name}\"", "FieldValueDuplicate"));
    }

    private static void Mounts(JsonObject container, string at, HashSet<string> volumes, List<FieldCause> causes)
    {
        if (container["volumeMounts"] is not JsonArray mounts)
            return;
        var paths = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < mounts.Count; i++)
        {
            var mount = mounts[i] as JsonObject ?? new JsonObject();
            var mountAt = $"{at}.volumeMounts[{i}]";
            var name = Str(mount["name"]);
            if (string.IsNullOrEmpty(name))
                causes.Add(new($"{mountAt}.name", "Required value", "FieldValueRequired"));
            else if (!volumes.Contains(name))
                causes.Add(new($"{mountAt}.name", $"Not found: \"{name}\"", "FieldValueNotFound"));
            var mountPath = Str(mount["mountPath"]);
            if (string.IsNullOrEmpty(mountPath))
                causes.Add(new($"{mountAt}.mountPath", "Required value", "FieldValueRequired"));
            else if (!paths.Add(mountPath))
                causes.Add(new($"{mountAt}.mountPath", $"Invalid value: \"{mountPath}\": must be unique"));
        }
    }

    private static void Env(JsonObject container, string at, List<FieldCause> causes)
    {
        if (container["env"] is not JsonArray env)
            return;
        for (var i = 0; i < env.Count; i++)
        {
            var variable = env[i] as JsonObject ?? new JsonObject();
            var envAt = $"{at}.env[{i}]";
            var name = Str(variable["name"]);
            // RelaxedEnvironmentVariableValidation (default since 1.32): any printable ASCII but '='.
            if (string.IsNullOrEmpty(name))
                causes.Add(new($"{envAt}.name", "Required value", "FieldValueRequired"));
            else if (name.Any(c => c < ' ' || c > '~' || c == '='))
                causes.Add(new($"{envAt}.name", $"Invalid value: \"{name}\": a valid environment variable name must consist only of printable ASCII characters other than '='"));
            if (variable["valueFrom"] is not JsonObject from)
                continue;
            if (!string.IsNullOrEmpty(Str(variable["value"])))
                causes.Add(new($"{envAt}.valueFrom", "Invalid value: \"\": may not be specified when `value` is not empty"));
            var sources = new[] { "fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef", "fileKeyRef" }.Count(from.ContainsKey);
            if (sources != 1)
                causes.Add(new($"{envAt}.valueFrom", "Invalid value: \"\": may not have more than one field specified at a time"));
            foreach (var key in new[] { "secretKeyRef", "configMapKeyRef" })
                if (from[key] is JsonObject reference)
                {
                    if (string.IsNullOrEmpty(Str(reference["name"])))
                        causes.Add(new($"{envAt}.valueFrom.{key}.name", "Required value", "FieldValueRequired"));
                    if (string.IsNullOrEmpty(Str(reference["key"])))
                        causes.Add(new($"{envAt}.valueFrom.{key}.key", "Required value", "FieldValueRequired"));
                }
        }
    }

    private static void Resources(JsonObject? resources, string at, List<FieldCause> causes)
    {
        if (resources is null)
            return;
        var limits = Quantities(resources["limits"] as JsonObject, $"{at}.limits", causes);
        var requests = Quantities(resources["requests"] as JsonObject, $"{at}.requests", causes);
        foreach (var (name, request) in requests)
            if (limits.TryGetValue(name, out var limit) && request.Value > limit.Value)
                causes.Add(new($"{at}.requests", $"Invalid value: \"{request.Text}\": must be less than or equal to {name} limit of {limit.Text}"));
    }

    private static Dictionary<string, (decimal Value, string Text)> Quantities(JsonObject? list, string at, List<FieldCause> causes)
    {
        var result = new Dictionary<string, (decimal, string)>(StringComparer.Ordinal);
        foreach (var (name, node) in list ?? [])
        {
            var text = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "";
            if (!s_standardResources.Contains(name) && !name.StartsWith("hugepages-", StringComparison.Ordinal) && !name.Contains('/', StringComparison.Ordinal))
                causes.Add(new($"{at}[{name}]", $"Invalid value: \"{name}\": must be a standard resource type or fully qualified"));
            if (Quantity(text) is not { } value)
                // A malformed quantity fails decoding before validation: the real server answers 400, not 422.
                throw ApiError.BadRequest($"quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$' ({at}[{name}]: \"{text}\")");
            if (value < 0)
                causes.Add(new($"{at}[{name}]", $"Invalid value: \"{text}\": must be greater than or equal to 0"));
            result[name] = (value, text);
        }
        return result;
    }

    private static void SecurityIds(JsonObject security, string at, List<FieldCause> causes)
    {
        foreach (var field in new[] { "runAsUser", "runAsGroup", "fsGroup" })
            if (security[field] is JsonValue id && id.TryGetValue<long>(out var value) && (value < 0 || value > int.MaxValue))
                causes.Add(new($"{at}.{field}", $"Invalid value: {value}: must be between 0 and 2147483647, inclusive"));
        if (security["seccompProfile"]?["type"] is JsonValue type && Str(type) is { } profile)
        {
            if (profile is not ("RuntimeDefault" or "Unconfined" or "Localhost"))
                causes.Add(new($"{at}.seccompProfile.type", $"Unsupported value: \"{profile}\": supported values: \"Localhost\", \"RuntimeDefault\", \"Unconfined\"", "FieldValueNotSupported"));
            else if (profile == "Localhost" && string.IsNullOrEmpty(Str(security["seccompProfile"]?["localhostProfile"])))
                causes.Add(new($"{at}.seccompProfile.localhostProfile", "Required value: must be set when seccomp type is Localhost", "FieldValueRequired"));
        }
    }

    private static void ContainerSecurity(JsonObject security, string at, List<FieldCause> causes)
    {
        SecurityIds(security, at, causes);
        var privileged = security["privileged"] is JsonValue p && p.TryGetValue<bool>(out var isPrivileged) && isPrivileged;
        var escalation = security["allowPrivilegeEscalation"] is JsonValue e && e.TryGetValue<bool>(out var allows) ? allows : (bool?)null;
        if (escalation == false && privileged)
            causes.Add(new(at, "Invalid value: \"\": cannot set `allowPrivilegeEscalation` to false and `privileged` to true"));
        if (escalation == false && security["capabilities"]?["add"] is JsonArray add && add.Any(c => Str(c) is "SYS_ADMIN" or "CAP_SYS_ADMIN"))
            causes.Add(new(at, "Invalid value: \"\": cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN"));
    }

    private static void Labels(JsonNode? labels, string at, List<FieldCause> causes)
    {
        if (labels is not JsonObject map)
            return;
        foreach (var (key, node) in map)
        {
            var value = Str(node) ?? "";
            if (value.Length > 63)
                causes.Add(new($"{at}", $"Invalid value: \"{value}\": must be no more than 63 characters"));
            else if (!LabelValue().IsMatch(value))
                causes.Add(new($"{at}", $"Invalid value: \"{value}\": {LabelValueMessage}"));
            var name = key.Contains('/', StringComparison.Ordinal) ? key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..] : key;
            if (name.Length is 0 or > 63 || !LabelValue().IsMatch(name))
                causes.Add(new($"{at}", $"Invalid value: \"{key}\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"));
        }
    }

    private static void NonNegative(JsonObject spec, string field, string at, List<FieldCause> causes)
    {
        if (spec[field] is JsonValue v && v.TryGetValue<long>(out var value) && value < 0)
            causes.Add(new(at, $"Invalid value: {value}: must be greater than or equal to 0"));
    }

    /// <summary>Pure: a Kubernetes quantity (<c>1</c>, <c>500m</c>, <c>1Gi</c>, <c>2e3</c>) as a number, or null when malformed.</summary>
    public static decimal? Quantity(string text)
    {
        var match = QuantityPattern().Match(text);
        if (!match.Success || !decimal.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return null;
        decimal? factor = match.Groups[2].Value switch
        {
            "" => 1m, "m" => 0.001m, "k" => 1e3m, "M" => 1e6m, "G" => 1e9m, "T" => 1e12m, "P" => 1e15m, "E" => 1e18m,
            "Ki" => 1024m, "Mi" => 1024m * 1024, "Gi" => 1024m * 1024 * 1024, "Ti" => 1024m * 1024 * 1024 * 1024,
            "Pi" => 1024m * 1024 * 1024 * 1024 * 1024, "Ei" => 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
            var e when e.Length > 1 && (e[0] is 'e' or 'E') && int.TryParse(e[1..], CultureInfo.InvariantCulture, out var exponent) && exponent is >= -18 and <= 18 =>
                (decimal)Math.Pow(10, exponent),
            _ => null,
        };
        return factor is null ? null : number * factor.Value;
    }

    private static bool Dns1123Label(string value) => value.Length <= 63 && Dns1123LabelPattern().IsMatch(value);

    private static bool Dns1123Subdomain(string value) => value.Length <= 253 && Dns1123SubdomainPattern().IsMatch(value);

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123LabelPattern();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Dns1123SubdomainPattern();

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();

    [GeneratedRegex("^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$")]
    private static partial Regex QuantityPattern();
}
