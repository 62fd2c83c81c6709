namespace Detector.Operator.Predictions;

/// <summary>Where <c>detector predict</c> sends the image, and how to name the classes it gets back.</summary>
/// <param name="EndpointName">The SageMaker endpoint.</param>
/// <param name="InferenceComponentName">The inference component header; null for a single-model endpoint.</param>
/// <param name="ClassNames">Class names in id order when known (from the model's Dataset), else null.</param>
public sealed record ResolvedEndpoint(string EndpointName, string? InferenceComponentName, IReadOnlyList<string>? ClassNames);
