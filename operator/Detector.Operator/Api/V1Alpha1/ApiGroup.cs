namespace Detector.Operator.Api.V1Alpha1;

/// <summary>The API group and version every Detector kind belongs to.</summary>
public static class ApiGroup
{
    /// <summary>The API group, also the prefix of our finalizers, labels and annotations.</summary>
    public const string Name = "detector.dev";

    /// <summary>The one served and stored version.</summary>
    public const string Version = "v1alpha1";

    /// <summary><c>detector.dev/v1alpha1</c>, the <c>apiVersion</c> of every Detector object.</summary>
    public const string ApiVersion = Name + "/" + Version;

    /// <summary>The <c>kubectl get detector</c> category shared by all kinds.</summary>
    public const string Category = "detector";
}
