namespace Detector.Preprocessing.Layout;

/// <summary>Where the class names came from (recorded in the manifest settings).</summary>
public enum ClassNamesSource
{
    /// <summary>--classes on the command line (or the Dataset spec).</summary>
    CommandLine,

    /// <summary>classes.txt, one name per line.</summary>
    ClassesTxt,

    /// <summary>data.yaml <c>names</c>.</summary>
    DataYaml,
}

/// <summary>Chooses and parses class names: --classes wins, then classes.txt, then data.yaml (pure).</summary>
public static class ClassNames
{
    /// <summary>Resolves the class list from whichever inputs are present.</summary>
    /// <param name="commandLine">Comma-separated names from --classes, or null.</param>
    /// <param name="classesTxt">Content of classes.txt at the source root, or null.</param>
    /// <param name="dataYaml">Content of data.yaml at the source root, or null.</param>
    /// <exception cref="DatasetLayoutException">No source of names, or a malformed one (message names the file).</exception>
    public static (IReadOnlyList<string> Names, ClassNamesSource Source) Resolve(string? commandLine, string? classesTxt, string? dataYaml)
    {
        if (!string.IsNullOrWhiteSpace(commandLine))
            return (Validate(commandLine.Split(',').Select(n => n.Trim()).ToList(), "--classes"), ClassNamesSource.CommandLine);
        if (classesTxt is not null)
            return (ParseClassesTxt(classesTxt), ClassNamesSource.ClassesTxt);
        if (dataYaml is not null)
            return (DataYamlNames.Parse(dataYaml), ClassNamesSource.DataYaml);
        throw new DatasetLayoutException("no class names: add classes.txt or data.yaml to the source, or pass --classes a,b,c");
    }

    /// <summary>classes.txt: one name per line; blank trailing lines are ignored, blank lines in between are an error.</summary>
    public static IReadOnlyList<string> ParseClassesTxt(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
            lines.RemoveAt(lines.Count - 1);
        return Validate(lines, "classes.txt");
    }

    internal static IReadOnlyList<string> Validate(IReadOnlyList<string> names, string origin)
    {
        if (names.Count == 0)
            throw new DatasetLayoutException($"{origin}: no class names");
        // The Dataset CRD's own limits on spec.classes: status.classNames must fit what the API server stores.
        if (names.Count > InputBudgets.MaxClasses)
            throw new DatasetLayoutException($"{origin}: {names.Count:N0} class names, more than the limit of {InputBudgets.MaxClasses:N0}");
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Length == 0)
                throw new DatasetLayoutException($"{origin}: class {i} has an empty name");
            if (names[i].Length > InputBudgets.MaxClassNameLength)
                throw new DatasetLayoutException($"{origin}: class {i} name is {names[i].Length:N0} characters, more than the limit of {InputBudgets.MaxClassNameLength}");
            if (names[i].Any(Reporting.TerminalText.NeedsEscape))
                throw new DatasetLayoutException($"{origin}: class {i} name '{Reporting.TerminalText.Escape(names[i])}' holds a control character");
        }
        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new DatasetLayoutException($"{origin}: class name '{Reporting.TerminalText.Escape(duplicate.Key)}' appears more than once");
        return names;
    }
}
