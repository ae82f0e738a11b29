using System.Text;
using Portal.Domain;
using Portal.Domain.Dialogues;

namespace Portal.Tests.Dialogues;

public class ConferenceRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    internal static ConferencePlan Plan(DateTimeOffset startsAt, int unitId = 1, int organiser = 1) => new(unitId,
        "Đối thoại về giao thông nông thôn", null, ["Giao thông", "Đất đai"], "Đồng chí Hoàng Văn Thành, Chủ tịch UBND xã",
        organiser, null, startsAt, "Hội trường UBND xã", null, startsAt.AddDays(-20), startsAt.AddDays(-2), ModerationMode.PreModeration);

    [Fact]
    public void ShouldRefuseAnAnnouncementLessThanSevenDaysAhead()
    {
        var conference = DialogueConference.Plan(Plan(Now.AddDays(6)), null, Now);

        var refusal = Assert.Throws<DomainRuleException>(() => conference.Announce(Now, 7, mayOverride: false, null));

        Assert.Equal("conference.announce.too-late", refusal.Key);
        Assert.Equal(ConferenceState.Draft, conference.State);
    }

    [Fact]
    public void ShouldLetAnAdministratorAnnounceLateWithAWrittenReason()
    {
        var conference = DialogueConference.Plan(Plan(Now.AddDays(6)), null, Now);

        Assert.Equal("conference.announce.override-reason-required",
            Assert.Throws<DomainRuleException>(() => conference.Announce(Now, 7, mayOverride: true, "gấp")).Key);
        conference.Announce(Now, 7, mayOverride: true, "Bão số 3 làm hoãn lịch, cần đối thoại sớm về khắc phục");

        Assert.NotEqual(ConferenceState.Draft, conference.State);
        Assert.Contains("Bão số 3", conference.AnnounceOverrideReason);
    }

    [Fact]
    public void ShouldOpenAndCloseTheQuestionWindowAsTimePasses()
    {
        var start = Now.AddDays(30);
        var conference = DialogueConference.Plan(Plan(start), null, Now);
        conference.Announce(Now, 7, false, null);
        Assert.Equal(ConferenceState.Announced, conference.State);
        Assert.False(conference.AcceptsQuestionsAt(Now));

        conference.Refresh(start.AddDays(-20));
        Assert.True(conference.AcceptsQuestionsAt(start.AddDays(-20)));
        Assert.Equal(ConferenceState.OpenForQuestions, conference.State);

        conference.Refresh(start.AddDays(-2));
        Assert.Equal(ConferenceState.QuestionsClosed, conference.State);
        Assert.Throws<DomainRuleException>(() => conference.MarkHeld(start.AddHours(-1)));
        conference.MarkHeld(start.AddHours(1));
        conference.PublishResults(start.AddDays(3));
        Assert.Equal(ConferenceState.ResultsPublished, conference.State);
    }

    [Fact]
    public void ShouldRefuseAWindowThatEndsAfterTheConference()
    {
        var plan = Plan(Now.AddDays(30)) with { QuestionsCloseAt = Now.AddDays(31) };

        Assert.Equal("conference.window.invalid", Assert.Throws<DomainRuleException>(() => DialogueConference.Plan(plan, null, Now)).Key);
    }

    [Fact]
    public void ShouldReopenOnceThenEscalateWhenTheAuthorIsNotSatisfied()
    {
        var question = new Question(1, 1, "Giao thông", "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn", AuthorVisibility.FullName, "author", Now, Guid.NewGuid());
        question.Accept(5, Now);
        question.Answer("official", "Xã sẽ khắc phục trong tháng này.", Now.AddDays(1));

        Assert.Equal("question.rate.not-author", Assert.Throws<DomainRuleException>(() => question.Rate("someone", Satisfaction.NotSatisfied, "chưa rõ thời gian")).Key);
        Assert.Equal(DissatisfactionOutcome.Reopened, question.Rate("author", Satisfaction.NotSatisfied, "Chưa nói rõ khi nào làm"));
        Assert.Equal(QuestionState.Accepted, question.State);
        question.Answer("official", "Khởi công ngày 15/4, xong trước 30/5.", Now.AddDays(3));
        Assert.Equal(DissatisfactionOutcome.Escalated, question.Rate("author", Satisfaction.NotSatisfied, "Vẫn chưa có kinh phí rõ ràng"));
    }

    [Theory]
    [InlineData("Ngắn quá")]
    [InlineData("")]
    public void ShouldRefuseAQuestionShorterThanTwentyCharacters(string text) =>
        Assert.Equal("question.text.too-short",
            Assert.Throws<DomainRuleException>(() => new Question(1, 1, "Giao thông", text, AuthorVisibility.FullName, "a", Now, Guid.NewGuid())).Key);

    [Fact]
    public void ShouldRefuseARelayedQuestionWhosePhoneNumberIsTooLong() =>
        Assert.Equal("question.relay.phone-too-long", Assert.Throws<DomainRuleException>(() => new Question(1, 1, "Giao thông",
            "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn", AuthorVisibility.FullName, "head", Now, Guid.NewGuid(),
            new RelayedFor("Hoàng Văn Pảo", "0912 345 678 / 0205 3 123 456"))).Key);

    [Fact]
    public void ShouldFindTheSameQuestionTypedWithoutDiacriticsOrWithCombiningMarks()
    {
        var existing = new[] { "Đường bị sạt lở ở thôn Nà Sla", "Trạm y tế thiếu thuốc", "Xin làm đèn chiếu sáng đường liên thôn" };

        var plain = DuplicateScorer.Rank("duong bi sat lo o thon na sla", existing, t => t);
        var nfd = DuplicateScorer.Rank("Đường bị sạt lở ở thôn Nà Sla".Normalize(NormalizationForm.FormD), existing, t => t);

        Assert.Equal("Đường bị sạt lở ở thôn Nà Sla", plain[0].Item);
        Assert.Equal("Đường bị sạt lở ở thôn Nà Sla", nfd[0].Item);
        Assert.DoesNotContain(plain, r => r.Item.StartsWith("Trạm"));
    }
}
