using Detector.Operator.Tests.Fakes.ApiServer;

namespace Detector.Operator.Tests.Crds;

/// <summary>The fake API server serves only CRDs a real one would serve, and says why it will not.</summary>
public class FakeApiServerCrdTests
{
    private const string Gadgets = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: gadgets.example.com
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: gadgets, singular: gadget, kind: Gadget, listKind: GadgetList, shortNames: [gd]}
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  metadata: {type: object, description: Standard object metadata.}
        """;

    [Fact]
    public void Load_CrdTheServerRejects_RefusesWithTheServersMessage()
    {
        var error = Assert.Throws<InvalidDataException>(() => CrdLoader.Load(new FakeApiServerOptions { LoadRepositoryCrds = false, CrdYaml = [Gadgets] }));
        Assert.Equal("CrdYaml[0]: CustomResourceDefinition.apiextensions.k8s.io \"gadgets.example.com\" is invalid: " +
            "spec.validation.openAPIV3Schema.properties[metadata]: Forbidden: must not specify anything other than name and generateName, " +
            "but metadata is implicitly specified", error.Message);
    }

    [Fact]
    public void Load_TwoCrdsClaimingOneShortName_RefusesAsTheNamingControllerWould()
    {
        var fixedGadgets = Gadgets.Replace("metadata: {type: object, description: Standard object metadata.}", "metadata: {type: object}", StringComparison.Ordinal);
        var gizmos = fixedGadgets.Replace("gadget", "gizmo", StringComparison.Ordinal).Replace("Gadget", "Gizmo", StringComparison.Ordinal);
        var error = Assert.Throws<InvalidDataException>(() => CrdLoader.Load(new FakeApiServerOptions { LoadRepositoryCrds = false, CrdYaml = [fixedGadgets, gizmos] }));
        Assert.Equal("CustomResourceDefinition gizmos.example.com would not be served: NamesAccepted=False, ShortNamesConflict: \"gd\" is already in use", error.Message);
    }

    [Fact]
    public void Load_RepositoryCrds_ServesAllFive() =>
        Assert.Equal(5, CrdLoader.Load(new FakeApiServerOptions()).Count);
}
