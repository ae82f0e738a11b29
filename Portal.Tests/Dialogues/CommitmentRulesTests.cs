using Portal.Domain;
using Portal.Domain.Dialogues;

namespace Portal.Tests.Dialogues;

public class CommitmentRulesTests
{
    private static readonly DateTimeOffset Made = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private static Commitment AtForty()
    {
        var commitment = new Commitment(1, "Gia cố 200 m taluy", 7, Made.AddDays(30), Made);
        commitment.ReportProgress(40, Made.AddDays(1));
        return commitment;
    }

    [Fact]
    public void ShouldRefuseAReportBelowTheProgressAlreadyReported()
    {
        var refused = Assert.Throws<DomainRuleException>(() => AtForty().ReportProgress(30, Made.AddDays(2)));

        Assert.Equal(("commitment.progress.backwards", (object?)40), (refused.Key, refused.Args[0]));
    }

    [Fact]
    public void ShouldTakeTheSamePercentOnlyWithANoteOrPhotos()
    {
        var commitment = AtForty();

        Assert.Equal("commitment.progress.unchanged", Assert.Throws<DomainRuleException>(() => commitment.ReportProgress(40, Made.AddDays(2))).Key);
        commitment.ReportProgress(40, Made.AddDays(2), withNews: true);
        Assert.Equal(40, commitment.Progress);
        Assert.Null(commitment.DoneAt);
    }

    [Fact]
    public void ShouldBeDoneAtAHundredAndTakeNoFurtherReport()
    {
        var commitment = AtForty();

        commitment.ReportProgress(100, Made.AddDays(3));

        Assert.Equal(Made.AddDays(3), commitment.DoneAt);
        Assert.Equal("commitment.progress.done", Assert.Throws<DomainRuleException>(() => commitment.ReportProgress(100, Made.AddDays(4), true)).Key);
    }
}
