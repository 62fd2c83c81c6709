namespace Detector.Operator.Api;

// Small declarative constraints on the API types. The CRD generator (Crds/) turns them into OpenAPI keywords and
// CEL rules, so the C# type is the one place where a field, its documentation and its limits are written down.

/// <summary>The field must be present (OpenAPI <c>required</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredAttribute : Attribute;

/// <summary>Lower bound of a number (OpenAPI <c>minimum</c>, with <c>exclusiveMinimum</c> when <see cref="Exclusive"/>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MinimumAttribute(double value) : Attribute
{
    /// <summary>The bound.</summary>
    public double Value { get; } = value;

    /// <summary>True when the bound itself is not allowed.</summary>
    public bool Exclusive { get; init; }
}

/// <summary>Upper bound of a number (OpenAPI <c>maximum</c>, with <c>exclusiveMaximum</c> when <see cref="Exclusive"/>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaximumAttribute(double value) : Attribute
{
    /// <summary>The bound.</summary>
    public double Value { get; } = value;

    /// <summary>True when the bound itself is not allowed.</summary>
    public bool Exclusive { get; init; }
}

/// <summary>A regular expression the whole string must match (OpenAPI <c>pattern</c>; write it anchored).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PatternAttribute(string regex) : Attribute
{
    /// <summary>The ECMA-262 compatible expression.</summary>
    public string Regex { get; } = regex;
}

/// <summary>String length bounds (OpenAPI <c>minLength</c>/<c>maxLength</c>); on a list or map, bounds its string items or values.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class LengthAttribute(int min, int max) : Attribute
{
    /// <summary>Smallest allowed length.</summary>
    public int Min { get; } = min;

    /// <summary>Largest allowed length.</summary>
    public int Max { get; } = max;
}

/// <summary>List size bounds (OpenAPI <c>minItems</c>/<c>maxItems</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ItemsAttribute(int min, int max) : Attribute
{
    /// <summary>Smallest allowed number of items.</summary>
    public int Min { get; } = min;

    /// <summary>Largest allowed number of items.</summary>
    public int Max { get; } = max;
}

/// <summary>Largest number of entries in a map (OpenAPI <c>maxProperties</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaxPropertiesAttribute(int max) : Attribute
{
    /// <summary>The bound.</summary>
    public int Max { get; } = max;
}

/// <summary>The allowed values of a string (OpenAPI <c>enum</c>); on a list, of its items.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EnumAttribute(params string[] values) : Attribute
{
    /// <summary>The allowed values, in documentation order.</summary>
    public IReadOnlyList<string> Values { get; } = values;
}

/// <summary>The field may not change once set (a CEL transition rule). On a required field: <c>self == oldSelf</c>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ImmutableAttribute : Attribute;

/// <summary>Exactly one of the named fields of this object must be set (a CEL rule on the object).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ExactlyOneOfAttribute(params string[] fields) : Attribute
{
    /// <summary>JSON names of the alternative fields.</summary>
    public IReadOnlyList<string> Fields { get; } = fields;
}

/// <summary>Keeps the C# initializer value out of the schema's <c>default</c> (the operator decides at run time).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NoDefaultAttribute : Attribute;

/// <summary>A <c>kubectl get</c> column of the kind (an <c>additionalPrinterColumns</c> entry).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class PrinterColumnAttribute(string name, string type, string jsonPath) : Attribute
{
    /// <summary>Column header.</summary>
    public string Name { get; } = name;

    /// <summary>OpenAPI type of the value: string, integer, number, boolean or date.</summary>
    public string Type { get; } = type;

    /// <summary>JSONPath below the object, e.g. <c>.status.phase</c>.</summary>
    public string JsonPath { get; } = jsonPath;

    /// <summary>0 shows in the default view, 1 only with <c>-o wide</c>.</summary>
    public int Priority { get; init; }

    /// <summary>What the column shows.</summary>
    public string Description { get; init; } = "";

    /// <summary>Display order (the attributes' declaration order is not guaranteed by reflection).</summary>
    public int Order { get; init; }
}

/// <summary>Names of a kind that the generator cannot derive: plural and short names.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ResourceNamesAttribute(string plural, params string[] shortNames) : Attribute
{
    /// <summary>Lower-case plural, e.g. <c>datasets</c>.</summary>
    public string Plural { get; } = plural;

    /// <summary>Short names for kubectl; none may clash with a built-in kind's.</summary>
    public IReadOnlyList<string> ShortNames { get; } = shortNames;
}
