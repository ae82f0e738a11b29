using Portal.Domain.Units;

namespace Portal.Domain.Drafts;

/// <summary>What the draft is (dự thảo chính sách, kế hoạch, đề án, quy định).</summary>
public enum DraftKind
{
    Policy = 1,
    Plan = 2,
    Project = 3,
    Regulation = 4,
}

/// <summary>Who may comment: residents of the unit's subtree, invited organisations and experts, or both.</summary>
public enum DraftAudience
{
    Residents = 1,
    Invited = 2,
    ResidentsAndInvited = 3,
}

/// <summary>Dự thảo → Đang lấy ý kiến → Đã đóng góp ý → Đang tổng hợp báo cáo → Đã gửi văn bản phản biện → Đã trả lời.
/// "Overdue" is not a state: it is the answer deadline of a sent report passing (the tracked deadline says so).</summary>
public enum DraftState
{
    Preparing = 1,
    Open = 2,
    Closed = 3,
    ReportInPreparation = 4,
    ReportSent = 5,
    Answered = 6,
}

/// <summary>What the Front committee fills in to prepare a draft for social criticism.</summary>
public sealed record DraftPlan(int UnitId, int FrontAgencyId, int DraftingAgencyId, string Title, DraftKind Kind, string? Summary,
    DateTimeOffset OpensAt, DateTimeOffset ClosesAt, DraftAudience Audience);

/// <summary>
/// A draft document put out for social criticism (phản biện xã hội) by a Front committee: its text lives in versions, its
/// comment window is guarded (at least 20 days when residents comment), and after the window the committee compiles the
/// opinions into a criticism document that the drafting agency must answer recommendation by recommendation.
/// </summary>
public sealed class Draft
{
    public const int TitleMax = 300;
    public const int SummaryMax = 4000;
    public const int ReportMax = 100_000;

    private Draft() { }

    public int Id { get; private set; }
    public int UnitId { get; private set; }
    public Unit Unit { get; private set; } = null!;
    /// <summary>The Front committee (an agency of kind Front committee on the unit) that owns the criticism.</summary>
    public int FrontAgencyId { get; private set; }
    public Agency FrontAgency { get; private set; } = null!;
    /// <summary>The agency that wrote the draft and must answer the criticism document.</summary>
    public int DraftingAgencyId { get; private set; }
    public Agency DraftingAgency { get; private set; } = null!;
    public string Title { get; private set; } = "";
    public DraftKind Kind { get; private set; }
    public string? Summary { get; private set; }
    public DateTimeOffset OpensAt { get; private set; }
    public DateTimeOffset ClosesAt { get; private set; }
    public DraftAudience Audience { get; private set; }
    public DraftState State { get; private set; } = DraftState.Preparing;
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>When the closed window's opinions were compiled into the report draft: done once.</summary>
    public DateTimeOffset? CompiledAt { get; private set; }
    public string? ReportMarkdown { get; private set; }
    public DateTimeOffset? ReportSentAt { get; private set; }
    public DateTimeOffset? AnswerDueAt { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public List<DraftVersion> Versions { get; private set; } = [];
    public uint Version { get; private set; }

    public bool IsPublic => State != DraftState.Preparing;
    public bool ResidentsMayComment => Audience is DraftAudience.Residents or DraftAudience.ResidentsAndInvited;
    public bool InvitedMayComment => Audience is DraftAudience.Invited or DraftAudience.ResidentsAndInvited;

    public static Draft Prepare(DraftPlan plan, string body, string? createdById, DateTimeOffset now)
    {
        var draft = new Draft { UnitId = plan.UnitId, CreatedById = createdById, CreatedAt = now };
        draft.Revise(plan, body, now);
        return draft;
    }

    /// <summary>Changes the plan and the text; only while preparing (once open, the text changes by new versions only).</summary>
    public void Revise(DraftPlan plan, string body, DateTimeOffset now)
    {
        if (State != DraftState.Preparing) throw new DomainRuleException("draft.revise.not-preparing");
        if (plan.UnitId != UnitId) throw new DomainRuleException("draft.unit.fixed");
        var title = Text.Clean(plan.Title);
        if (title.Length is < 5 or > TitleMax) throw new DomainRuleException("draft.title.invalid", TitleMax);
        var summary = Text.CleanOrNull(plan.Summary);
        if (summary is { Length: > SummaryMax }) throw new DomainRuleException("draft.summary.too-long", SummaryMax);
        if (!Enum.IsDefined(plan.Kind)) throw new DomainRuleException("draft.kind.invalid");
        if (!Enum.IsDefined(plan.Audience)) throw new DomainRuleException("draft.audience.invalid");
        if (plan.ClosesAt <= plan.OpensAt) throw new DomainRuleException("draft.window.invalid");
        Title = title;
        Summary = summary;
        Kind = plan.Kind;
        Audience = plan.Audience;
        FrontAgencyId = plan.FrontAgencyId;
        DraftingAgencyId = plan.DraftingAgencyId;
        OpensAt = plan.OpensAt;
        ClosesAt = plan.ClosesAt;
        var first = Versions.SingleOrDefault();
        if (first is null) Versions.Add(new DraftVersion(1, body, null, now));
        else first.Replace(body);
    }

    /// <summary>Opens the draft for critique. A window open to residents lasts at least the legal days (Grassroots
    /// Democracy Law Art. 28.2); a window in the past or already over is refused.</summary>
    public void Publish(DateTimeOffset now, int minResidentDays)
    {
        if (State != DraftState.Preparing) throw new DomainRuleException("draft.publish.not-preparing");
        if (ClosesAt <= now) throw new DomainRuleException("draft.window.over");
        DraftWindowRule.Check(OpensAt, ClosesAt, ResidentsMayComment, minResidentDays);
        PublishedAt = now;
        State = DraftState.Open;
    }

    public bool AcceptsCommentsAt(DateTimeOffset now) => State == DraftState.Open && now >= OpensAt && now < ClosesAt;

    /// <summary>A new version of the text while the window is open; comments keep their sections by anchor.</summary>
    public DraftVersion AddVersion(string body, string? changeNote, DateTimeOffset now)
    {
        if (State != DraftState.Open) throw new DomainRuleException("draft.version.not-open");
        var note = Text.CleanOrNull(changeNote) ?? throw new DomainRuleException("draft.version.note-required");
        var version = new DraftVersion(Versions.Count == 0 ? 1 : Versions.Max(v => v.Number) + 1, body, note, now);
        Versions.Add(version);
        return version;
    }

    /// <summary>The window is over: comments stop and the compiled report draft is ready for the committee.</summary>
    public void CloseAndCompile(string reportMarkdown, DateTimeOffset now)
    {
        if (State != DraftState.Open) throw new DomainRuleException("draft.close.not-open");
        if (now < ClosesAt) throw new DomainRuleException("draft.close.too-early");
        ClosedAt = now;
        CompiledAt = now;
        ReportMarkdown = CheckReport(reportMarkdown);
        State = DraftState.ReportInPreparation;
    }

    public void EditReport(string markdown)
    {
        if (State != DraftState.ReportInPreparation) throw new DomainRuleException("draft.report.frozen");
        ReportMarkdown = CheckReport(markdown);
    }

    /// <summary>Sends the criticism document: frozen from now on, the agency's answer is due at <paramref name="answerDue"/>.</summary>
    public void SendReport(int recommendations, DateTimeOffset now, DateTimeOffset answerDue)
    {
        if (State != DraftState.ReportInPreparation) throw new DomainRuleException("draft.send.not-ready", State);
        if (recommendations == 0) throw new DomainRuleException("draft.send.no-recommendations");
        ReportSentAt = now;
        AnswerDueAt = answerDue;
        State = DraftState.ReportSent;
    }

    public void MarkAnswered(DateTimeOffset now)
    {
        if (State != DraftState.ReportSent) throw new DomainRuleException("draft.answer.not-sent");
        AnsweredAt = now;
        State = DraftState.Answered;
    }

    public bool IsAnswerOverdueAt(DateTimeOffset now) => State == DraftState.ReportSent && AnswerDueAt is DateTimeOffset due && now > due;

    private static string CheckReport(string markdown)
    {
        var text = Text.Clean(markdown);
        if (text.Length == 0) throw new DomainRuleException("draft.report.required");
        if (text.Length > ReportMax) throw new DomainRuleException("draft.report.too-long", ReportMax);
        return text;
    }
}

/// <summary>One version of the draft's text (Markdown), with what changed and when it was published.</summary>
public sealed class DraftVersion
{
    public const int BodyMax = 200_000;

    private DraftVersion() { }

    internal DraftVersion(int number, string body, string? changeNote, DateTimeOffset at)
    {
        Number = number;
        ChangeNote = changeNote;
        PublishedAt = at;
        Replace(body);
    }

    public int Id { get; private set; }
    public int DraftId { get; private set; }
    public int Number { get; private set; }
    public string Body { get; private set; } = "";
    public string? ChangeNote { get; private set; }
    public DateTimeOffset PublishedAt { get; private set; }

    internal void Replace(string body)
    {
        var text = Text.Clean(body);
        if (text.Length < 20) throw new DomainRuleException("draft.body.too-short");
        if (text.Length > BodyMax) throw new DomainRuleException("draft.body.too-long", BodyMax);
        if (DraftSectionParser.Parse(text).Count == 0) throw new DomainRuleException("draft.body.no-sections");
        Body = text;
    }
}

/// <summary>Pure: the minimum comment window of a draft opened to residents (Luật Thực hiện dân chủ ở cơ sở 2022, Điều 28.2).</summary>
public static class DraftWindowRule
{
    public const int LegalMinimumDays = 20;

    public static void Check(DateTimeOffset opensAt, DateTimeOffset closesAt, bool openToResidents, int minResidentDays)
    {
        if (closesAt <= opensAt) throw new DomainRuleException("draft.window.invalid");
        if (openToResidents && closesAt - opensAt < TimeSpan.FromDays(minResidentDays))
            throw new DomainRuleException("draft.window.too-short", minResidentDays, Math.Round((closesAt - opensAt).TotalDays, 1));
    }
}
