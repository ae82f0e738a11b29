namespace Portal.Domain.Dialogues;

/// <summary>A resident's report that a question breaks the rules (abuse, insults, personal data): once per account.
/// Enough distinct reports hide the question from the public until a moderator reviews it.</summary>
public sealed class AbuseReport
{
    public const int ReasonMaxLength = 500;

    private AbuseReport() { }

    public AbuseReport(long questionId, string userId, string? reason, DateTimeOffset at)
    {
        var why = Text.CleanOrNull(reason);
        if (why is { Length: > ReasonMaxLength }) throw new DomainRuleException("abuse.reason.too-long", ReasonMaxLength);
        QuestionId = questionId;
        UserId = userId;
        Reason = why;
        At = at;
    }

    public long Id { get; private set; }
    public long QuestionId { get; private set; }
    public string UserId { get; private set; } = "";
    public string? Reason { get; private set; }
    public DateTimeOffset At { get; private set; }
}
