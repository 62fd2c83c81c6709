using System.Text;
using Detector.Operator.Aws;

namespace Detector.Operator.Tests.Aws;

public class AwsErrorParserTests
{
    [Theory]
    [InlineData("""{"__type":"ValidationException","message":"Requested resource not found."}""", null, "ValidationException", "Requested resource not found.")]
    [InlineData("""{"__type":"com.amazonaws.sagemaker#ResourceNotFound","Message":"Could not find"}""", null, "ResourceNotFound", "Could not find")]
    [InlineData("""{"__type":"ResourceInUse:http://internal.amazon.com/coral/","message":"exists"}""", null, "ResourceInUse", "exists")]
    [InlineData("""{"message":"Rate exceeded"}""", "ThrottlingException:http://internal.amazon.com/", "ThrottlingException", "Rate exceeded")]
    [InlineData("""{"__type":"ThrottlingException"}""", null, "ThrottlingException", "")]
    [InlineData("", null, "503", "")]
    [InlineData("<html><body>Bad Gateway</body></html>", null, "503", "<html><body>Bad Gateway</body></html>")]
    [InlineData("[1,2]", null, "503", "[1,2]")]
    public void Parse_Json11Body_TakesTypeThenHeader(string body, string? header, string code, string message)
    {
        var error = AwsErrorParser.Parse(503, header, "req-1", Encoding.UTF8.GetBytes(body));

        Assert.Equal((code, message, "req-1"), (error.Code, error.Message, error.RequestId));
    }

    [Theory]
    [InlineData("""{"message":"Endpoint e not found."}""", "ValidationError:http://internal.amazon.com/", "ValidationError")]
    [InlineData("""{"code":"ModelError","Message":"boom"}""", null, "ModelError")]
    [InlineData("""{"Code":"ModelError"}""", null, "ModelError")]
    [InlineData("""{"__type":"com.amazon#ThrottlingException"}""", null, "ThrottlingException")]
    [InlineData("""{"__type":"InternalFailure"}""", "ServiceUnavailable", "ServiceUnavailable")]
    public void Parse_RestJson_TakesHeaderFirst(string body, string? header, string code) =>
        Assert.Equal(code, AwsErrorParser.Parse(400, header, null, Encoding.UTF8.GetBytes(body), restJson: true).Code);

    [Fact]
    public void Parse_HugeHtml_KeepsOnlyTheStart()
    {
        var error = AwsErrorParser.Parse(502, null, "", Encoding.UTF8.GetBytes(new string('x', 10_000)));

        Assert.Equal(515, error.Message.Length);
        Assert.Null(error.RequestId);
    }
}
