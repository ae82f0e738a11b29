namespace Portal.Domain.Dialogues;

/// <summary>The statuses of DOMAIN.md: Đã tiếp nhận, Đã thụ lý, Đã chuyển, Từ chối, Đã gộp, Đã trả lời, Đã công khai.</summary>
public enum QuestionState
{
    Received = 1,
    Accepted = 2,
    Transferred = 3,
    Refused = 4,
    Merged = 5,
    Answered = 6,
    Published = 7,
}

/// <summary>How the public sees the author (officials always see who asked).</summary>
public enum AuthorVisibility
{
    FullName = 1,
    InitialsAndVillage = 2,
    Anonymous = 3,
}

public enum Satisfaction
{
    Satisfied = 1,
    NotSatisfied = 2,
}

/// <summary>What happened when the author rated an answer "not satisfied".</summary>
public enum DissatisfactionOutcome
{
    None,
    Reopened,
    Escalated,
}

/// <summary>A resident's question or recommendation (ý kiến, kiến nghị) sent before a dialogue conference.</summary>
public sealed class Question
{
    public const int MinLength = 20;
    public const int MaxLength = 5000;
    public const int RelayedNameMaxLength = 100;
    public const int RelayedPhoneMaxLength = 20;

    private Question() { }

    public Question(int conferenceId, int villageId, string topic, string text, AuthorVisibility visibility, string authorId,
        DateTimeOffset at, Guid clientRequestId, RelayedFor? relayedFor = null)
    {
        var body = Text.Clean(text);
        if (body.Length < MinLength) throw new DomainRuleException("question.text.too-short", MinLength);
        if (body.Length > MaxLength) throw new DomainRuleException("question.text.too-long", MaxLength);
        if (!Enum.IsDefined(visibility)) throw new DomainRuleException("question.visibility.invalid");
        ConferenceId = conferenceId;
        VillageId = villageId;
        Topic = Text.Clean(topic);
        Body = body;
        Visibility = visibility;
        AuthorId = authorId;
        ReceivedAt = at;
        ClientRequestId = clientRequestId;
        if (relayedFor is not null)
        {
            var name = Text.Clean(relayedFor.Name);
            if (name.Length is 0 or > RelayedNameMaxLength) throw new DomainRuleException("question.relay.name-required");
            var phone = Text.CleanOrNull(relayedFor.Phone);
            if (phone?.Length > RelayedPhoneMaxLength) throw new DomainRuleException("question.relay.phone-too-long", RelayedPhoneMaxLength);
            RelayedForName = name;
            RelayedForPhone = phone;
        }
    }

    public long Id { get; private set; }
    public int ConferenceId { get; private set; }
    /// <summary>The village (thôn, tổ dân phố) the question comes from.</summary>
    public int VillageId { get; private set; }
    public string Topic { get; private set; } = "";
    /// <summary>The text as the resident wrote it (officials see this).</summary>
    public string Body { get; private set; } = "";
    /// <summary>The public text when a moderator redacted personal data from it; null when the body is shown as is.</summary>
    public string? RedactedBody { get; private set; }
    public AuthorVisibility Visibility { get; private set; }
    public string AuthorId { get; private set; } = "";
    /// <summary>For a village head submitting on behalf of someone without internet: that person's name and phone.</summary>
    public string? RelayedForName { get; private set; }
    public string? RelayedForPhone { get; private set; }
    /// <summary>The submitting form's id: double-submitting the same form creates one question.</summary>
    public Guid ClientRequestId { get; private set; }
    public QuestionState State { get; private set; } = QuestionState.Received;
    public string? RefusalReason { get; private set; }
    public long? MergedIntoId { get; private set; }
    public int? AgencyId { get; private set; }
    public int SupportCount { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public string? AnswerMarkdown { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? AnsweredById { get; private set; }
    /// <summary>Answered on stage at the conference (the text is the secretary's summary of the spoken answer).</summary>
    public bool AnsweredLive { get; private set; }
    public Satisfaction? Rating { get; private set; }
    public string? RatingReason { get; private set; }
    public int TimesReopened { get; private set; }
    /// <summary>When abuse reports from enough distinct accounts hid it from the public pending a moderator's review.</summary>
    public DateTimeOffset? HiddenAt { get; private set; }
    public uint Version { get; private set; }

    public string PublicBody => RedactedBody ?? Body;

    /// <summary>A moderator accepts it for handling and routes it to an agency.</summary>
    public void Accept(int agencyId, DateTimeOffset at)
    {
        if (State != QuestionState.Received) throw new DomainRuleException("question.accept.not-received", State);
        State = QuestionState.Accepted;
        AgencyId = agencyId;
        AcceptedAt = at;
    }

    /// <summary>Sent to another unit's competent agency (Decree 20/2008 Art. 9).</summary>
    public void Transfer(int agencyId)
    {
        if (State is not (QuestionState.Received or QuestionState.Accepted)) throw new DomainRuleException("question.transfer.not-open", State);
        State = QuestionState.Transferred;
        AgencyId = agencyId;
    }

    /// <summary>Reassigned to another agency of the same conference without changing its state.</summary>
    public void Reassign(int agencyId)
    {
        if (State is not (QuestionState.Accepted or QuestionState.Transferred)) throw new DomainRuleException("question.reassign.not-open", State);
        AgencyId = agencyId;
    }

    public void Refuse(string reason)
    {
        if (State is not (QuestionState.Received or QuestionState.Accepted)) throw new DomainRuleException("question.refuse.not-open", State);
        var text = Text.Clean(reason);
        if (text.Length is < 10 or > 1000) throw new DomainRuleException("question.refuse.reason-required");
        State = QuestionState.Refused;
        RefusalReason = text;
    }

    public void MergeInto(Question target)
    {
        if (target.Id == Id) throw new DomainRuleException("question.merge.self");
        if (target.ConferenceId != ConferenceId) throw new DomainRuleException("question.merge.other-conference");
        if (State is not (QuestionState.Received or QuestionState.Accepted)) throw new DomainRuleException("question.merge.not-open", State);
        if (target.State is QuestionState.Refused or QuestionState.Merged) throw new DomainRuleException("question.merge.target-closed", target.State);
        State = QuestionState.Merged;
        MergedIntoId = target.Id;
    }

    /// <summary>Hides personal data from the public text; the original stays for officials.</summary>
    public void Redact(string publicText)
    {
        var text = Text.Clean(publicText);
        if (text.Length is < 1 or > MaxLength) throw new DomainRuleException("question.redact.invalid");
        RedactedBody = text == Body ? null : text;
    }

    public void Answer(string officialId, string markdown, DateTimeOffset at, bool live = false)
    {
        AnsweredLive = live;
        if (State is not (QuestionState.Accepted or QuestionState.Transferred)) throw new DomainRuleException("question.answer.not-open", State);
        var text = Text.Clean(markdown);
        if (text.Length is < 10 or > 20000) throw new DomainRuleException("question.answer.length");
        AnswerMarkdown = text;
        AnsweredAt = at;
        AnsweredById = officialId;
        State = QuestionState.Answered;
    }

    public void Publish()
    {
        if (State == QuestionState.Answered) State = QuestionState.Published;
    }

    /// <summary>
    /// The author says whether the answer satisfied them. The first "not satisfied" reopens the question for a new
    /// answer; a second one escalates to the parent unit.
    /// </summary>
    public DissatisfactionOutcome Rate(string byUserId, Satisfaction rating, string? reason)
    {
        if (byUserId != AuthorId) throw new DomainRuleException("question.rate.not-author");
        if (State is not (QuestionState.Answered or QuestionState.Published)) throw new DomainRuleException("question.rate.not-answered", State);
        if (!Enum.IsDefined(rating)) throw new DomainRuleException("question.rate.invalid");
        Rating = rating;
        if (rating == Satisfaction.Satisfied)
        {
            RatingReason = null;
            return DissatisfactionOutcome.None;
        }
        var why = Text.Clean(reason);
        if (why.Length is < 10 or > 1000) throw new DomainRuleException("question.rate.reason-required");
        RatingReason = why;
        if (TimesReopened == 0)
        {
            TimesReopened = 1;
            State = QuestionState.Accepted;
            return DissatisfactionOutcome.Reopened;
        }
        return DissatisfactionOutcome.Escalated;
    }

    internal void SetSupportCount(int count) => SupportCount = count;
}

public sealed record RelayedFor(string Name, string? Phone);

/// <summary>A resident's support (ủng hộ) for a question: once per person, withdrawable.</summary>
public sealed class QuestionSupport
{
    public long QuestionId { get; set; }
    public string UserId { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>Someone who wants to hear of every change to a question (the author follows their own).</summary>
public sealed class QuestionFollower
{
    public long QuestionId { get; set; }
    public string UserId { get; set; } = "";
}

/// <summary>A promise made in an answer (cam kết): what, by whom, by when, and its progress until done.</summary>
public sealed class Commitment
{
    private Commitment() { }

    public Commitment(long questionId, string what, int agencyId, DateTimeOffset dueAt, DateTimeOffset at)
    {
        var text = Text.Clean(what);
        if (text.Length is < 5 or > 1000) throw new DomainRuleException("commitment.what.invalid");
        if (dueAt <= at) throw new DomainRuleException("commitment.due.past");
        QuestionId = questionId;
        What = text;
        AgencyId = agencyId;
        DueAt = dueAt;
        CreatedAt = at;
    }

    public long Id { get; private set; }
    public long QuestionId { get; private set; }
    public string What { get; private set; } = "";
    public int AgencyId { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public int Progress { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }

    /// <summary>A report goes forward: never below the progress already reported, and at the same percent only when it
    /// brings something new (<paramref name="withNews"/>: a note or photos).</summary>
    public void ReportProgress(int percent, DateTimeOffset at, bool withNews = false)
    {
        if (percent is < 0 or > 100) throw new DomainRuleException("commitment.progress.invalid");
        if (DoneAt is not null) throw new DomainRuleException("commitment.progress.done");
        if (percent < Progress) throw new DomainRuleException("commitment.progress.backwards", Progress);
        if (percent == Progress && !withNews) throw new DomainRuleException("commitment.progress.unchanged", Progress);
        Progress = percent;
        if (percent == 100) DoneAt = at;
    }
}

/// <summary>Where a unit's questions on a topic go (topic → agency); unrouted ones go to the organising committee.</summary>
public sealed class RoutingRule
{
    private RoutingRule() { }

    public RoutingRule(int unitId, string topic, int agencyId)
    {
        UnitId = unitId;
        Topic = Text.Clean(topic);
        AgencyId = agencyId;
    }

    public int Id { get; private set; }
    public int UnitId { get; private set; }
    public string Topic { get; private set; } = "";
    public int AgencyId { get; set; }
}
