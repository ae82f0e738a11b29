using Microsoft.Extensions.Localization;
using Portal.Domain;
using Portal.Domain.Campaigns;
using Portal.Domain.Units;
using Portal.Web.Feeds;

namespace Portal.Web.Campaigns;

/// <summary>GET /van-dong/atom and /dia-phuong/{id}/van-dong/atom: campaigns opened and completed, their updates, milestones
/// and supervision notes, as an Atom feed. 404 for a unit that does not exist.</summary>
public static class CampaignFeedEndpoints
{
    public static string PathFor(int? unitId) => unitId is int id ? $"/dia-phuong/{id}/van-dong/atom" : "/van-dong/atom";

    public static void MapCampaignFeed(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/van-dong/atom", (CampaignReader reader, PortalLinks links, TimeProvider clock, CancellationToken ct) =>
            FeedAsync(null, "Cuộc vận động", reader, links, clock, ct));
        endpoints.MapGet("/dia-phuong/{unitId:int}/van-dong/atom", async (int unitId, UnitService units, CampaignReader reader, PortalLinks links,
            TimeProvider clock, CancellationToken ct) => await units.FindAsync(unitId) is { } unit
                ? await FeedAsync(unitId, $"Cuộc vận động tại {unit.FullName}", reader, links, clock, ct)
                : Results.NotFound());
    }

    private static async Task<IResult> FeedAsync(int? unitId, string title, CampaignReader reader, PortalLinks links, TimeProvider clock, CancellationToken ct)
    {
        var items = await reader.FeedAsync(unitId, ct: ct);
        var entries = items.Select(i => new AtomEntry(
            i.PostId is long post ? $"{links.Campaign(i.CampaignId)}#tin-{post}" : links.Campaign(i.CampaignId) + (i.Event == CampaignFeedEvent.Completed ? "#bang-vang" : "#tien-do"),
            i.Event switch
            {
                CampaignFeedEvent.Opened => $"Phát động cuộc vận động: {i.Title}",
                CampaignFeedEvent.Completed => $"Hoàn thành cuộc vận động: {i.Title}",
                CampaignFeedEvent.Milestone => $"Cột mốc: {i.Title}",
                CampaignFeedEvent.SupervisionNote => $"Ban Giám sát đầu tư của cộng đồng: {i.Title}",
                _ => $"Tin mới: {i.Title}",
            },
            i.Event == CampaignFeedEvent.Completed ? $"{i.Author} đã hoàn thành cuộc vận động; xem tổng kết đóng góp và sổ đóng góp từng thôn." : Text.Shorten(i.Summary, 400),
            i.At, i.At, i.Author)).ToList();
        return AtomFeed.Result(AtomFeed.Write(links.BaseUrl, PathFor(unitId), unitId is int id ? $"/dia-phuong/{id}/van-dong" : "/van-dong", title, entries, clock.GetUtcNow()));
    }
}
