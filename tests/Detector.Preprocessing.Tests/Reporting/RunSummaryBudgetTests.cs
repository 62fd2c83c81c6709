using Detector.Preprocessing.Layout;
using Detector.Preprocessing.Reporting;

namespace Detector.Preprocessing.Tests.Reporting;

/// <summary>report.json keeps at most --max-findings findings; the counts stay exact, in a run and after a merge.</summary>
public class RunSummaryBudgetTests
{
    private static Finding Bad(int line) => new("labels/a.txt", line, "Unparseable", "expected 5 numbers", FindingEffect.DroppedBox, IsInvalidInput: true);

    private static Finding Background(int i) => new($"images/{i}.jpg", null, IssueCodes.Background, "no label file", FindingEffect.SkippedItem, IsInvalidInput: false);

    [Fact]
    public void Record_PastTheBudget_KeepsTheFirstAndCountsAll()
    {
        var summary = new RunSummary { MaxFindings = 3 };

        for (var i = 1; i <= 10; i++)
            summary.Record(Bad(i));

        Assert.Equal([1, 2, 3], summary.Findings.Select(f => f.Line!.Value));
        Assert.Equal(10, summary.FindingCounts["Unparseable"]);
        Assert.Equal(7, summary.FindingsOmitted);
        var report = PrepareReport.From(summary);
        Assert.Equal(3, report.Findings.Count);
        Assert.Equal(10, report.FindingCounts["Unparseable"]);
        Assert.Equal(7, report.FindingsOmitted);
    }

    [Fact]
    public void Record_BackgroundImages_AreAlwaysKeptAndNotCountedAgainstTheBudget()
    {
        var summary = new RunSummary { MaxFindings = 1 };

        summary.Record(Bad(1));
        for (var i = 0; i < 5; i++)
            summary.Record(Background(i));

        Assert.Equal(6, summary.Findings.Count);
        Assert.Equal(5, summary.SkippedCounts[IssueCodes.Background]);
        Assert.Equal(5, PrepareReport.From(summary).BackgroundImages.Count);
    }

    [Fact]
    public void CountOmitted_AddsToTheExactCountsOnly()
    {
        var summary = new RunSummary();

        summary.CountOmitted("Unparseable", 500_000);

        Assert.Empty(summary.Findings);
        Assert.Equal(500_000, summary.FindingCounts["Unparseable"]);
        Assert.Equal(500_000, summary.FindingsOmitted);
    }

    [Fact]
    public void Sum_OfShardSummaries_ReappliesTheBudgetAndAddsTheCounts()
    {
        RunSummary Part(int first)
        {
            var part = new RunSummary { MaxFindings = 3 };
            for (var i = first; i < first + 4; i++)
                part.Record(Bad(i));
            return part;
        }

        var total = RunSummary.Sum([Part(1), Part(101)]);

        Assert.Equal([1, 2, 3], total.Findings.Select(f => f.Line!.Value).Take(3));
        Assert.Equal(8, total.FindingCounts["Unparseable"]);
        Assert.Equal(8, total.Findings.Count + total.FindingsOmitted);
    }
}
