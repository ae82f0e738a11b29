using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Deadlines;
using Portal.Domain.Reports;
using Portal.Web.Accounts;
using Portal.Web.Accounts.Roles;

namespace Portal.Web.OpenData;

/// <summary>GET /quan-ly/co-quan/{id}/han-xu-ly.csv: an agency's items and their deadlines as CSV (UTF-8 with BOM, so
/// Excel opens Vietnamese correctly), for its members and the officials of its unit.</summary>
public static class AgencyDeadlinesExport
{
    public static void MapAgencyDeadlinesExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/quan-ly/co-quan/{id:int}/han-xu-ly.csv", ExportAsync).RequireAuthorization();

    private static async Task<IResult> ExportAsync(int id, HttpContext http, AgencyDeadlines deadlines, IStringLocalizer<OpenDataText> T)
    {
        var actor = CurrentActor.From(http.User);
        if (actor is null) return Results.Unauthorized();
        try
        {
            var (agency, rows) = await deadlines.ForAsync(actor, id, http.RequestAborted);
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(Write(rows, T), "text/csv; charset=utf-8", $"han-xu-ly-co-quan-{id}.csv");
        }
        catch (AccessDeniedException)
        {
            return Results.Text(T["Bạn không có quyền xem các hạn xử lý của cơ quan này."], "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        }
        catch (DomainRuleException)
        {
            return Results.Text(T["Không có cơ quan này."], "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }
    }

    private static byte[] Write(IReadOnlyList<AgencyDeadlineRow> rows, IStringLocalizer<OpenDataText> T)
    {
        var csv = new StringBuilder();
        void Line(IEnumerable<string> cells) => csv.AppendJoin(',', cells.Select(AuditCsv.Cell)).Append("\r\n");
        static string Time(DateTimeOffset? at) => at is DateTimeOffset t ? Shell.Cultures.ToLocal(t).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
        Line([T["Loại việc"], T["Loại đối tượng"], T["Mã"], T["Nội dung"], T["Đơn vị"], T["Bắt đầu"], T["Hạn"], T["Hoàn thành"], T["Tình trạng"], T["Căn cứ tính hạn"], T["Liên kết"]]);
        foreach (var r in rows)
            Line([DeadlineKindNames.Name(r.Kind, T), r.ItemType, r.ItemId, r.Title, r.UnitName, Time(r.StartedAt), Time(r.DueAt), Time(r.MetAt), State(r.State, T), r.Explanation, r.Link ?? ""]);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string State(DeadlineState state, IStringLocalizer<OpenDataText> T) => state switch
    {
        DeadlineState.OnTime => T["Trong hạn"],
        DeadlineState.DueSoon => T["Sắp đến hạn"],
        DeadlineState.Overdue => T["Quá hạn"],
        DeadlineState.AnsweredOnTime => T["Hoàn thành đúng hạn"],
        _ => T["Hoàn thành trễ hạn"],
    };
}
