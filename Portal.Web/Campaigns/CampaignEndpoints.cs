using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Portal.Domain.Campaigns;
using Portal.Web.Accounts.Roles;

namespace Portal.Web.Campaigns;

/// <summary>The village ledger as CSV: UTF-8 with a byte-order mark (Excel reads Vietnamese), one row per fulfilled pledge,
/// names as on the honour board, amounts as plain numbers with a dot.</summary>
public static class CampaignEndpoints
{
    public static void MapCampaignEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/van-dong/{id:int}/thon/{villageId:int}/so-dong-gop.csv", LedgerCsvAsync);

    private static async Task<IResult> LedgerCsvAsync(int id, int villageId, CampaignReader reader, IStringLocalizer<CampaignsText> T, CancellationToken ct)
    {
        var campaign = await reader.DetailsAsync(id, ct: ct);
        var village = campaign?.Villages.FirstOrDefault(v => v.VillageId == villageId);
        if (campaign is null || village is null) return Results.NotFound();
        var goals = campaign.Goals.Where(g => g.Kind != GoalKind.Length).ToList();
        var ledger = await reader.LedgerAsync(id, villageId, ct);
        var csv = new StringBuilder();
        AuditCsv.Line(csv, [T["STT"], T["Người, hộ đóng góp"], .. goals.Select(g => $"{g.Title} ({g.UnitText})")]);
        foreach (var (entry, index) in ledger.Select((e, i) => (e, i + 1)))
            AuditCsv.Line(csv, [index.ToString(CultureInfo.InvariantCulture), CampaignFormat.Shown(entry, T),
                .. goals.Select(g => entry.Lines.FirstOrDefault(l => l.GoalId == g.Id)?.Fulfilled?.ToString("0.###", CultureInfo.InvariantCulture) ?? "")]);
        AuditCsv.Line(csv, ["", T["Tổng cộng"], .. goals.Select(g => village.Goals.First(v => v.GoalId == g.Id).Fulfilled.ToString("0.###", CultureInfo.InvariantCulture))]);
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
        return Results.File(bytes, "text/csv; charset=utf-8", $"so-dong-gop-{id}-{villageId}.csv");
    }
}
