namespace Portal.Domain.Drafts;

/// <summary>Tiếp thu / Tiếp thu một phần / Không tiếp thu.</summary>
public enum Decision
{
    Accepted = 1,
    PartlyAccepted = 2,
    NotAccepted = 3,
}

/// <summary>
/// One recommendation (kiến nghị) of the criticism document: linked to the section it concerns and to the comments it
/// comes from; the drafting agency answers it with a decision, explaining (giải trình) any it does not fully accept
/// (Law on the Fatherland Front Art. 36.3). A row of the table of receipt and explanation.
/// </summary>
public sealed class CriticismRecommendation
{
    public const int TextMax = 4000;
    public const int ExplanationMax = 4000;

    private CriticismRecommendation() { }

    public CriticismRecommendation(int draftId, string? sectionAnchor, string? sectionTitle, string text, IEnumerable<long> sourceCommentIds, int position)
    {
        DraftId = draftId;
        SectionAnchor = sectionAnchor;
        SectionTitle = Domain.Text.CleanOrNull(sectionTitle) is { } title && title.Length > 300 ? title[..300] : Domain.Text.CleanOrNull(sectionTitle);
        Position = position;
        Edit(text);
        SourceCommentIds = sourceCommentIds.Distinct().Order().ToArray();
    }

    public long Id { get; private set; }
    public int DraftId { get; private set; }
    public string? SectionAnchor { get; private set; }
    public string? SectionTitle { get; private set; }
    public string Text { get; private set; } = "";
    /// <summary>The comments behind it (kept through merges and splits).</summary>
    public long[] SourceCommentIds { get; private set; } = [];
    public int Position { get; private set; }
    public Decision? Decision { get; private set; }
    public string? Explanation { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? AnsweredById { get; private set; }
    public uint Version { get; private set; }

    public void Edit(string text)
    {
        var cleaned = Domain.Text.Clean(text);
        if (cleaned.Length is < 5 or > TextMax) throw new DomainRuleException("recommendation.text.invalid", TextMax);
        Text = cleaned;
    }

    public void MoveTo(int position) => Position = position;

    /// <summary>Takes in another recommendation: its text is appended and its comments come along.</summary>
    public void Absorb(CriticismRecommendation other)
    {
        if (other.DraftId != DraftId || ReferenceEquals(other, this)) throw new DomainRuleException("recommendation.merge.invalid");
        if (other.SectionAnchor != SectionAnchor) throw new DomainRuleException("recommendation.merge.other-section");
        Edit(Text + "\n\n" + other.Text);
        SourceCommentIds = SourceCommentIds.Union(other.SourceCommentIds).Order().ToArray();
    }

    /// <summary>Splits off the given comments into a new recommendation with its own text.</summary>
    public CriticismRecommendation SplitOff(IReadOnlyCollection<long> commentIds, string text, int position)
    {
        var moving = commentIds.Where(SourceCommentIds.Contains).ToArray();
        if (moving.Length == 0 || moving.Length == SourceCommentIds.Length) throw new DomainRuleException("recommendation.split.invalid");
        SourceCommentIds = SourceCommentIds.Except(moving).ToArray();
        return new CriticismRecommendation(DraftId, SectionAnchor, SectionTitle, text, moving, position);
    }

    /// <summary>The drafting agency's decision; an explanation is required unless fully accepted.</summary>
    public void Answer(Decision decision, string? explanation, string byUserId, DateTimeOffset at)
    {
        if (!Enum.IsDefined(decision)) throw new DomainRuleException("recommendation.decision.invalid");
        var why = Domain.Text.CleanOrNull(explanation);
        if (decision != Drafts.Decision.Accepted && (why is null || why.Length < 10)) throw new DomainRuleException("recommendation.explanation.required");
        if (why is { Length: > ExplanationMax }) throw new DomainRuleException("recommendation.explanation.too-long", ExplanationMax);
        Decision = decision;
        Explanation = why;
        AnsweredAt = at;
        AnsweredById = byUserId;
    }
}
