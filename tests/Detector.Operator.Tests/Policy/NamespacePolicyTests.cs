using Detector.Operator.Policy;

namespace Detector.Operator.Tests.Policy;

public class NamespacePolicyTests
{
    private const string Yaml = """
        namespaces:
          vision:
            roleArns: ["arn:aws:iam::123456789012:role/vision-*", "arn:aws:iam::123456789012:role/shared"]
            s3Prefixes: ["s3://ml/vision/", "s3://ml/shared"]
            serviceAccountNames: [datasets]
          empty: {}
        default:
          roleArns: ["arn:aws:iam::123456789012:role/sandbox"]
          s3Prefixes: ["s3://sandbox/"]
        """;

    private static readonly NamespacePolicy s_policy = NamespacePolicy.Parse(Yaml);

    [Theory]
    [InlineData("vision", "arn:aws:iam::123456789012:role/vision-training", true)]
    [InlineData("vision", "arn:aws:iam::123456789012:role/shared", true)]
    [InlineData("vision", "arn:aws:iam::123456789012:role/shared2", false)]
    [InlineData("vision", "arn:aws:iam::123456789012:role/admin", false)]
    [InlineData("vision", "arn:aws:iam::999999999999:role/vision-training", false)]
    [InlineData("empty", "arn:aws:iam::123456789012:role/vision-training", false)]
    [InlineData("other", "arn:aws:iam::123456789012:role/sandbox", true)]
    [InlineData("other", "arn:aws:iam::123456789012:role/vision-training", false)]
    public void Check_RoleArn(string ns, string role, bool allowed)
    {
        var errors = s_policy.Check(ns, [new PolicyValue("spec.roleArn", role)], []);
        Assert.Equal(allowed, errors.Count == 0);
        if (!allowed) Assert.Equal("spec.roleArn", errors[0].Field);
    }

    [Theory]
    [InlineData("vision", "s3://ml/vision/data/train.rec", true)]
    [InlineData("vision", "s3://ml/vision", true)]
    [InlineData("vision", "s3://ml/shared", true)]
    [InlineData("vision", "s3://ml/shared/x", true)]
    [InlineData("vision", "s3://ml/sharedx/x", false)]
    [InlineData("vision", "s3://ml/visionary/x", false)]
    [InlineData("vision", "s3://ml/vision/../finance/x", false)]
    [InlineData("vision", "s3://other/vision/x", false)]
    [InlineData("other", "s3://sandbox/x", true)]
    public void Check_S3Uri(string ns, string uri, bool allowed)
    {
        var errors = s_policy.Check(ns, [], [new PolicyValue("spec.output.s3.uri", uri)]);
        Assert.Equal(allowed, errors.Count == 0);
        if (!allowed) Assert.Contains(uri, errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vision", "datasets", true)]
    [InlineData("vision", "default", false)]
    [InlineData("other", "anything", true)]
    public void Check_ServiceAccount(string ns, string account, bool allowed) =>
        Assert.Equal(allowed, s_policy.Check(ns, [], [], [new PolicyValue("spec.serviceAccountName", account)]).Count == 0);

    [Fact]
    public void Check_WithoutDefault_DeniesUnlistedNamespaces()
    {
        var policy = NamespacePolicy.Parse("namespaces: {vision: {roleArns: ['arn:aws:iam::1:role/x']}}");
        var error = Assert.Single(policy.Check("marketing", [new PolicyValue("spec.roleArn", "arn:aws:iam::1:role/x")], []));
        Assert.Contains("not listed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_JsonPolicy_IsAccepted() =>
        Assert.Empty(NamespacePolicy.Parse("""{"namespaces":{"a":{"s3Prefixes":["s3://b/"]}}}""").Check("a", [], [new PolicyValue("f", "s3://b/k")]));

    [Theory]
    [InlineData("namespaces: {a: {roles: []}}", "roles")]
    [InlineData("namespaces: {a: {s3Prefixes: ['ml/data']}}", "s3Prefixes")]
    [InlineData("namespaces: {a: {roleArns: ['admin']}}", "roleArns")]
    [InlineData("namespaces: [1, 2]", "namespaces")]
    public void Parse_InvalidPolicy_Throws(string text, string mention)
    {
        var error = Assert.Throws<FormatException>(() => NamespacePolicy.Parse(text));
        Assert.Contains(mention, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arn:aws:iam::1:role/*", "arn:aws:iam::1:role/x", true)]
    [InlineData("arn:aws:iam::1:role/x", "arn:aws:iam::1:role/X", false)]
    [InlineData("*", "arn:aws:iam::1:role/x", true)]
    public void PolicyMatch_Role(string allowed, string role, bool matches) => Assert.Equal(matches, PolicyMatch.Role(allowed, role));
}
