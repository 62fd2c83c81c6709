using System.Text.Json.Nodes;
using Detector.Operator.Crds;

namespace Detector.Operator.Tests.Crds;

public class ApiErrorsTests
{
    public static TheoryData<object?, string> Values => new()
    {
        { "a\"b\n", "\"a\\\"b\\n\"" },
        { true, "true" },
        { 5L, "5" },
        { 0.25, "0.25" },
        { null, "null" },
        { new[] { "name", "id" }, "[]string{\"name\", \"id\"}" },
        { JsonNode.Parse("""{"b":[1,"x"],"a":{"c":false}}"""), "map[string]interface {}{\"a\":map[string]interface {}{\"c\":false}, \"b\":[]interface {}{1, \"x\"}}" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void GoValue_PrintsAsGoPrintsABadValue(object? value, string expected) => Assert.Equal(expected, ApiErrors.GoValue(value));

    [Fact]
    public void Errors_ReadAsFieldErrorsDo()
    {
        Assert.Equal("a.b: Required value", ApiErrors.Required("a.b").ToString());
        Assert.Equal("a: Forbidden: no", ApiErrors.Forbidden("a", "no").ToString());
        Assert.Equal("a: Invalid value: \"x\": bad", ApiErrors.Invalid("a", "x", "bad").ToString());
        Assert.Equal("a: Unsupported value: \"x\": supported values: \"y\", \"z\"", ApiErrors.NotSupported("a", "x", ["y", "z"]).ToString());
    }
}
