using System.Text.Json.Nodes;
using Detector.Operator.Tests.Fakes.ApiServer;

namespace Detector.Operator.Tests.ApiServer;

/// <summary>Table-driven tests of the fake's pure rules: selectors, patches, generation and path resolution.</summary>
public sealed class ApiServerPureRulesTests
{
    [Theory]
    [InlineData("", true)]
    [InlineData("app=web", true)]
    [InlineData("app = web", true)]
    [InlineData("app=db", false)]
    [InlineData("app!=db", true)]
    [InlineData("missing!=x", true)]
    [InlineData("app in (web, db)", true)]
    [InlineData("app in (db)", false)]
    [InlineData("missing notin (x)", true)]
    [InlineData("app,tier", true)]
    [InlineData("!tier", false)]
    [InlineData("app=web,tier in (front,back),!missing", true)]
    public void LabelSelector_Requirement_MatchesLikeTheApiServer(string selector, bool expected)
    {
        var labels = new Dictionary<string, string> { ["app"] = "web", ["tier"] = "front" };

        Assert.Equal(expected, LabelSelector.Parse(selector).Matches(labels));
    }

    [Theory]
    [InlineData("app in web")]
    [InlineData("a b")]
    [InlineData("app=x,,b=y")]
    public void LabelSelector_BadSyntax_Is400(string selector)
    {
        var error = Assert.Throws<ApiError>(() => LabelSelector.Parse(selector));

        Assert.Equal(400, error.Code);
    }

    [Theory]
    [InlineData("""{"a":1,"b":{"c":2}}""", """{"b":{"c":null,"d":3}}""", """{"a":1,"b":{"d":3}}""")]
    [InlineData("""{"a":[1,2]}""", """{"a":[3]}""", """{"a":[3]}""")]
    [InlineData("""{"a":1}""", """{"a":null}""", """{}""")]
    public void MergePatch_Rfc7386Cases_ProduceExpectedDocument(string target, string patch, string expected)
    {
        var result = JsonPatches.Apply(JsonNode.Parse(target)!.AsObject(), "application/merge-patch+json", JsonNode.Parse(patch));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result), result.ToJsonString());
    }

    [Theory]
    [InlineData("""{"a":{"b":1}}""", """[{"op":"add","path":"/a/c","value":2}]""", """{"a":{"b":1,"c":2}}""")]
    [InlineData("""{"l":[1,3]}""", """[{"op":"add","path":"/l/1","value":2}]""", """{"l":[1,2,3]}""")]
    [InlineData("""{"l":[1]}""", """[{"op":"add","path":"/l/-","value":2}]""", """{"l":[1,2]}""")]
    [InlineData("""{"a":1,"b":2}""", """[{"op":"remove","path":"/a"}]""", """{"b":2}""")]
    [InlineData("""{"a":1}""", """[{"op":"replace","path":"/a","value":5}]""", """{"a":5}""")]
    [InlineData("""{"a":1}""", """[{"op":"move","from":"/a","path":"/b"}]""", """{"b":1}""")]
    [InlineData("""{"a":1}""", """[{"op":"copy","from":"/a","path":"/b"}]""", """{"a":1,"b":1}""")]
    [InlineData("""{"a/b":1}""", """[{"op":"replace","path":"/a~1b","value":2}]""", """{"a/b":2}""")]
    [InlineData("""{"a":1}""", """[{"op":"test","path":"/a","value":1},{"op":"replace","path":"/a","value":2}]""", """{"a":2}""")]
    public void JsonPatch_Rfc6902Operations_ProduceExpectedDocument(string target, string patch, string expected)
    {
        var result = JsonPatches.Apply(JsonNode.Parse(target)!.AsObject(), "application/json-patch+json", JsonNode.Parse(patch));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result), result.ToJsonString());
    }

    [Theory]
    [InlineData("""[{"op":"test","path":"/a","value":2}]""")]
    [InlineData("""[{"op":"remove","path":"/missing"}]""")]
    [InlineData("""[{"op":"replace","path":"/x/y","value":1}]""")]
    public void JsonPatch_FailingOperation_Is422(string patch)
    {
        var error = Assert.Throws<ApiError>(() => JsonPatches.Apply(JsonNode.Parse("""{"a":1}""")!.AsObject(), "application/json-patch+json", JsonNode.Parse(patch)));

        Assert.Equal(422, error.Code);
    }

    [Fact]
    public void Apply_ApplyPatchYaml_Is415()
    {
        var error = Assert.Throws<ApiError>(() => JsonPatches.Apply(new JsonObject(), "application/apply-patch+yaml", new JsonObject()));

        Assert.Equal(415, error.Code);
    }

    [Theory]
    [InlineData("""{"metadata":{"labels":{"a":"1"}},"spec":{"x":1}}""", """{"metadata":{"labels":{"a":"2"}},"spec":{"x":1}}""", true, false)]
    [InlineData("""{"spec":{"x":1},"status":{"p":"A"}}""", """{"spec":{"x":1},"status":{"p":"B"}}""", true, false)]
    [InlineData("""{"spec":{"x":1},"status":{"p":"A"}}""", """{"spec":{"x":1},"status":{"p":"B"}}""", false, true)]
    [InlineData("""{"spec":{"x":1}}""", """{"spec":{"x":2}}""", true, true)]
    [InlineData("""{"data":{"k":"v"}}""", """{"data":{"k":"w"}}""", true, true)]
    public void SpecChanged_Objects_DecidesGenerationBump(string before, string after, bool statusSubresource, bool expected)
    {
        Assert.Equal(expected, ObjectSemantics.SpecChanged(JsonNode.Parse(before)!.AsObject(), JsonNode.Parse(after)!.AsObject(), statusSubresource));
    }

    [Theory]
    [InlineData("/api/v1/namespaces/ns/pods/p", "pods", "ns", "p", null)]
    [InlineData("/api/v1/namespaces/ns/pods/p/status", "pods", "ns", "p", "status")]
    [InlineData("/api/v1/namespaces/ns", "namespaces", null, "ns", null)]
    [InlineData("/api/v1/namespaces/ns/status", "namespaces", null, "ns", "status")]
    [InlineData("/api/v1/namespaces", "namespaces", null, null, null)]
    [InlineData("/apis/batch/v1/namespaces/ns/jobs", "jobs", "ns", null, null)]
    [InlineData("/apis/batch/v1/jobs", "jobs", null, null, null)]
    [InlineData("/apis/coordination.k8s.io/v1/namespaces/ns/leases/l", "leases", "ns", "l", null)]
    public void ApiPath_KnownPaths_Resolve(string path, string plural, string? ns, string? name, string? subresource)
    {
        var resolved = ApiPath.Parse(path, ResourceType.BuiltIn);

        Assert.NotNull(resolved);
        Assert.Equal((plural, ns, name, subresource), (resolved.Type.Plural, resolved.Namespace, resolved.Name, resolved.Subresource));
    }

    [Theory]
    [InlineData("/apis/batch/v2/jobs")]
    [InlineData("/apis/unknown.io/v1/things")]
    [InlineData("/healthz")]
    [InlineData("/api/v1/namespaces/ns/namespaces")]
    public void ApiPath_UnknownPaths_AreNull(string path)
    {
        Assert.Null(ApiPath.Parse(path, ResourceType.BuiltIn));
    }
}
