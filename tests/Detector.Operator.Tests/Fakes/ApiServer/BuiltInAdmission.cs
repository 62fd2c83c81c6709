using System.Text;
using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.Fakes.ApiServer;

/// <summary>
/// What the real server does to the built-in kinds the operator writes: Job defaults, the generated Job selector
/// and pod labels, Job and pod-template validation (<see cref="PodTemplateValidation"/>, 422 Invalid), Job
/// immutability, and Secret <c>stringData</c> folding. Pod-template defaults (dnsPolicy, terminationMessagePath, …)
/// are not applied.
/// </summary>
public static class BuiltInAdmission
{
    private static readonly ResourceType s_jobs = ResourceType.BuiltIn.Single(t => t.Plural == "jobs");

    /// <summary>Dispatches to the custom-resource or built-in rules; other kinds pass through unchanged.</summary>
    public static JsonObject Admit(ResourceType type, JsonObject obj, JsonObject? old) => (type.Group, type.Plural) switch
    {
        _ when type.IsCustom => CustomResourceAdmission.Admit(type, obj, old),
        ("batch", "jobs") => AdmitJob(obj, old),
        ("", "secrets") => FoldStringData(obj),
        _ => obj,
    };

    /// <summary>
    /// Job defaults (parallelism 1, completions 1 when both unset, backoffLimit 6, completionMode NonIndexed,
    /// suspend false), the generated selector and pod labels on create, and on update 422 for changes to the
    /// immutable spec.selector, spec.template and spec.completionMode.
    /// </summary>
    public static JsonObject AdmitJob(JsonObject job, JsonObject? old)
    {
        var result = (JsonObject)job.DeepClone();
        if (result["spec"] is not JsonObject spec)
            throw ApiError.Invalid(s_jobs, ObjectSemantics.MetaString(job, "name") ?? "", [new FieldCause("spec.template", "Required value", "FieldValueRequired")]);
        if (spec["completions"] is null && spec["parallelism"] is null)
            spec["completions"] = 1;
        spec["parallelism"] ??= 1;
        spec["backoffLimit"] ??= 6;
        spec["completionMode"] ??= "NonIndexed";
        spec["suspend"] ??= false;
        if (PodTemplateValidation.ValidateJob(result) is { Count: > 0 } invalid)
            throw ApiError.Invalid(s_jobs, ObjectSemantics.MetaString(job, "name") ?? "", invalid);
        if (old is null)
            AddGeneratedSelector(result, spec);
        else
        {
            var causes = new[] { "selector", "template", "completionMode" }
                .Where(field => !JsonNode.DeepEquals(spec[field], old["spec"]?[field]))
                .Select(field => new FieldCause($"spec.{field}", $"Invalid value: {Show(spec[field])}: field is immutable"))
                .ToList();
            if (causes.Count > 0)
                throw ApiError.Invalid(s_jobs, ObjectSemantics.MetaString(job, "name") ?? "", causes);
        }
        return result;
    }

    /// <summary>Moves Secret <c>stringData</c> into base64 <c>data</c>, as the server does on every write.</summary>
    public static JsonObject FoldStringData(JsonObject secret)
    {
        if (secret["stringData"] is not JsonObject stringData)
            return secret;
        var result = (JsonObject)secret.DeepClone();
        var data = result["data"] as JsonObject ?? new JsonObject();
        foreach (var (key, value) in stringData)
            data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value?.GetValue<string>() ?? ""));
        result["data"] = data;
        result.Remove("stringData");
        return result;
    }

    // Without manualSelector the server owns the selector: it matches the Job's uid, and the pod template carries it.
    private static void AddGeneratedSelector(JsonObject job, JsonObject spec)
    {
        if (spec["manualSelector"]?.GetValue<bool>() == true)
            return;
        var uid = ObjectSemantics.MetaString(job, "uid") ?? "";
        var name = ObjectSemantics.MetaString(job, "name") ?? "";
        spec["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["batch.kubernetes.io/controller-uid"] = uid } };
        var template = spec["template"] as JsonObject ?? new JsonObject();
        spec["template"] = template;
        var metadata = template["metadata"] as JsonObject ?? new JsonObject();
        template["metadata"] = metadata;
        var labels = metadata["labels"] as JsonObject ?? new JsonObject();
        metadata["labels"] = labels;
        labels["batch.kubernetes.io/controller-uid"] = uid;
        labels["batch.kubernetes.io/job-name"] = name;
        labels["controller-uid"] = uid;
        labels["job-name"] = name;
    }

    private static string Show(JsonNode? node) => node?.ToJsonString() is { } json && json.Length <= 60 ? json : "{...}";
}
