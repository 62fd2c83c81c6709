using Detector.Operator.Policy;
using Detector.Operator.Tests.Charts;
using Detector.Testing;

namespace Detector.Operator.Tests.Policy;

public sealed class AdmissionPolicyTemplateTests
{
    [Fact]
    public void ChartTemplate_ComparedWithGenerator_IsIdentical()
    {
        var path = Path.Combine(SharedData.RepositoryRoot, AdmissionPolicyTemplate.ChartPath);
        Assert.True(File.ReadAllText(path) == AdmissionPolicyTemplate.Render(),
            $"{AdmissionPolicyTemplate.ChartPath} differs from the rule table: run `dotnet run --project operator/Detector.Operator -- admission-policies --output {AdmissionPolicyTemplate.ChartPath}`");
    }

    [Fact]
    public void Render_EveryGovernedFieldAndRule_HasAValidationNamingTheField()
    {
        var text = AdmissionPolicyTemplate.Render();
        foreach (var field in PolicyInputs.Fields)
            foreach (var rule in PolicyRules.All.Where(r => r.Applies == field.Type))
                Assert.Contains($"    # {field.Field}: {rule.Name}\n    - expression: ", text, StringComparison.Ordinal);
        // Helm would read "{{" inside an expression as a template action.
        var generated = text[text.IndexOf("---", StringComparison.Ordinal)..];
        Assert.All(generated.Split('\n').Where(l => l.TrimStart().StartsWith("- expression:", StringComparison.Ordinal) || l.Contains("messageExpression", StringComparison.Ordinal)),
            line => Assert.DoesNotContain("{{", line, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://example.com/a.zip", "example.com")]
    [InlineData("http://user:pw@Example.com:8080/a.zip?x=1", "Example.com")]
    [InlineData("https://[fd00:ec2::254]:443/a", "fd00:ec2::254")]
    [InlineData("https://a.example.com@169.254.169.254/a", "169.254.169.254")]
    [InlineData("https://host", "host")]
    public void Hostname_Url_IsGoUrlHostname(string url, string host) => Assert.Equal(host, HostSafety.Hostname(url));

    [Theory]
    [InlineData("169.254.169.254", true)]
    [InlineData("169.254.0.1", true)]
    [InlineData("fd00:ec2::254", true)]
    [InlineData("fe80::1", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.1", true)]
    [InlineData("2852039166", true)]
    [InlineData("0x7f.0x1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:169.254.169.254", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("LOCALHOST", true)]
    [InlineData("a.localhost", true)]
    [InlineData("169.254.169.254.", true)]
    [InlineData("example.com", false)]
    [InlineData("Example.COM.", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("8.8.8.8", false)]
    public void IsInternal_Host(string host, bool refused) => Assert.Equal(refused, HostSafety.IsInternal(host));

    [Theory]
    [InlineData("arn:aws:iam::*:role/detector/{namespace}/*", "vision", "arn:aws:iam::123456789012:role/detector/vision/sagemaker", true)]
    [InlineData("arn:aws:iam::*:role/detector/{namespace}/*", "vision", "arn:aws:iam::123456789012:role/detector/vision-b/sagemaker", false)]
    [InlineData("arn:aws:iam::*:role/detector/{namespace}/*", "vision", "arn:aws:iam::123456789012:role/detector/finance/vision/x", false)]
    public void RolePattern_NamespacePlaceholder(string pattern, string ns, string role, bool matches) =>
        Assert.Equal(matches, PolicyMatch.Role(NamespaceRules.Expand(pattern, ns), role));
}
