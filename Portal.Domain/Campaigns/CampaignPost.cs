namespace Portal.Domain.Campaigns;

public enum CampaignPostKind
{
    /// <summary>News of the campaign from its organisers.</summary>
    Update = 1,
    /// <summary>An update that marks a step reached ("Hoàn thành 5 km").</summary>
    Milestone = 2,
    /// <summary>A note of the community investment supervision board (Ban Giám sát đầu tư của cộng đồng).</summary>
    SupervisionNote = 3,
}

/// <summary>An update, milestone or supervision note on a campaign, in Markdown.</summary>
public sealed class CampaignPost
{
    public const int MaxTitle = 200;
    public const int MaxBody = 10_000;

    private CampaignPost() { }

    public CampaignPost(int campaignId, CampaignPostKind kind, string title, string bodyMarkdown, string? authorId, string authorName, DateTimeOffset at)
    {
        if (!Enum.IsDefined(kind)) throw new DomainRuleException("post.kind.invalid");
        var cleanTitle = Text.Clean(title);
        if (cleanTitle.Length is < 3 or > MaxTitle) throw new DomainRuleException("post.title.invalid", MaxTitle);
        var body = Text.Clean(bodyMarkdown);
        if (body.Length is < 10 or > MaxBody) throw new DomainRuleException("post.body.invalid", MaxBody);
        CampaignId = campaignId;
        Kind = kind;
        Title = cleanTitle;
        BodyMarkdown = body;
        AuthorId = authorId;
        AuthorName = authorName;
        PostedAt = at;
    }

    public long Id { get; private set; }
    public int CampaignId { get; private set; }
    public CampaignPostKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string BodyMarkdown { get; private set; } = "";
    public string? AuthorId { get; private set; }
    public string AuthorName { get; private set; } = "";
    public DateTimeOffset PostedAt { get; private set; }
}

/// <summary>Someone who hears of a campaign's updates (pledgers follow automatically).</summary>
public sealed class CampaignFollower
{
    public int CampaignId { get; set; }
    public string UserId { get; set; } = "";
}
