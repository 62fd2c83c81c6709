using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Detector.Operator.Crds;

/// <summary>
/// The <c>///</c> summaries of the API types, read from the XML documentation file the compiler writes beside the
/// assembly (detector.xml), turned into plain one-paragraph text for CRD descriptions.
/// </summary>
public sealed partial class XmlDocs
{
    private readonly Dictionary<string, string> _summaries;

    private XmlDocs(Dictionary<string, string> summaries) => _summaries = summaries;

    /// <summary>Loads the documentation file of <paramref name="assembly"/>; fails with the path when it is missing.</summary>
    public static XmlDocs For(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(path))
            throw new FileNotFoundException($"XML documentation file {path} not found; build with GenerateDocumentationFile=true", path);
        return Parse(XDocument.Load(path));
    }

    /// <summary>Loads the documentation file of <paramref name="assembly"/>, or returns null when there is none.</summary>
    public static XmlDocs? TryFor(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        return File.Exists(path) ? Parse(XDocument.Load(path)) : null;
    }

    /// <summary>Parses a compiler-written documentation file.</summary>
    public static XmlDocs Parse(XDocument document)
    {
        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in document.Descendants("member"))
        {
            var name = member.Attribute("name")?.Value;
            var summary = member.Element("summary");
            if (name is not null && summary is not null) summaries[name] = PlainText(summary);
        }
        return new XmlDocs(summaries);
    }

    /// <summary>The summary of a type, or null when it has none.</summary>
    public string? Of(Type type) => _summaries.GetValueOrDefault("T:" + type.FullName?.Replace('+', '.'));

    /// <summary>The summary of a property, or null when it has none.</summary>
    public string? Of(PropertyInfo property) =>
        _summaries.GetValueOrDefault($"P:{property.DeclaringType?.FullName?.Replace('+', '.')}.{property.Name}");

    private static string PlainText(XElement summary)
    {
        var parts = summary.Nodes().Select(node => node switch
        {
            XText text => text.Value,
            XElement { Name.LocalName: "see" or "seealso" } see =>
                see.Attribute("langword")?.Value ?? ShortName(see.Attribute("cref")?.Value ?? see.Value),
            XElement element => element.Value,
            _ => "",
        });
        return Whitespace().Replace(string.Concat(parts), " ").Trim();
    }

    private static string ShortName(string cref) => cref[(cref.LastIndexOfAny(['.', ':']) + 1)..];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
