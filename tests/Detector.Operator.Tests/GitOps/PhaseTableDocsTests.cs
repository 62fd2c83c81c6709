using System.Text;
using Detector.Operator.Runtime;
using Detector.Testing;

namespace Detector.Operator.Tests.GitOps;

/// <summary>docs/gitops.md prints each kind's phase table exactly as the code has it.</summary>
public sealed class PhaseTableDocsTests
{
    [Theory]
    [MemberData(nameof(ArgoHealthTests.Kinds), MemberType = typeof(ArgoHealthTests))]
    public void GitOpsDoc_ContainsThePhaseTableOfEachKind(string kind)
    {
        var doc = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "gitops.md"));
        var table = Markdown(PhaseFixtures.Kinds.Single(k => k.Kind == kind).Table);
        Assert.True(doc.Contains(table, StringComparison.Ordinal), $"docs/gitops.md lacks the {kind} table; it reads:\n{table}");
    }

    /// <summary>A phase table as the Markdown docs/gitops.md shows.</summary>
    public static string Markdown(PhaseTable table)
    {
        var text = new StringBuilder();
        text.Append("| ").Append(table.Kind).AppendLine(" phase | reason | condition True | kstatus (Flux, kpt) | Argo CD | situation |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var row in table.Rows)
        {
            var (kstatus, argo) = row.State switch
            {
                ReconcileState.Ready => ("Current", "Healthy"),
                ReconcileState.Reconciling => ("InProgress", "Progressing"),
                _ => ("Failed", "Degraded"),
            };
            text.Append("| ").Append(row.Phase ?? "any").Append(" | ").Append(row.Reason is null ? "any other" : $"`{row.Reason}`")
                .Append(" | ").Append(row.State).Append(" | ").Append(kstatus).Append(" | ").Append(argo).Append(" | ")
                .Append(row.Situation).AppendLine(" |");
        }
        return text.ToString();
    }
}
