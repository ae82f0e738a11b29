using MudBlazor;

namespace Portal.Web.Dialogues.Staff;

/// <summary>What a moderator may do with an item.</summary>
[Flags]
public enum ModerationActions
{
    None = 0,
    Accept = 1,
    Refuse = 2,
    Merge = 4,
    Redact = 8,
    /// <summary>Give it to another agency, or transfer it to another unit's agency.</summary>
    Route = 16,
}

/// <summary>
/// One item of a moderation queue as the moderator sees it: the original text, who really sent it, and what may be done.
/// Conference questions fill it today; a draft's comments can fill it the same way.
/// </summary>
public sealed record ModerationItem(long Id, string Text, string? PublicText, string Author, string Where, string? RelayedFor, string? Topic,
    string StateLabel, Color StateColour, DateTimeOffset ReceivedAt, int Supports, ModerationActions Allowed, int? SuggestedAgencyId = null,
    string? AgencyName = null)
{
    /// <summary>The files sent with the item, shown to the moderator under its text.</summary>
    public IReadOnlyList<Portal.Domain.Attachments.AttachmentInfo> Attachments { get; init; } = [];
}

/// <summary>A near-duplicate the item could be merged into.</summary>
public sealed record SimilarItem(long Id, string Text, int Supports);
