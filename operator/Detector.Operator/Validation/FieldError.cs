namespace Detector.Operator.Validation;

/// <summary>One problem with an object, located by a field path such as <c>spec.hyperparameters.learningRate</c>.</summary>
/// <param name="Field">Dotted path from the object's root; list items as <c>[i]</c>, map entries as <c>[key]</c>.</param>
/// <param name="Message">What is wrong, in the API server's words where it has some.</param>
public sealed record FieldError(string Field, string Message)
{
    /// <summary><c>field: message</c>, the form users see.</summary>
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>Builds field paths the way the API server prints them.</summary>
public static class FieldPath
{
    /// <summary>Appends a property name: <c>spec</c> + <c>source</c> → <c>spec.source</c>.</summary>
    public static string Child(string parent, string name) => parent.Length == 0 ? name : parent + "." + name;

    /// <summary>Appends a list index: <c>spec.ranges.continuous[0]</c>.</summary>
    public static string Index(string parent, int index) => $"{parent}[{index}]";

    /// <summary>Appends a map key: <c>spec.tags[team]</c>.</summary>
    public static string Key(string parent, string key) => $"{parent}[{key}]";
}
