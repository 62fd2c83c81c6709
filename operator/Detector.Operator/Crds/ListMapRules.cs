using Detector.Operator.Validation;
using k8s.Models;

namespace Detector.Operator.Crds;

/// <summary>
/// The API server's rules for <c>x-kubernetes-list-type</c> and <c>x-kubernetes-list-map-keys</c>: a list type only on
/// arrays and only atomic|set|map; the items of a set atomic; map keys only with list-type map, names of scalar item
/// properties, without duplicates, each required or defaulted and none nullable; items of set/map lists not nullable.
/// </summary>
public static class ListMapRules
{
    private static readonly string[] s_listTypes = ["atomic", "set", "map"];

    /// <summary>Adds the errors of <paramref name="s"/> itself (not of its children).</summary>
    public static void Validate(V1JSONSchemaProps s, string path, List<FieldError> errors)
    {
        var items = SchemaNodes.Items(s);
        if (s.XKubernetesListType is { } listType && s.Type != "array")
        {
            errors.Add(string.IsNullOrEmpty(s.Type)
                ? ApiErrors.Required(path + ".type", "must be array if x-kubernetes-list-type is specified")
                : ApiErrors.Invalid(path + ".type", s.Type, "must be array if x-kubernetes-list-type is specified"));
        }
        else if (s.XKubernetesListType == "set" && items is not null)
        {
            if (items.Type == "array" && items.XKubernetesListType is { } inner && inner != "atomic")
                errors.Add(ApiErrors.Invalid(path + ".items.x-kubernetes-list-type", inner, "must be atomic as item of a list with x-kubernetes-list-type=set"));
            // The server prints the items' list type here, not the map type (a quirk kept for an exact message).
            if (items.Type == "object" && items.XKubernetesMapType != "atomic")
                errors.Add(ApiErrors.Invalid(path + ".items.x-kubernetes-map-type", items.XKubernetesListType, "must be atomic as item of a list with x-kubernetes-list-type=set"));
        }
        if (s.XKubernetesListType is { } type && !s_listTypes.Contains(type, StringComparer.Ordinal))
            errors.Add(ApiErrors.NotSupported(path + ".x-kubernetes-list-type", type, s_listTypes));
        var keys = s.XKubernetesListMapKeys ?? [];
        if (keys.Count > 0)
        {
            if (s.XKubernetesListType is null)
                errors.Add(ApiErrors.Required(path + ".x-kubernetes-list-type", "must be map if x-kubernetes-list-map-keys is non-empty"));
            else if (s.XKubernetesListType != "map")
                errors.Add(ApiErrors.Invalid(path + ".x-kubernetes-list-type", s.XKubernetesListType, "must be map if x-kubernetes-list-map-keys is non-empty"));
        }
        if (s.XKubernetesListType == "map") MapList(s, items, keys, path, errors);
        MapSetItems(s, items, keys, path, errors);
    }

    private static void MapList(V1JSONSchemaProps s, V1JSONSchemaProps? items, IList<string> keys, string path, List<FieldError> errors)
    {
        if (keys.Count == 0) errors.Add(ApiErrors.Required(path + ".x-kubernetes-list-map-keys", "must not be empty if x-kubernetes-list-type is map"));
        if (s.Items is null) errors.Add(ApiErrors.Required(path + ".items", "must have a schema if x-kubernetes-list-type is map"));
        if (items is null) return;
        if (items.Type != "object")
        {
            errors.Add(ApiErrors.Invalid(path + ".items.type", items.Type ?? "", "must be object if parent array's x-kubernetes-list-type is map"));
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (items.Properties?.TryGetValue(key, out var property) == true)
            {
                if (property.Type is "array" or "object")
                    errors.Add(ApiErrors.Invalid($"{path}.items.properties[{key}].type", items.Type, "must be a scalar type if parent array's x-kubernetes-list-type is map"));
            }
            else errors.Add(ApiErrors.Invalid(path + ".x-kubernetes-list-map-keys", keys, "entries must all be names of item properties"));
            if (!seen.Add(key)) errors.Add(ApiErrors.Invalid(path + ".x-kubernetes-list-map-keys", keys, "must not contain duplicate entries"));
        }
    }

    // validateMapListKeysMapSet.
    private static void MapSetItems(V1JSONSchemaProps s, V1JSONSchemaProps? items, IList<string> keys, string path, List<FieldError> errors)
    {
        if (items is null || s.XKubernetesListType is not ("set" or "map")) return;
        if (items.Nullable == true)
            errors.Add(ApiErrors.Forbidden(path + ".items.nullable", "cannot be nullable when x-kubernetes-list-type is " + s.XKubernetesListType));
        if (s.XKubernetesListType != "map") return;
        foreach (var key in keys)
        {
            if (items.Properties?.TryGetValue(key, out var property) != true) continue;
            if (items.Required?.Contains(key) != true && property!.DefaultProperty is null)
                errors.Add(ApiErrors.Required($"{path}.items.properties[{key}].default", "this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property"));
            if (property!.Nullable == true)
                errors.Add(ApiErrors.Forbidden($"{path}.items.properties[{key}].nullable", "this property is in x-kubernetes-list-map-keys, so it cannot be nullable"));
        }
    }
}
