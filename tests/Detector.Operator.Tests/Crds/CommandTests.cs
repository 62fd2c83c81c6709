using System.CommandLine;
using Detector.Operator.Cli;
using Detector.Operator.Validation;

namespace Detector.Operator.Tests.Crds;

public sealed class CommandTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("detector-crds-");

    public void Dispose() => _temp.Delete(recursive: true);

    [Fact]
    public async Task CrdsCommand_OutputDir_WritesTheCheckedInFilesByteForByte()
    {
        var exit = await new RootCommand { CrdsCommand.Create() }.Parse(["crds", "--output-dir", _temp.FullName]).InvokeAsync();
        Assert.Equal(0, exit);
        var written = _temp.EnumerateFiles("*.yaml").Select(f => f.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(CrdFiles.Yaml.Select(Path.GetFileName), written);
        foreach (var name in written)
            Assert.True(File.ReadAllBytes(Path.Combine(CrdFiles.Folder, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_temp.FullName, name))),
                $"crds/{name} differs from `detector crds`; run `dotnet run --project operator/Detector.Operator -- crds --output-dir crds`");
    }

    [Fact]
    public async Task ValidateCommand_Samples_ExitsZero()
    {
        var policy = Path.Combine(CrdFiles.Samples, "policy", "namespace-policy.yaml");
        var exit = await new RootCommand { ValidateCommand.Create() }.Parse(["validate", "-f", CrdFiles.Samples, "--policy", policy]).InvokeAsync();
        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task ValidateCommand_BrokenManifest_ExitsOne()
    {
        var path = Path.Combine(_temp.FullName, "broken.yaml");
        await File.WriteAllTextAsync(path, File.ReadAllText(Path.Combine(CrdFiles.Samples, "01-dataset.yaml")).Replace("jpegQuality: 95", "jpegQuality: 0", StringComparison.Ordinal));
        var exit = await new RootCommand { ValidateCommand.Create() }.Parse(["validate", "-f", path]).InvokeAsync();
        Assert.Equal(1, exit);
    }

    [Fact]
    public async Task ValidateCommand_CrdsFolder_ChecksTheCrdsWithTheServerRules_AndExitsZero()
    {
        var exit = await new RootCommand { ValidateCommand.Create() }.Parse(["validate", "-f", CrdFiles.Folder]).InvokeAsync();
        Assert.Equal(0, exit);
        var report = ManifestValidation.Validate("crd.yaml", File.ReadAllText(Path.Combine(CrdFiles.Folder, "datasets.detector.dev.yaml")), null);
        Assert.Equal((1, 0), (report.Checked, report.Problems.Count));
    }

    [Fact]
    public async Task ValidateCommand_PreviousGeneratorOutput_ExitsOneWithTheServersMessage()
    {
        var path = Path.Combine(Detector.Testing.SharedData.RepositoryRoot, "tests", "Detector.Operator.Tests", "Crds", "Inputs", "previous-registeredmodels.detector.dev.yaml");
        var exit = await new RootCommand { ValidateCommand.Create() }.Parse(["validate", "-f", path]).InvokeAsync();
        Assert.Equal(1, exit);
        var problem = Assert.Single(ManifestValidation.Validate("old.yaml", File.ReadAllText(path), null).Problems);
        Assert.Equal("old.yaml: CustomResourceDefinition/registeredmodels.detector.dev: spec.validation.openAPIV3Schema.properties[metadata]: " +
            "Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified", problem.ToString());
    }

    [Fact]
    public async Task ValidateCommand_MissingFile_ExitsOne()
    {
        var exit = await new RootCommand { ValidateCommand.Create() }.Parse(["validate", "-f", Path.Combine(_temp.FullName, "nope.yaml")]).InvokeAsync();
        Assert.Equal(1, exit);
    }
}
