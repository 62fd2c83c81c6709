namespace Detector.AwsModelGen;

/// <summary>One line of the operations list: the operations of one service that land in one group of files.</summary>
/// <param name="Model">The AWS model file name without <c>.json</c>, e.g. <c>sagemaker-2017-07-24</c>.</param>
/// <param name="Group">The file stem of the group, e.g. <c>TrainingJobs</c> (TrainingJobs.cs, TrainingJobsShapes.cs…).</param>
/// <param name="Operations">The operations we call, in the order their records are written.</param>
public sealed record OperationGroup(string Model, string Group, IReadOnlyList<string> Operations);

/// <summary>
/// The checked-in list of the AWS operations the operator calls. One line per group:
/// <c>&lt;model&gt; &lt;Group&gt; &lt;Operation&gt; [&lt;Operation&gt;…]</c>; <c>#</c> starts a comment. Adding a service
/// or an operation is one line (or one word) here.
/// </summary>
public static class OperationsList
{
    /// <summary>Parses the list; a malformed line is a one-line <see cref="GeneratorException"/> naming file and line.</summary>
    public static IReadOnlyList<OperationGroup> Parse(string text, string fileName)
    {
        var groups = new List<OperationGroup>();
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
            if (words.Length < 3)
                throw new GeneratorException($"{where}: expected '<model> <Group> <Operation>…', got '{line.Trim()}'");
            if (!IsIdentifier(words[1]))
                throw new GeneratorException($"{where}: group '{words[1]}' is not a C# identifier (it names the files)");
            if (groups.Any(g => g.Group == words[1]))
                throw new GeneratorException($"{where}: group '{words[1]}' is listed twice");
            var duplicate = words.Skip(2).GroupBy(w => w).FirstOrDefault(g => g.Count() > 1)?.Key
                ?? words.Skip(2).FirstOrDefault(op => groups.Any(g => g.Model == words[0] && g.Operations.Contains(op)));
            if (duplicate is not null)
                throw new GeneratorException($"{where}: operation '{duplicate}' of {words[0]} is listed twice");
            groups.Add(new OperationGroup(words[0], words[1], words[2..]));
        }

        return groups.Count > 0 ? groups : throw new GeneratorException($"{fileName}: lists no operations");
    }

    internal static bool IsIdentifier(string word) =>
        word.Length > 0 && (char.IsLetter(word[0]) || word[0] == '_') && word.All(c => char.IsLetterOrDigit(c) || c == '_');
}

/// <summary>Bad input to the generator: the message is one line naming the file, shape or operation and the reason.</summary>
public sealed class GeneratorException(string message) : Exception(message);
