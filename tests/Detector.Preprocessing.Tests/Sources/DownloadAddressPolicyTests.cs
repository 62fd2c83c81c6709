using System.Net;
using Detector.Preprocessing.Sources;

namespace Detector.Preprocessing.Tests.Sources;

/// <summary>Which addresses a download may connect to, after DNS resolution.</summary>
public class DownloadAddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.8.9.10", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("169.254.169.254", "link-local (cloud metadata)")]
    [InlineData("169.254.0.1", "link-local (cloud metadata)")]
    [InlineData("::ffff:169.254.169.254", "link-local (cloud metadata)")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("febf::1", "link-local")]
    [InlineData("fd00:ec2::254", "link-local (cloud metadata)")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("0.1.2.3", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("93.184.216.34", null)]
    [InlineData("10.0.0.5", null)]
    [InlineData("192.168.1.1", null)]
    [InlineData("169.253.255.255", null)]
    [InlineData("2606:4700::1111", null)]
    [InlineData("fd00:ec2::253", null)]
    [InlineData("fec0::1", null)]
    public void Refusal_Table(string address, string? reason)
    {
        Assert.Equal(reason, DownloadAddressPolicy.Refusal(IPAddress.Parse(address)));
    }

    [Fact]
    public async Task OpenAsync_HostResolvingToLoopback_IsRefusedNamingTheUrlAndTheAddress()
    {
        var work = Directory.CreateTempSubdirectory("address-policy-").FullName;
        try
        {
            // "localhost" resolves through DNS (the hosts file) to 127.0.0.1 / ::1: the check runs after resolution.
            var error = await Assert.ThrowsAsync<HttpRequestException>(() => DatasetSources.OpenAsync(
                "http://localhost:9/data.zip", new SourceOptions { WorkDirectory = work }, CancellationToken.None));

            Assert.Contains("http://localhost:9/data.zip", error.Message, StringComparison.Ordinal);
            Assert.Contains("is loopback", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
