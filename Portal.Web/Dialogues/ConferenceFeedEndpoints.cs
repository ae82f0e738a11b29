using Portal.Domain;
using Portal.Domain.Dialogues;
using Portal.Domain.Units;
using Portal.Web.Feeds;

namespace Portal.Web.Dialogues;

/// <summary>GET /dia-phuong/{id}/hoi-nghi/atom: a locality's new conferences and published results as an Atom feed, for
/// feed readers, local news sites and the commune's own page. 404 for a unit that does not exist.</summary>
public static class ConferenceFeedEndpoints
{
    public static string PathFor(int unitId) => $"/dia-phuong/{unitId}/hoi-nghi/atom";

    public static IEndpointConventionBuilder MapConferenceFeed(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/dia-phuong/{unitId:int}/hoi-nghi/atom", FeedAsync);

    private static async Task<IResult> FeedAsync(int unitId, UnitService units, DialogueReader reader, PortalLinks links, TimeProvider clock,
        CancellationToken ct)
    {
        var unit = await units.FindAsync(unitId);
        if (unit is null) return Microsoft.AspNetCore.Http.Results.NotFound();
        var items = await reader.FeedAsync(unitId, ct: ct);
        var entries = items.Select(i => i.Event == FeedEvent.Announced
            ? new AtomEntry(links.Conference(i.ConferenceId), $"Thông báo hội nghị đối thoại: {i.Title}",
                $"{i.UnitName} tổ chức hội nghị đối thoại lúc {VietnamTimeFormat.DateTime(i.StartsAt)}{(i.Place is null ? "" : $" tại {i.Place}")}. Người dân có thể gửi ý kiến, kiến nghị trước hội nghị.",
                i.At, i.At, i.UnitName)
            : new AtomEntry($"{links.Conference(i.ConferenceId)}/ket-qua", $"Công khai kết quả hội nghị: {i.Title}",
                $"{i.UnitName} đã công khai kết quả hội nghị đối thoại ngày {VietnamTimeFormat.DateTime(i.StartsAt)}: các câu trả lời và cam kết.", i.At, i.At, i.UnitName))
            .ToList();
        var xml = AtomFeed.Write(links.BaseUrl, PathFor(unitId), $"/dia-phuong/{unitId}/hoi-nghi", $"Hội nghị đối thoại tại {unit.FullName}",
            entries, clock.GetUtcNow());
        return AtomFeed.Result(xml);
    }
}
