using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Detector.Operator.Validation;

/// <summary>
/// Reads a (multi-document) YAML or JSON stream into <see cref="JsonNode"/>s with YAML 1.2 core-schema typing:
/// plain <c>512</c> is a number, <c>"512"</c> a string, <c>true</c> a boolean, <c>~</c>/<c>null</c> null. This is how
/// kubectl turns a manifest into JSON, so a schema check of the result matches what the API server would see.
/// </summary>
public static partial class YamlDocuments
{
    /// <summary>Parses every document of <paramref name="text"/> within the default budgets; empty documents are skipped.</summary>
    /// <exception cref="FormatException">The text is not valid YAML or exceeds a budget; the message has the line.</exception>
    public static IReadOnlyList<JsonNode?> Parse(string text) => Parse(text, YamlBudget.Default);

    /// <summary>
    /// Parses every document of <paramref name="text"/>; empty documents are skipped. Built from parser events with an
    /// explicit stack (no recursion, so 40,000 nested '[' cannot overflow the stack), counting nodes as aliases are
    /// expanded (so a "billion laughs" file stops at the budget instead of filling memory).
    /// </summary>
    /// <exception cref="FormatException">The text is not valid YAML or exceeds a budget; the message has the line.</exception>
    public static IReadOnlyList<JsonNode?> Parse(string text, YamlBudget budget)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(budget);
        if (text.Length > budget.MaxBytes)
            throw new FormatException($"{text.Length:N0} characters, more than the limit of {budget.MaxBytes:N0} for a manifest file");
        try
        {
            return new EventReader(budget).Read(new Parser(new StringReader(text)));
        }
        catch (YamlException e)
        {
            throw new FormatException($"invalid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}", e);
        }
    }

    /// <summary>Builds JSON nodes from parser events; one instance per stream.</summary>
    private sealed class EventReader(YamlBudget budget)
    {
        private readonly Dictionary<string, (JsonNode? Node, int Size)> _anchors = new(StringComparer.Ordinal);
        private readonly Stack<Frame> _stack = new();
        private int _nodes;
        private JsonNode? _root;
        private bool _hasRoot;
        private bool _rootIsEmpty;

        public List<JsonNode?> Read(IParser parser)
        {
            var documents = new List<JsonNode?>();
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case DocumentStart:
                        _anchors.Clear();
                        (_root, _hasRoot, _rootIsEmpty) = (null, false, false);
                        break;
                    case DocumentEnd:
                        if (_hasRoot && !_rootIsEmpty)
                            documents.Add(_root);
                        break;
                    case Scalar scalar:
                        OnScalar(scalar);
                        break;
                    case AnchorAlias alias:
                        OnAlias(alias);
                        break;
                    case MappingStart mapping:
                        Open(new JsonObject(), mapping.Anchor, mapping.Start);
                        break;
                    case SequenceStart sequence:
                        Open(new JsonArray(), sequence.Anchor, sequence.Start);
                        break;
                    case MappingEnd or SequenceEnd:
                        var frame = _stack.Pop();
                        if (!frame.Anchor.IsEmpty)
                            _anchors[frame.Anchor.Value] = (frame.Node, _nodes - frame.NodesBefore);
                        Add(frame.Node, parser.Current.Start);
                        break;
                }
            }
            return documents;
        }

        private void OnScalar(Scalar scalar)
        {
            if (_stack.TryPeek(out var top) && top.ExpectsKey)
            {
                var obj = (JsonObject)top.Node;
                if (obj.ContainsKey(scalar.Value))
                    throw new FormatException($"line {scalar.Start.Line}: duplicate key \"{scalar.Value}\"");
                top.PendingKey = scalar.Value;
                top.ExpectsKey = false;
                Count(1, scalar.Start);
                return;
            }
            var value = Scalar(scalar);
            Count(1, scalar.Start);
            if (!scalar.Anchor.IsEmpty)
                _anchors[scalar.Anchor.Value] = (value, 1);
            if (_stack.Count == 0 && scalar.Style == ScalarStyle.Plain && scalar.Value.Length == 0)
                _rootIsEmpty = true;
            Add(value, scalar.Start);
        }

        private void OnAlias(AnchorAlias alias)
        {
            if (_stack.TryPeek(out var top) && top.ExpectsKey)
                throw new FormatException($"line {alias.Start.Line}: mapping keys must be strings");
            if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
                throw new FormatException($"line {alias.Start.Line}: unknown alias *{alias.Value.Value}");
            Count(anchored.Size, alias.Start);
            Add(anchored.Node?.DeepClone(), alias.Start);
        }

        private void Open(JsonNode node, AnchorName anchor, Mark start)
        {
            if (_stack.TryPeek(out var top) && top.ExpectsKey)
                throw new FormatException($"line {start.Line}: mapping keys must be strings");
            if (_stack.Count >= budget.MaxDepth)
                throw new FormatException($"line {start.Line}: nested deeper than the limit of {budget.MaxDepth} levels");
            _stack.Push(new Frame(node, anchor, _nodes) { ExpectsKey = node is JsonObject });
            Count(1, start);
        }

        private void Add(JsonNode? value, Mark at)
        {
            if (!_stack.TryPeek(out var top))
            {
                (_root, _hasRoot) = (value, true);
                return;
            }
            if (top.Node is JsonArray array)
                array.Add(value);
            else
            {
                ((JsonObject)top.Node)[top.PendingKey ?? throw new FormatException($"line {at.Line}: a value without a key")] = value;
                top.PendingKey = null;
                top.ExpectsKey = true;
            }
        }

        private void Count(int nodes, Mark at)
        {
            _nodes += nodes;
            if (_nodes > budget.MaxNodes)
                throw new FormatException($"line {at.Line}: more than {budget.MaxNodes:N0} nodes once aliases are expanded (the limit); " +
                    "a small file that expands this far is an alias bomb");
        }

        private sealed class Frame(JsonNode node, AnchorName anchor, int nodesBefore)
        {
            public JsonNode Node { get; } = node;
            public AnchorName Anchor { get; } = anchor;
            public int NodesBefore { get; } = nodesBefore;
            public string? PendingKey { get; set; }
            public bool ExpectsKey { get; set; }
        }
    }

    private static JsonNode? Scalar(Scalar scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain) return JsonValue.Create(text);
        if (text is "" or "~" or "null" or "Null" or "NULL") return null;
        if (text is "true" or "True" or "TRUE") return JsonValue.Create(true);
        if (text is "false" or "False" or "FALSE") return JsonValue.Create(false);
        if (IntegerForm().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            return JsonValue.Create(integer);
        if (FloatForm().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return JsonValue.Create(number);
        return JsonValue.Create(text);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerForm();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatForm();
}

/// <summary>Budgets of <see cref="YamlDocuments.Parse(string, YamlBudget)"/>; defaults from <see cref="Preprocessing.InputBudgets"/>.</summary>
/// <param name="MaxBytes">Longest text (characters).</param>
/// <param name="MaxDepth">Deepest nesting of mappings and sequences.</param>
/// <param name="MaxNodes">Most nodes, counting every alias as the nodes it expands to.</param>
public sealed record YamlBudget(long MaxBytes, int MaxDepth, int MaxNodes)
{
    /// <summary>The defaults.</summary>
    public static YamlBudget Default { get; } = new(Preprocessing.InputBudgets.MaxYamlBytes, Preprocessing.InputBudgets.MaxYamlDepth, Preprocessing.InputBudgets.MaxYamlNodes);
}
