using Detector.Preprocessing.Layout;

namespace Detector.Preprocessing.Tests.Layout;

public class ClassNamesTests
{
    [Theory]
    [InlineData("names: [fish, 'jelly fish', \"shark\"]\nnc: 3\n")]
    [InlineData("nc: 3\nnames:\n  - fish\n  - jelly fish\n  - shark\n")]
    [InlineData("names:\n- fish\n- 'jelly fish'\n- shark\ntrain: ../train/images\n")]
    [InlineData("path: .\nnames:\n  0: fish\n  1: jelly fish\n  2: shark # the big one\n")]
    [InlineData("train: x\nval: y\nnc: 3\nnames: ['fish', 'jelly fish', 'shark']\n")]
    public void DataYaml_SupportedForms_ParseToSameNames(string yaml)
    {
        Assert.Equal(["fish", "jelly fish", "shark"], DataYamlNames.Parse(yaml));
    }

    [Theory]
    [InlineData("nc: 2\nnames: [a, b, c]\n", "nc is 2 but names lists 3")]
    [InlineData("nc: 3\n", "no 'names'")]
    [InlineData("names:\n  0: a\n  2: c\n", "skips class id 1")]
    [InlineData("names: a b c\n", "line 1")]
    [InlineData("names: [a, a]\n", "'a' appears more than once")]
    public void DataYaml_Malformed_ThrowsNamingTheProblem(string yaml, string expected)
    {
        var error = Assert.Throws<DatasetLayoutException>(() => DataYamlNames.Parse(yaml));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Resolve_CommandLine_WinsOverFiles()
    {
        var (names, source) = ClassNames.Resolve("x, y", "a\nb\n", "names: [c]");

        Assert.Equal(["x", "y"], names);
        Assert.Equal(ClassNamesSource.CommandLine, source);
    }

    [Fact]
    public void Resolve_ClassesTxt_WinsOverDataYaml()
    {
        var (names, source) = ClassNames.Resolve(null, "a\r\nb\n\n", "names: [c]");

        Assert.Equal(["a", "b"], names);
        Assert.Equal(ClassNamesSource.ClassesTxt, source);
    }

    [Fact]
    public void Resolve_OnlyDataYaml_UsesIt()
    {
        Assert.Equal(ClassNamesSource.DataYaml, ClassNames.Resolve(null, null, "names: [c]").Source);
    }

    [Fact]
    public void Resolve_NothingGiven_ThrowsSayingWhatToAdd()
    {
        var error = Assert.Throws<DatasetLayoutException>(() => ClassNames.Resolve(null, null, null));

        Assert.Contains("--classes", error.Message);
    }

    [Fact]
    public void ParseClassesTxt_BlankLineInside_Throws()
    {
        Assert.Throws<DatasetLayoutException>(() => ClassNames.ParseClassesTxt("a\n\nb\n"));
    }

    public static TheoryData<string, string> OverLimits() => new()
    {
        { string.Join("\n", Enumerable.Range(0, 1001).Select(i => $"c{i}")), "1,001 class names, more than the limit of 1,000" },
        { "a\n" + new string('b', 129), "class 1 name is 129 characters, more than the limit of 128" },
        { "a\nfish\u001b[31m", "class 1 name 'fish\\x1B[31m' holds a control character" },
    };

    [Theory]
    [MemberData(nameof(OverLimits))]
    public void ParseClassesTxt_PastTheCrdLimits_ThrowsNamingTheLimit(string text, string expected)
    {
        var error = Assert.Throws<DatasetLayoutException>(() => ClassNames.ParseClassesTxt(text));

        Assert.Equal("classes.txt: " + expected, error.Message);
    }

    [Fact]
    public void ParseClassesTxt_AtTheCrdLimits_IsAccepted()
    {
        var names = Enumerable.Range(0, 1000).Select(i => i == 0 ? new string('n', 128) : $"c{i}").ToList();

        Assert.Equal(names, ClassNames.ParseClassesTxt(string.Join("\n", names)));
    }
}
