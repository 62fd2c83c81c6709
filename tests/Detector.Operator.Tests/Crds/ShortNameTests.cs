using Detector.Operator.Crds;

namespace Detector.Operator.Tests.Crds;

public class ShortNameTests
{
    // Short names and resource names of the built-in kinds of Kubernetes 1.33 (`kubectl api-resources`): a CRD
    // short name equal to one of them would shadow or be shadowed by the built-in in kubectl.
    private static readonly HashSet<string> s_builtIn =
    [
        "cs", "cm", "ep", "ev", "limits", "ns", "no", "pvc", "pv", "po", "podtemplates", "rc", "quota", "sa", "svc",
        "mutatingwebhookconfigurations", "validatingwebhookconfigurations", "crd", "crds", "apiservices", "controllerrevisions",
        "ds", "deploy", "rs", "sts", "hpa", "cj", "job", "jobs", "csr", "leases", "endpointslices", "ing", "ingclass",
        "netpol", "pdb", "pc", "sc", "csidrivers", "csinodes", "csistoragecapacities", "va", "vac", "ipaddresses",
        "servicecidrs", "flowschemas", "prioritylevelconfigurations", "runtimeclasses", "events", "pods", "nodes",
        "secrets", "services", "endpoints", "configmaps", "namespaces", "deployments", "daemonsets", "replicasets",
        "statefulsets", "roles", "rolebindings", "clusterroles", "clusterrolebindings", "all",
    ];

    [Fact]
    public void ShortNames_ClashWithNoBuiltInAndAreUnique()
    {
        var ours = CrdGenerator.All.SelectMany(crd => crd.Spec.Names.ShortNames ?? []).ToList();
        Assert.NotEmpty(ours);
        Assert.DoesNotContain(ours, s_builtIn.Contains);
        Assert.Equal(ours.Count, ours.Distinct().Count());
    }

    [Fact]
    public void EveryKind_HasAShortNameAndTheDetectorCategory()
    {
        foreach (var crd in CrdGenerator.All)
        {
            Assert.NotEmpty(crd.Spec.Names.ShortNames);
            Assert.Contains("detector", crd.Spec.Names.Categories);
            Assert.DoesNotContain(crd.Spec.Names.Plural, s_builtIn);
        }
    }
}
