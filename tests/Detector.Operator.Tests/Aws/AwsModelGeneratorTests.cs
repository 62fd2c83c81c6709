using System.Text.Json.Nodes;
using Detector.AwsModelGen;

namespace Detector.Operator.Tests.Aws;

/// <summary>The generator's rules on small inputs: summaries, constraints, names, the list format and file placement.</summary>
public class AwsModelGeneratorTests
{
    [Theory]
    [InlineData("<p>Starts a model training job. After training completes, SageMaker saves it.</p>", "Starts a model training job.")]
    [InlineData("<p>The <code>Name</code> of a job, e.g. <i>my-job</i>. More.</p>", "The Name of a job, e.g. my-job.")]
    [InlineData("<p>Uses version 2.0 of the API</p>", "Uses version 2.0 of the API.")]
    [InlineData("<p>A &lt;b&gt; &amp; c</p>", "A &lt;b&gt; &amp; c.")]
    [InlineData(null, "")]
    public void FirstSentence_IsPlainEscapedTextUpToTheFirstSentenceEnd(string? html, string expected) =>
        Assert.Equal(expected, Summaries.FirstSentence(html));

    [Fact]
    public void FirstSentence_CutsALongSentenceAtAWord()
    {
        var sentence = Summaries.FirstSentence("<p>" + string.Join(' ', Enumerable.Repeat("word", 100)) + ".</p>");

        Assert.True(sentence.Length <= Summaries.MaxSummaryLength + 1, sentence);
        Assert.EndsWith("word…", sentence);
    }

    [Theory]
    [InlineData("""{"type":"string","min":1,"max":63}""", "Length 1–63.")]
    [InlineData("""{"type":"string","max":256}""", "Length 0–256.")]
    [InlineData("""{"type":"integer","min":50}""", "Range at least 50.")]
    [InlineData("""{"type":"double","max":1.5}""", "Range at most 1.5.")]
    [InlineData("""{"type":"list","member":{"shape":"X"},"min":1,"max":20}""", "Items 1–20.")]
    [InlineData("""{"type":"map","key":{"shape":"K"},"value":{"shape":"V"},"max":100}""", "Entries 0–100.")]
    [InlineData("""{"type":"boolean"}""", "")]
    public void Constraint_StatesTheShapesLimits(string shape, string expected) =>
        Assert.Equal(expected, Summaries.Constraint(JsonNode.Parse(shape)!));

    [Theory]
    [InlineData("InProgress", "InProgress")]
    [InlineData("ml.m5.large", "Ml_m5_large")]
    [InlineData("capacity-reservations-only", "Capacity_reservations_only")]
    [InlineData("1Gbps", "_1Gbps")]
    public void ConstantName_IsAnIdentifierCloseToTheValue(string value, string expected) =>
        Assert.Equal(expected, Summaries.ConstantName(value));

    [Theory]
    [InlineData("svc Group", "list.txt:1: expected '<model> <Group> <Operation>…'")]
    [InlineData("svc 9Group Op", "list.txt:1: group '9Group' is not a C# identifier")]
    [InlineData("svc A Op\nsvc B Op", "list.txt:2: operation 'Op' of svc is listed twice")]
    [InlineData("svc A Op\nsvc B Other\nsvc A Third", "list.txt:3: group 'A' is listed twice")]
    [InlineData("omit svc Type", "list.txt:1: expected 'omit <model> <Type> <Member>…'")]
    [InlineData("svc A Op\nomit other Type Member", "list.txt: omits members of other, which no line lists operations of")]
    [InlineData("# only a comment", "list.txt: lists no operations")]
    public void OperationsList_RejectsABadLineWithItsFileAndLine(string text, string message)
    {
        var error = Assert.Throws<GeneratorException>(() => OperationsList.Parse(text, "list.txt"));

        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void Generate_PlacesSharedShapesInCommonAndRenamesOperationShapes()
    {
        var list = OperationsList.Parse("tiny A GetThing DropThing\ntiny B PutThing", "list.txt");

        var files = ModelGenerator.Generate(list, _ => JsonNode.Parse(TinyModel)!);

        Assert.Equal(["A.cs", "AValues.cs", "B.cs", "TinyCommonShapes.cs"], files.Keys);
        Assert.Contains("public sealed record GetThingRequest", files["A.cs"]);
        Assert.Contains("public sealed record DropThingResponse;", files["A.cs"]);
        Assert.Contains("[JsonPropertyName(\"thingName\")] public required string ThingName { get; init; }", files["A.cs"]);
        Assert.Contains("using System.Text.Json.Serialization;", files["A.cs"]);
        Assert.Contains("public sealed record Thing\n", files["TinyCommonShapes.cs"]);
        Assert.Contains("public const string Ml_m5_large = \"ml.m5.large\";", files["AValues.cs"]);
        Assert.DoesNotContain("class Huge", string.Concat(files.Values));
        Assert.Contains("One of the Huge values.", files["A.cs"]);
        Assert.All(files.Values, text => Assert.StartsWith(ModelGenerator.Marker, text));
    }

    [Fact]
    public void Generate_LeavesOutAnOmittedMemberAndTheShapesOnlyItReaches()
    {
        var list = OperationsList.Parse("tiny A GetThing DropThing\ntiny B PutThing\nomit tiny GetThingResponse Thing\nomit tiny PutThingRequest Thing", "list.txt");

        var files = ModelGenerator.Generate(list, _ => JsonNode.Parse(TinyModel)!);

        Assert.DoesNotContain("TinyCommonShapes.cs", files.Keys);
        Assert.Contains("public sealed record GetThingResponse;", files["A.cs"]);
        Assert.Contains("ThingName", files["A.cs"]);
    }

    [Theory]
    [InlineData("omit tiny GetThingRequest ThingName", "tiny.json: GetThingRequest.ThingName is required by the model and cannot be omitted")]
    [InlineData("omit tiny Thing Colour", "aws-operations.txt: omit Thing.Colour: no generated record from tiny.json has that member")]
    public void Generate_RefusesAnOmissionItCannotApply(string omit, string message)
    {
        var list = OperationsList.Parse("tiny A GetThing DropThing\ntiny B PutThing\n" + omit, "list.txt");

        var error = Assert.Throws<GeneratorException>(() => ModelGenerator.Generate(list, _ => JsonNode.Parse(TinyModel)!));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Generate_NamesAMissingOperation()
    {
        var list = OperationsList.Parse("tiny A Nope", "list.txt");

        var error = Assert.Throws<GeneratorException>(() => ModelGenerator.Generate(list, _ => JsonNode.Parse(TinyModel)!));

        Assert.Equal("tiny.json: the model has no operation 'Nope'", error.Message);
    }

    private static readonly string Huge = string.Join(',', Enumerable.Range(0, ModelGenerator.MaxEnumConstants + 1).Select(i => $"\"v{i}\""));

    private static string TinyModel => $$"""
        {
          "metadata": { "serviceId": "Tiny" },
          "operations": {
            "GetThing": { "input": { "shape": "GetIn" }, "output": { "shape": "GetOut" }, "documentation": "<p>Gets a thing.</p>" },
            "DropThing": { "input": { "shape": "DropIn" } },
            "PutThing": { "input": { "shape": "PutIn" } }
          },
          "shapes": {
            "GetIn": { "type": "structure", "required": ["thingName"], "members": {
              "thingName": { "shape": "Name" }, "Kind": { "shape": "Kind" }, "Size": { "shape": "Huge" } } },
            "DropIn": { "type": "structure", "members": { "Name": { "shape": "Name" } } },
            "GetOut": { "type": "structure", "members": { "Thing": { "shape": "Thing" } } },
            "PutIn": { "type": "structure", "members": { "Thing": { "shape": "Thing" } } },
            "Thing": { "type": "structure", "members": { "Name": { "shape": "Name" } }, "documentation": "<p>A thing.</p>" },
            "Name": { "type": "string", "min": 1, "max": 63 },
            "Kind": { "type": "string", "enum": ["ml.m5.large", "InProgress"] },
            "Huge": { "type": "string", "enum": [{{Huge}}] }
          }
        }
        """;
}
