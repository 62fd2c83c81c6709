using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.Fakes.SageMaker;

// Changes someone makes in the console or with the AWS CLI while the operator is not looking, applied at once (as if
// the change had finished), so a test can check that the operator's periodic look finds and undoes them.
public sealed partial class FakeSageMaker
{
    /// <summary>Removes an inference component at once, as if it was deleted out of band and the deletion finished.</summary>
    public void DeleteInferenceComponentOutOfBand(string componentName) => _backend.DeleteInferenceComponentOutOfBand(componentName);

    /// <summary>Sets an InService inference component's copy count at once, as a finished out-of-band runtime-config update.</summary>
    public void SetInferenceComponentCopiesOutOfBand(string componentName, int copies) => _backend.SetInferenceComponentCopiesOutOfBand(componentName, copies);

    /// <summary>
    /// Copies the InService endpoint's config as <paramref name="newConfigName"/> and moves the endpoint onto it at once,
    /// as a finished out-of-band UpdateEndpoint to a config the operator never made.
    /// </summary>
    public void UpdateEndpointOutOfBand(string endpointName, string newConfigName) => _backend.UpdateEndpointOutOfBand(endpointName, newConfigName);

    /// <summary>DescribeEndpointConfig's answer now, or null.</summary>
    public JsonObject? EndpointConfig(string name) => _backend.DescribeEndpointConfigOrNull(name);
}
