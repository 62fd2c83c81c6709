using System.Text.Json.Nodes;
using static Detector.Operator.Tests.Fakes.ApiServer.ObjectSemantics;

namespace Detector.Operator.Tests.Fakes.ApiServer;

// Deletion: finalizers and deletionTimestamp, garbage collection by ownerReferences, delete preconditions.
public sealed partial class ObjectStore
{
    // Removes the object, or with finalizers marks it for deletion (which also bumps generation, as the real server does).
    private JsonObject DeleteLocked(ResourceType type, JsonObject stored)
    {
        var key = Key(MetaString(stored, "namespace"), MetaString(stored, "name")!);
        if (Finalizers(stored).Count == 0)
        {
            Commit(type, key, null, "DELETED", previous: stored);
            return stored;
        }
        if (MetaString(stored, "deletionTimestamp") is not null)
            return stored;
        var marked = Clone(stored);
        var metadata = Metadata(marked);
        metadata["deletionTimestamp"] = Timestamp(time.GetUtcNow());
        metadata["deletionGracePeriodSeconds"] = 0;
        if (type.TracksGeneration)
            metadata["generation"] = Generation(stored) + 1;
        Commit(type, key, marked, "MODIFIED", previous: stored);
        return marked;
    }

    // Background garbage collection: an object all of whose owners are gone is deleted (finalizers respected).
    private void CollectGarbage()
    {
        while (true)
        {
            var uids = _objects.Values.SelectMany(o => o.Values).Select(o => MetaString(o, "uid")).OfType<string>().ToHashSet();
            var victims = _objects
                .SelectMany(t => t.Value.Values.Select(o => (Type: t.Key, Object: o)))
                .Where(v => OwnerUids(v.Object) is { Count: > 0 } owners && !owners.Any(uids.Contains))
                .Where(v => MetaString(v.Object, "deletionTimestamp") is null || Finalizers(v.Object).Count == 0)
                .ToList();
            if (victims.Count == 0)
                return;
            foreach (var (type, obj) in victims)
                DeleteLocked(type, obj);
        }
    }

    private void OrphanDependents(string? ownerUid)
    {
        foreach (var (type, objects) in _objects)
            foreach (var obj in objects.Values.ToList())
            {
                if (!OwnerUids(obj).Contains(ownerUid ?? "")) continue;
                var next = Clone(obj);
                var refs = (JsonArray)next["metadata"]!["ownerReferences"]!;
                foreach (var r in refs.Where(r => r?["uid"]?.GetValue<string>() == ownerUid).ToList())
                    refs.Remove(r);
                Commit(type, Key(MetaString(obj, "namespace"), MetaString(obj, "name")!), next, "MODIFIED", previous: obj);
            }
    }

    private static void CheckPreconditions(ResourceType type, JsonObject stored, JsonNode? preconditions)
    {
        var name = MetaString(stored, "name")!;
        if (preconditions?["uid"]?.GetValue<string>() is { } uid && uid != MetaString(stored, "uid"))
            throw new ApiError(409, "Conflict",
                $"Operation cannot be fulfilled on {type.QualifiedName} \"{name}\": Precondition failed: UID in precondition: {uid}, UID in object meta: {MetaString(stored, "uid")}",
                type.Plural, name);
        if (preconditions?["resourceVersion"]?.GetValue<string>() is { } rv && rv != MetaString(stored, "resourceVersion"))
            throw new ApiError(409, "Conflict",
                $"Operation cannot be fulfilled on {type.QualifiedName} \"{name}\": Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {MetaString(stored, "resourceVersion")}",
                type.Plural, name);
    }
}
