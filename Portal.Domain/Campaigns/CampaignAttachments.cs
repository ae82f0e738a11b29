using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Attachments;
using Portal.Domain.Data;

namespace Portal.Domain.Campaigns;

/// <summary>What the campaigns pillar attaches files to: a campaign's cover photo, an update's photos, a village decision's minutes.</summary>
public static class CampaignAttachments
{
    public const string CoverKind = "campaign-cover";
    public const string PostKind = "campaign-post";
    public const string MinutesKind = "village-decision";

    /// <summary>One cover photo, replaced when a new one is chosen.</summary>
    public static readonly AttachmentLimits Cover = new(AttachmentLimits.Images, 1, 5 * AttachmentLimits.MegaByte);
    /// <summary>Photos of the work on an update or milestone ("Hoàn thành 5 km").</summary>
    public static readonly AttachmentLimits PostPhotos = new(AttachmentLimits.Images, 6, 10 * AttachmentLimits.MegaByte);
    /// <summary>The minutes of the village meeting or the ballot's tally: photos or PDF.</summary>
    public static readonly AttachmentLimits Minutes = new(AttachmentLimits.ImagesAndPdf, 5, 10 * AttachmentLimits.MegaByte);

    public static AttachmentOwner OfCover(int campaignId) => AttachmentOwner.Of(CoverKind, campaignId);
    public static AttachmentOwner OfPost(long postId) => AttachmentOwner.Of(PostKind, postId);
    public static AttachmentOwner OfDecision(long decisionId) => AttachmentOwner.Of(MinutesKind, decisionId);
}

/// <summary>A campaign's files are public once the campaign is (no longer a draft); its organisers see them always.</summary>
public sealed class CampaignAttachmentAccess(string ownerKind) : IAttachmentAccess
{
    public string OwnerKind => ownerKind;

    public static IEnumerable<IAttachmentAccess> All() =>
        [new CampaignAttachmentAccess(CampaignAttachments.CoverKind), new CampaignAttachmentAccess(CampaignAttachments.PostKind),
            new CampaignAttachmentAccess(CampaignAttachments.MinutesKind)];

    public async Task<bool> MayViewAsync(PortalDb db, Actor? viewer, string ownerId, CancellationToken ct)
    {
        if (!long.TryParse(ownerId, out var id)) return false;
        var campaignId = ownerKind switch
        {
            CampaignAttachments.CoverKind => (int?)id,
            CampaignAttachments.PostKind => await db.CampaignPosts.Where(p => p.Id == id).Select(p => (int?)p.CampaignId).SingleOrDefaultAsync(ct),
            _ => await db.VillageDecisions.Where(d => d.Id == id).Select(d => (int?)d.CampaignId).SingleOrDefaultAsync(ct),
        };
        var campaign = await db.Campaigns.Where(c => c.Id == campaignId).Select(c => new { c.State, c.UnitId }).SingleOrDefaultAsync(ct);
        if (campaign is null) return false;
        return campaign.State != CampaignState.Draft || (viewer is not null && await db.MayAsync(viewer, StaffAction.ManageCampaign, campaign.UnitId, ct));
    }
}
