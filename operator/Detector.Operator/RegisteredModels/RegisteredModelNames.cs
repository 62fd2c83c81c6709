using System.Security.Cryptography;
using System.Text;
using Detector.Operator.Api.V1Alpha1;
using Detector.Operator.Runtime;

namespace Detector.Operator.RegisteredModels;

/// <summary>
/// Pure: the SageMaker names of a RegisteredModel — its model package group and the ClientToken of each version.
/// </summary>
public static class RegisteredModelNames
{
    /// <summary>Longest model package group name (EntityName, 1-63).</summary>
    public const int MaxGroupLength = 63;

    /// <summary>Longest ClientToken of CreateModelPackage (1-36, <c>[a-zA-Z0-9-]+</c>).</summary>
    public const int ClientTokenLength = 36;

    /// <summary>
    /// The model package group: <c>{sanitized name}-{hash of (namespace, name)}</c>. Unlike job names the uid is left
    /// out on purpose: versions are never deleted implicitly and outlive the object, so a RegisteredModel deleted and
    /// applied again adopts its group and its version history instead of starting an empty one.
    /// </summary>
    public static string Group(RegisteredModel model) =>
        Names.Label(model.Metadata.Name, [model.Metadata.NamespaceProperty ?? "", model.Metadata.Name], MaxGroupLength);

    /// <summary>
    /// The idempotency token of CreateModelPackage for one source job in one group: a UUID-shaped hex digest of
    /// (group, job), so a retried call after a lost response returns the version it already made.
    /// </summary>
    public static string ClientToken(string groupName, string sourceJobName)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(groupName.ToLowerInvariant() + "\u001f" + sourceJobName.ToLowerInvariant()));
        var hex = Convert.ToHexStringLower(digest)[..32];
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }
}
