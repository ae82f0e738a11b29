using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Portal.Domain;
using Portal.Domain.Drafts;
using Portal.Domain.Units;
using Portal.Web.Accounts.Roles;

namespace Portal.Web.Drafts;

/// <summary>The table of receipt and explanation as CSV: UTF-8 with a byte-order mark (Excel reads Vietnamese), one row per
/// recommendation, cells a spreadsheet would take for a formula neutralised (the audit export's rule).</summary>
public static class ReceiptCsv
{
    public static byte[] Write(ReceiptTable table, IStringLocalizer<DraftsText> T)
    {
        var csv = new StringBuilder();
        Line(csv, [T["STT"], T["Phần dự thảo"], T["Kiến nghị"], T["Số ý kiến"], T["Ý kiến tiêu biểu"], T["Kết quả"], T["Giải trình"]]);
        foreach (var row in table.Rows)
            Line(csv, [row.Position.ToString(CultureInfo.InvariantCulture), row.Section, row.Recommendation, row.Comments.ToString(CultureInfo.InvariantCulture),
                string.Join(" | ", row.Examples), DraftNames.Decision(row.Decision, T), row.Explanation ?? ""]);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static void Line(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.AppendJoin(',', cells.Select(AuditCsv.Cell));
        csv.Append("\r\n");
    }
}

public static class DraftEndpoints
{
    /// <summary>GET /du-thao/{id}/bang-tiep-thu.csv (public once the criticism document is sent), and the Atom feeds of drafts:
    /// /du-thao/atom and /dia-phuong/{unitId}/du-thao/atom.</summary>
    public static void MapDraftEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/du-thao/{id:int}/bang-tiep-thu.csv", async (int id, DraftReader reader, IStringLocalizer<DraftsText> T, CancellationToken ct) =>
            await reader.TableAsync(id, ct) is { } table
                ? Results.File(ReceiptCsv.Write(table, T), "text/csv; charset=utf-8", $"bang-tiep-thu-giai-trinh-du-thao-{id}.csv")
                : Results.NotFound());
        endpoints.MapGet("/du-thao/atom", (DraftReader reader, PortalLinks links, IStringLocalizer<DraftsText> T, TimeProvider clock, CancellationToken ct) =>
            FeedAsync(null, null, reader, links, T, clock, ct));
        endpoints.MapGet("/dia-phuong/{unitId:int}/du-thao/atom", async (int unitId, DraftReader reader, UnitService units, PortalLinks links,
                IStringLocalizer<DraftsText> T, TimeProvider clock, CancellationToken ct) =>
            await units.FindAsync(unitId, ct) is { } unit ? await FeedAsync(unit.Id, unit.FullName, reader, links, T, clock, ct) : Results.NotFound());
    }

    private static async Task<IResult> FeedAsync(int? unitId, string? unitName, DraftReader reader, PortalLinks links, IStringLocalizer<DraftsText> T,
        TimeProvider clock, CancellationToken ct)
    {
        var items = await reader.FeedAsync(unitId, ct: ct);
        var entries = items.Select(d => new Feeds.AtomEntry(links.Draft(d.Id), d.Title,
            $"{DraftNames.State(d.State, T)} · {d.UnitName} · {T["Lấy ý kiến từ {0} đến {1}", Dialogues.VietnamTimeFormat.Date(d.OpensAt), Dialogues.VietnamTimeFormat.Date(d.ClosesAt)]}"
                + (d.Summary is null ? "" : $"\n\n{d.Summary}"),
            d.Updated, d.PublishedAt, d.FrontName)).ToList();
        var page = unitId is null ? "/du-thao" : $"/dia-phuong/{unitId}/du-thao";
        return Feeds.AtomFeed.Result(Feeds.AtomFeed.Write(links.BaseUrl, page + "/atom", page,
            unitName is null ? T["Góp ý dự thảo"] : T["Góp ý dự thảo tại {0}", unitName], entries, clock.GetUtcNow()));
    }
}
