namespace Portal.Domain.Drafts;

/// <summary>Đồng ý / Không đồng ý / Đề xuất sửa đổi.</summary>
public enum Stance
{
    Agree = 1,
    Disagree = 2,
    ProposeAmendment = 3,
}

public enum CommentState
{
    Published = 1,
    /// <summary>Refused by a moderator with a reason; only its author (and staff) see it, with the reason.</summary>
    Refused = 2,
}

/// <summary>
/// A comment (góp ý) on one section of a draft, or on the whole draft when <see cref="SectionAnchor"/> is null: a stance,
/// the argument, and optionally the wording the commenter proposes for the section. Published at once; moderators act after
/// (refuse with a reason, redact personal data), and enough abuse reports hide it pending review.
/// </summary>
public sealed class DraftComment
{
    public const int MinLength = 10;
    public const int MaxLength = 5000;
    public const int RefusalMax = 1000;

    private DraftComment() { }

    public DraftComment(int draftId, int versionId, string? sectionAnchor, Stance stance, string text, string? proposedWording,
        string authorId, string? organisationName, DateTimeOffset at, Guid clientRequestId)
    {
        if (!Enum.IsDefined(stance)) throw new DomainRuleException("comment.stance.invalid");
        var body = Text.Clean(text);
        if (body.Length < MinLength) throw new DomainRuleException("comment.text.too-short", MinLength);
        if (body.Length > MaxLength) throw new DomainRuleException("comment.text.too-long", MaxLength);
        var wording = Text.CleanOrNull(proposedWording);
        if (wording is { Length: > MaxLength }) throw new DomainRuleException("comment.wording.too-long", MaxLength);
        if (wording is not null && sectionAnchor is null) throw new DomainRuleException("comment.wording.needs-section");
        DraftId = draftId;
        VersionId = versionId;
        SectionAnchor = sectionAnchor;
        Stance = wording is not null ? Stance.ProposeAmendment : stance;
        Body = body;
        ProposedWording = wording;
        AuthorId = authorId;
        OrganisationName = Text.CleanOrNull(organisationName);
        CreatedAt = at;
        ClientRequestId = clientRequestId;
    }

    public long Id { get; private set; }
    public int DraftId { get; private set; }
    /// <summary>The version the commenter read.</summary>
    public int VersionId { get; private set; }
    /// <summary>The section's stable anchor ("dieu-3", "muc-2-k1"); null for a general comment.</summary>
    public string? SectionAnchor { get; private set; }
    public Stance Stance { get; private set; }
    public string Body { get; private set; } = "";
    public string? ProposedWording { get; private set; }
    /// <summary>What the public reads instead of <see cref="Body"/> after a moderator removed personal data.</summary>
    public string? RedactedBody { get; private set; }
    public string AuthorId { get; private set; } = "";
    /// <summary>Set when an invited reviewer comments under their organisation's name.</summary>
    public string? OrganisationName { get; private set; }
    public CommentState State { get; private set; } = CommentState.Published;
    public string? RefusalReason { get; private set; }
    public DateTimeOffset? HiddenAt { get; private set; }
    public int SupportCount { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid ClientRequestId { get; private set; }

    public string PublicBody => RedactedBody ?? Body;
    public bool IsPublic => State == CommentState.Published && HiddenAt is null;

    public void Refuse(string reason)
    {
        var why = Text.Clean(reason);
        if (why.Length is < 5 or > RefusalMax) throw new DomainRuleException("comment.refusal.reason-required", RefusalMax);
        if (State == CommentState.Refused) throw new DomainRuleException("comment.refuse.already");
        State = CommentState.Refused;
        RefusalReason = why;
    }

    public void Redact(string publicText)
    {
        var text = Text.Clean(publicText);
        if (text.Length is 0 or > MaxLength) throw new DomainRuleException("comment.text.too-long", MaxLength);
        RedactedBody = text == Body ? null : text;
    }

    /// <summary>A moderator found nothing wrong with a reported comment: it shows again.</summary>
    public void Restore() => HiddenAt = null;
}

/// <summary>A resident supports a comment (once per account).</summary>
public sealed class DraftCommentSupport
{
    public long CommentId { get; set; }
    public string UserId { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>A report that a comment breaks the rules (once per account); enough of them hide it pending review.</summary>
public sealed class DraftCommentReport
{
    public long CommentId { get; set; }
    public string UserId { get; set; } = "";
    public string? Reason { get; set; }
    public DateTimeOffset At { get; set; }
}
