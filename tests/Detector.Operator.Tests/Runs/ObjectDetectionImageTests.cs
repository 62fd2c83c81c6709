using Detector.Operator.Runs;

namespace Detector.Operator.Tests.Runs;

public class ObjectDetectionImageTests
{
    [Theory]
    [InlineData("us-east-1", "811284229777.dkr.ecr.us-east-1.amazonaws.com/object-detection:1")]
    [InlineData("eu-west-1", "685385470294.dkr.ecr.eu-west-1.amazonaws.com/object-detection:1")]
    [InlineData("cn-north-1", "390948362332.dkr.ecr.cn-north-1.amazonaws.com.cn/object-detection:1")]
    [InlineData("us-gov-west-1", "226302683700.dkr.ecr.us-gov-west-1.amazonaws.com/object-detection:1")]
    [InlineData("us-iso-east-1", "490574956308.dkr.ecr.us-iso-east-1.c2s.ic.gov/object-detection:1")]
    [InlineData("us-isob-east-1", "765400339828.dkr.ecr.us-isob-east-1.sc2s.sgov.gov/object-detection:1")]
    [InlineData("us-isof-south-1", "124985052026.dkr.ecr.us-isof-south-1.csp.hci.ic.gov/object-detection:1")]
    public void For_RegionWithTheImage_GivesItsUri(string region, string uri)
    {
        Assert.Equal(uri, ObjectDetectionImage.For(region));
        Assert.Null(ObjectDetectionImage.Problem(region));
    }

    [Theory]
    [InlineData("ap-southeast-5")]
    [InlineData("mx-central-1")]
    [InlineData("eusc-de-east-1")]
    public void For_RegionWithoutTheImage_IsRefusedNamingTheRegionAndTheFlag(string region)
    {
        Assert.Null(ObjectDetectionImage.For(region));
        var problem = ObjectDetectionImage.Problem(region)!;
        Assert.Contains(region, problem);
        Assert.Contains("--aws-region", problem);
    }

    [Fact]
    public void Problem_NoRegion_NamesTheFlag() => Assert.Contains("--aws-region", ObjectDetectionImage.Problem(null));

    [Fact]
    public void Regions_AreTheThirtySevenOfTheReference() => Assert.Equal(37, ObjectDetectionImage.Regions.Count);
}
