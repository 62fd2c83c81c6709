using System.Text.Json;
using Detector.Operator.Validation;

namespace Detector.Operator.Tests.Validation;

public class YamlDocumentsTests
{
    [Theory]
    [InlineData("v: 512", JsonValueKind.Number, "512")]
    [InlineData("v: \"512\"", JsonValueKind.String, "\"512\"")]
    [InlineData("v: 0.001", JsonValueKind.Number, "0.001")]
    [InlineData("v: 1e-6", JsonValueKind.Number, "1E-06")]
    [InlineData("v: true", JsonValueKind.True, "true")]
    [InlineData("v: 'true'", JsonValueKind.String, "\"true\"")]
    [InlineData("v: '#727272'", JsonValueKind.String, "\"#727272\"")]
    [InlineData("v: s3://b/p", JsonValueKind.String, "\"s3://b/p\"")]
    [InlineData("v: 10,20", JsonValueKind.String, "\"10,20\"")]
    [InlineData("v: validation:mAP", JsonValueKind.String, "\"validation:mAP\"")]
    public void Parse_TypesScalarsLikeKubectl(string yaml, JsonValueKind kind, string json)
    {
        var value = YamlDocuments.Parse(yaml).Single()!["v"]!;
        Assert.Equal(kind, value.GetValueKind());
        Assert.Equal(json, value.ToJsonString(), ignoreCase: true);
    }

    [Fact]
    public void Parse_NullScalar_IsJsonNull() => Assert.Null(YamlDocuments.Parse("v: ~").Single()!["v"]);

    [Fact]
    public void Parse_MultiDocument_SkipsEmptyDocuments()
    {
        var documents = YamlDocuments.Parse("---\na: 1\n---\n---\nb: [x, 2]\n");
        Assert.Equal(2, documents.Count);
        Assert.Equal("""{"b":["x",2]}""", documents[1]!.ToJsonString());
    }

    [Theory]
    [InlineData("a: [1, 2")]
    [InlineData("a: 1\na: 2")]
    public void Parse_Invalid_ThrowsFormatException(string yaml) => Assert.Throws<FormatException>(() => YamlDocuments.Parse(yaml));
}
