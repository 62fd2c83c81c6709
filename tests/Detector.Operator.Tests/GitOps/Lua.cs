using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Detector.Operator.Tests.GitOps;

/// <summary>
/// Runs Argo CD health scripts with a real Lua 5.1 interpreter (Debian package lua5.1; Argo CD's gopher-lua has Lua
/// 5.1 semantics). Without it the tests that need it are skipped with the reason; in CI (CI set) they fail.
/// </summary>
public static class Lua
{
    /// <summary>The interpreter's command name.</summary>
    public const string Interpreter = "lua5.1";

    /// <summary>The path of lua5.1 on PATH; skips (or fails in CI) when it is not installed.</summary>
    public static string Require()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, Interpreter)).FirstOrDefault(File.Exists);
        if (found is not null)
            return found;
        var reason = $"{Interpreter} is not installed (apt-get install lua5.1); the Argo CD health scripts cannot run";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            throw new InvalidOperationException(reason + "; in CI it must be present (.ci/run installs it)");
        throw new Xunit.SkipException(reason);
    }

    /// <summary>
    /// Runs <paramref name="script"/> once per object, each time with the object as the global <c>obj</c> (as Argo CD
    /// does), in one interpreter process, and returns each run's <c>hs.status</c> and <c>hs.message</c>.
    /// </summary>
    public static IReadOnlyList<(string Status, string Message)> RunHealth(string script, IReadOnlyList<JsonObject> objects)
    {
        var harness = new StringBuilder();
        harness.Append("local check = assert(loadfile(").Append(Literal(script)).AppendLine("))");
        harness.AppendLine("local objects = {");
        foreach (var o in objects)
            harness.Append("  ").Append(Literal(o)).AppendLine(",");
        harness.AppendLine("}");
        // One line per object; tabs and newlines in messages are escaped so the output stays one line each.
        harness.AppendLine("""
            for i = 1, table.getn(objects) do
              obj = objects[i]
              local hs = check()
              local message = string.gsub(string.gsub(tostring(hs.message), "\n", " "), "\t", " ")
              io.write(tostring(hs.status), "\t", message, "\n")
            end
            """);
        var file = Path.Combine(Path.GetTempPath(), $"argocd-health-{Guid.NewGuid():N}.lua");
        File.WriteAllText(file, harness.ToString());
        try
        {
            var start = new ProcessStartInfo(Require(), file) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{Interpreter} {script} failed: {stderr.Trim()}");
            return [.. stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t', 2)).Select(p => (p[0], p[1]))];
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A JSON value as a Lua constructor: objects become keyed tables, arrays 1-based lists, null nothing.</summary>
    public static string Literal(JsonNode? node) => node switch
    {
        null => "nil",
        JsonObject o => "{ " + string.Join(", ", o.Where(p => p.Value is not null).Select(p => $"[{Literal(p.Key)}] = {Literal(p.Value)}")) + " }",
        JsonArray a => "{ " + string.Join(", ", a.Select(Literal)) + " }",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Literal(v.GetValue<string>()),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "true",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "false",
        JsonValue v => v.ToJsonString(),   // a JSON number is a Lua number literal
        _ => throw new ArgumentException($"Unexpected JSON node {node.GetType().Name}", nameof(node)),
    };

    private static string Literal(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                _ when c < ' ' => "\\" + ((int)c).ToString("000", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        return quoted.Append('"').ToString();
    }
}
