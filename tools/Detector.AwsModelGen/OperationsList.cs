namespace Detector.AwsModelGen;

/// <summary>One line of the operations list: the operations of one service that land in one group of files.</summary>
/// <param name="Model">The AWS model file name without <c>.json</c>, e.g. <c>sagemaker-2017-07-24</c>.</param>
/// <param name="Group">The file stem of the group, e.g. <c>TrainingJobs</c> (TrainingJobs.cs, TrainingJobsShapes.cs…).</param>
/// <param name="Operations">The operations we call, in the order their records are written.</param>
public sealed record OperationGroup(string Model, string Group, IReadOnlyList<string> Operations);

/// <summary>The parsed list: groups of operations, and per model the members left out (<c>Type.Member</c>, C# names).</summary>
public sealed record AwsOperations(IReadOnlyList<OperationGroup> Groups, IReadOnlyDictionary<string, IReadOnlySet<string>> Omitted)
{
    /// <summary>The members of a model's records that are left out.</summary>
    public IReadOnlySet<string> OmittedFrom(string model) => Omitted.GetValueOrDefault(model) ?? new HashSet<string>();
}

/// <summary>
/// The checked-in list of the AWS operations the operator calls. One line per group:
/// <c>&lt;model&gt; &lt;Group&gt; &lt;Operation&gt; [&lt;Operation&gt;…]</c>, and lines
/// <c>omit &lt;model&gt; &lt;Type&gt; &lt;Member&gt; [&lt;Member&gt;…]</c> naming optional members we never read or set
/// (left out, with the shapes only they reach); <c>#</c> starts a comment. Adding a service or an operation is one
/// line (or one word) here.
/// </summary>
public static class OperationsList
{
    /// <summary>Parses the list; a malformed line is a one-line <see cref="GeneratorException"/> naming file and line.</summary>
    public static AwsOperations Parse(string text, string fileName)
    {
        var groups = new List<OperationGroup>();
        var omitted = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var hash = line.IndexOf('#');
            if (hash >= 0)
                line = line[..hash];
            var words = line.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
                continue;
            var where = $"{fileName}:{i + 1}";
            if (words[0] == "omit")
            {
                if (words.Length < 4 || !words.Skip(2).All(IsIdentifier))
                    throw new GeneratorException($"{where}: expected 'omit <model> <Type> <Member>…', got '{line.Trim()}'");
                if (!omitted.TryGetValue(words[1], out var members))
                    omitted[words[1]] = members = new HashSet<string>(StringComparer.Ordinal);
                foreach (var member in words.Skip(3))
                {
                    if (!((HashSet<string>)members).Add($"{words[2]}.{member}"))
                        throw new GeneratorException($"{where}: {words[2]}.{member} is omitted twice");
                }

                continue;
            }

            if (words.Length < 3)
                throw new GeneratorException($"{where}: expected '<model> <Group> <Operation>…', got '{line.Trim()}'");
            if (!IsIdentifier(words[1]))
                throw new GeneratorException($"{where}: group '{words[1]}' is not a C# identifier (it names the files)");
            var duplicate = words.Skip(2).GroupBy(w => w).FirstOrDefault(g => g.Count() > 1)?.Key
                ?? words.Skip(2).FirstOrDefault(op => groups.Any(g => g.Model == words[0] && g.Operations.Contains(op)));
            if (duplicate is not null)
                throw new GeneratorException($"{where}: operation '{duplicate}' of {words[0]} is listed twice");
            // A group may go on over the next lines (same model and group), to keep lines short.
            if (groups.Count > 0 && groups[^1].Group == words[1] && groups[^1].Model == words[0])
                groups[^1] = groups[^1] with { Operations = [.. groups[^1].Operations, .. words[2..]] };
            else if (groups.Any(g => g.Group == words[1]))
                throw new GeneratorException($"{where}: group '{words[1]}' is listed twice");
            else
                groups.Add(new OperationGroup(words[0], words[1], words[2..]));
        }

        if (groups.Count == 0)
            throw new GeneratorException($"{fileName}: lists no operations");
        if (omitted.Keys.FirstOrDefault(model => groups.All(g => g.Model != model)) is { } stray)
            throw new GeneratorException($"{fileName}: omits members of {stray}, which no line lists operations of");
        return new AwsOperations(groups, omitted);
    }

    internal static bool IsIdentifier(string word) =>
        word.Length > 0 && (char.IsLetter(word[0]) || word[0] == '_') && word.All(c => char.IsLetterOrDigit(c) || c == '_');
}

/// <summary>Bad input to the generator: the message is one line naming the file, shape or operation and the reason.</summary>
public sealed class GeneratorException(string message) : Exception(message);
