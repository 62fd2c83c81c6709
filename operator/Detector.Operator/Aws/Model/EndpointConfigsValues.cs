// Generated from the AWS API model ../shared/aws-models/sagemaker-2017-07-24.json (Apache-2.0) and reviewed:
// member names, types and required flags are the model's; summaries are condensed from its documentation.

namespace Detector.Operator.Aws;

/// <summary>Values of the SageMaker CaptureMode enumeration (the wire carries plain strings).</summary>
public static class CaptureMode
{
    /// <summary>The value <c>Input</c>.</summary>
    public const string Input = "Input";
    /// <summary>The value <c>Output</c>.</summary>
    public const string Output = "Output";
    /// <summary>The value <c>InputAndOutput</c>.</summary>
    public const string InputAndOutput = "InputAndOutput";
}

/// <summary>Values of the SageMaker ProductionVariantInferenceAmiVersion enumeration (the wire carries plain strings).</summary>
public static class ProductionVariantInferenceAmiVersion
{
    /// <summary>The value <c>al2-ami-sagemaker-inference-gpu-2</c>.</summary>
    public const string Al2_ami_sagemaker_inference_gpu_2 = "al2-ami-sagemaker-inference-gpu-2";
    /// <summary>The value <c>al2-ami-sagemaker-inference-gpu-2-1</c>.</summary>
    public const string Al2_ami_sagemaker_inference_gpu_2_1 = "al2-ami-sagemaker-inference-gpu-2-1";
    /// <summary>The value <c>al2-ami-sagemaker-inference-gpu-3-1</c>.</summary>
    public const string Al2_ami_sagemaker_inference_gpu_3_1 = "al2-ami-sagemaker-inference-gpu-3-1";
    /// <summary>The value <c>al2-ami-sagemaker-inference-neuron-2</c>.</summary>
    public const string Al2_ami_sagemaker_inference_neuron_2 = "al2-ami-sagemaker-inference-neuron-2";
    /// <summary>The value <c>al2023-ami-sagemaker-inference-gpu-4-1</c>.</summary>
    public const string Al2023_ami_sagemaker_inference_gpu_4_1 = "al2023-ami-sagemaker-inference-gpu-4-1";
}
