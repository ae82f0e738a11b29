using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Portal.Domain.Drafts;
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
    /// <summary>GET /du-thao/{id}/bang-tiep-thu.csv: public once the criticism document is sent.</summary>
    public static IEndpointConventionBuilder MapDraftEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/du-thao/{id:int}/bang-tiep-thu.csv", async (int id, DraftReader reader, IStringLocalizer<DraftsText> T, CancellationToken ct) =>
            await reader.TableAsync(id, ct) is { } table
                ? Results.File(ReceiptCsv.Write(table, T), "text/csv; charset=utf-8", $"bang-tiep-thu-giai-trinh-du-thao-{id}.csv")
                : Results.NotFound());
}
