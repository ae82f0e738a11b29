using Portal.Domain.Units;

namespace Portal.Domain.Dialogues;

public enum ConferenceState
{
    Draft = 1,
    Announced = 2,
    OpenForQuestions = 3,
    QuestionsClosed = 4,
    Held = 5,
    ResultsPublished = 6,
}

public enum ModerationMode
{
    /// <summary>Questions appear publicly only after a moderator accepts them.</summary>
    PreModeration = 1,
    /// <summary>Questions appear at once; moderators act afterwards.</summary>
    PostModeration = 2,
}

/// <summary>What an organiser fills in to create a conference.</summary>
public sealed record ConferencePlan(int UnitId, string Title, string? Summary, IReadOnlyList<string> Topics, string Hosts,
    int OrganiserAgencyId, int? FrontAgencyId, DateTimeOffset StartsAt, string? Place, string? OnlineLink,
    DateTimeOffset QuestionsOpenAt, DateTimeOffset QuestionsCloseAt, ModerationMode Moderation);

/// <summary>
/// A dialogue conference (hội nghị đối thoại) of a commune, ward or province with its residents (LGO Law 72/2025 Art. 43):
/// announced at least 7 days ahead, a window for questions before it, held, then its results published within 10 days.
/// </summary>
public sealed class DialogueConference
{
    private DialogueConference() { }

    public int Id { get; private set; }
    public int UnitId { get; private set; }
    public Unit Unit { get; private set; } = null!;
    public string Title { get; private set; } = "";
    public string? Summary { get; private set; }
    public string[] Topics { get; private set; } = [];
    /// <summary>Who hosts, as announced ("Đồng chí Hoàng Văn Thành, Chủ tịch UBND xã").</summary>
    public string Hosts { get; private set; } = "";
    /// <summary>The People's Committee organising it: unrouted questions go to it.</summary>
    public int OrganiserAgencyId { get; private set; }
    public Agency OrganiserAgency { get; private set; } = null!;
    /// <summary>The co-organising Front committee.</summary>
    public int? FrontAgencyId { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public string? Place { get; private set; }
    public string? OnlineLink { get; private set; }
    public DateTimeOffset QuestionsOpenAt { get; private set; }
    public DateTimeOffset QuestionsCloseAt { get; private set; }
    public ModerationMode Moderation { get; private set; }
    public ConferenceState State { get; private set; } = ConferenceState.Draft;
    public DateTimeOffset? AnnouncedAt { get; private set; }
    /// <summary>Why an administrator let it be announced less than the legal days ahead (audited too).</summary>
    public string? AnnounceOverrideReason { get; private set; }
    public DateTimeOffset? HeldAt { get; private set; }
    public DateTimeOffset? ResultsPublishedAt { get; private set; }
    /// <summary>The question being answered on stage right now (the live view shows it).</summary>
    public long? LiveQuestionId { get; private set; }
    /// <summary>When the question on stage was put there (the host screen's timer counts from it).</summary>
    public DateTimeOffset? LiveSince { get; private set; }
    /// <summary>When the closed window was compiled (routing, due dates, one email per agency): done once.</summary>
    public DateTimeOffset? WindowCompiledAt { get; private set; }
    public string? CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }

    public static DialogueConference Plan(ConferencePlan plan, string? createdById, DateTimeOffset now)
    {
        var conference = new DialogueConference { UnitId = plan.UnitId, CreatedById = createdById, CreatedAt = now };
        conference.Revise(plan);
        return conference;
    }

    /// <summary>Changes the plan; only while it is a draft (after the announcement residents rely on it).</summary>
    public void Revise(ConferencePlan plan)
    {
        if (State != ConferenceState.Draft) throw new DomainRuleException("conference.revise.not-draft", State);
        var title = Text.Clean(plan.Title);
        if (title.Length is < 5 or > 200) throw new DomainRuleException("conference.title.invalid");
        var topics = plan.Topics.Select(Text.Clean).Where(t => t.Length > 0).Distinct().ToArray();
        if (topics.Length is 0 or > 12 || topics.Any(t => t.Length > 80)) throw new DomainRuleException("conference.topics.invalid");
        var hosts = Text.Clean(plan.Hosts);
        if (hosts.Length is 0 or > 300) throw new DomainRuleException("conference.hosts.required");
        var place = Text.CleanOrNull(plan.Place);
        var link = Text.CleanOrNull(plan.OnlineLink);
        if (place is null && link is null) throw new DomainRuleException("conference.place.required");
        if (link is not null && (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
            throw new DomainRuleException("conference.link.invalid");
        if (!(plan.QuestionsOpenAt < plan.QuestionsCloseAt && plan.QuestionsCloseAt <= plan.StartsAt))
            throw new DomainRuleException("conference.window.invalid");
        if (!Enum.IsDefined(plan.Moderation)) throw new DomainRuleException("conference.moderation.invalid");
        Title = title;
        Summary = Text.CleanOrNull(plan.Summary);
        Topics = topics;
        Hosts = hosts;
        OrganiserAgencyId = plan.OrganiserAgencyId;
        FrontAgencyId = plan.FrontAgencyId;
        StartsAt = plan.StartsAt;
        Place = place;
        OnlineLink = link;
        QuestionsOpenAt = plan.QuestionsOpenAt;
        QuestionsCloseAt = plan.QuestionsCloseAt;
        Moderation = plan.Moderation;
    }

    /// <summary>
    /// Publishes the conference. The law wants it announced at least <paramref name="minDaysAhead"/> days before it is
    /// held; later than that only an administrator may announce it, with a written reason.
    /// </summary>
    public void Announce(DateTimeOffset now, int minDaysAhead, bool mayOverride, string? overrideReason)
    {
        if (State != ConferenceState.Draft) throw new DomainRuleException("conference.announce.not-draft", State);
        if (StartsAt <= now) throw new DomainRuleException("conference.announce.in-the-past");
        if (StartsAt - now < TimeSpan.FromDays(minDaysAhead))
        {
            var reason = Text.CleanOrNull(overrideReason);
            if (!mayOverride) throw new DomainRuleException("conference.announce.too-late", minDaysAhead);
            if (reason is null || reason.Length < 10) throw new DomainRuleException("conference.announce.override-reason-required", minDaysAhead);
            AnnounceOverrideReason = reason;
        }
        AnnouncedAt = now;
        State = ConferenceState.Announced;
        Refresh(now);
    }

    /// <summary>Moves along the window: announced → open for questions → questions closed, as time passes.</summary>
    public void Refresh(DateTimeOffset now)
    {
        if (State == ConferenceState.Announced && now >= QuestionsOpenAt) State = ConferenceState.OpenForQuestions;
        if (State == ConferenceState.OpenForQuestions && now >= QuestionsCloseAt) State = ConferenceState.QuestionsClosed;
    }

    public bool AcceptsQuestionsAt(DateTimeOffset now) =>
        State is ConferenceState.Announced or ConferenceState.OpenForQuestions && now >= QuestionsOpenAt && now < QuestionsCloseAt;

    public void MarkHeld(DateTimeOffset now)
    {
        Refresh(now);
        if (State != ConferenceState.QuestionsClosed) throw new DomainRuleException("conference.hold.not-closed", State);
        if (now < StartsAt) throw new DomainRuleException("conference.hold.not-started");
        HeldAt = now;
        State = ConferenceState.Held;
    }

    public void GoLive(long questionId, DateTimeOffset at)
    {
        if (State is not (ConferenceState.QuestionsClosed or ConferenceState.Held)) throw new DomainRuleException("conference.live.not-now", State);
        LiveQuestionId = questionId;
        LiveSince = at;
    }

    public void PublishResults(DateTimeOffset now)
    {
        LiveQuestionId = null;
        LiveSince = null;
        if (State != ConferenceState.Held) throw new DomainRuleException("conference.publish.not-held", State);
        ResultsPublishedAt = now;
        State = ConferenceState.ResultsPublished;
    }

    public bool IsPublic => State != ConferenceState.Draft;

    public void MarkWindowCompiled(DateTimeOffset at) => WindowCompiledAt ??= at;
}
