using System.Globalization;
using Portal.Domain.Reports;

namespace Portal.Web.OpenData;

/// <summary>GET /api/v1/statistics: the responsiveness dashboard's figures of a unit's subtree (or one agency) for a
/// period of months, with the monthly trend, the agency ranking and the breakdown by child unit.</summary>
public static class StatisticsApi
{
    public sealed record Figure(string Code, double? Value, FigureFormat Format);
    public sealed record Month(string Of, IReadOnlyDictionary<string, long> Values);
    public sealed record Rank(int AgencyId, string Name, long Part, long Whole, double Rate);
    public sealed record Child(int UnitId, string Name, IReadOnlyList<Figure> Figures);
    public sealed record Pillar(string Name, IReadOnlyList<Figure> Figures, IReadOnlyList<Month> Trend, IReadOnlyList<Rank> Ranking, IReadOnlyList<Child> Children);
    public sealed record Body(int UnitId, string UnitName, int? AgencyId, string From, string To, IReadOnlyList<Pillar> Pillars);

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/statistics", GetAsync).WithTags("statistics").WithName("statistics")
            .WithSummary("Số liệu trách nhiệm giải trình (responsiveness figures)")
            .WithDescription("Tham số: unit (bắt buộc: tỉnh hoặc xã, gồm các đơn vị trực thuộc), agency, from, to (tháng yyyy-MM; mặc định 6 tháng gần nhất, tối đa 36 tháng). "
                + "Các số đếm theo tháng; \"overdue-now\" là hiện tại; tháng này tính đến thời điểm gọi.");

    private static async Task<IResult> GetAsync(HttpContext http, StatisticsService statistics, string? unit = null, string? agency = null,
        string? from = null, string? to = null)
    {
        var query = ApiQuery.Read(http.Request, "unit", "agency", "from", "to");
        var unitId = query.Int("unit") ?? throw new ApiInputException("unit", "'unit' là bắt buộc.");
        var agencyId = query.Int("agency");
        var end = query.Month("to") ?? statistics.CurrentMonth;
        var start = query.Month("from") ?? end.AddMonths(-5);
        if (start > end) throw new ApiInputException("from", "'from' phải trước hoặc bằng 'to'.");
        if (start < end.AddMonths(-(StatisticsService.MaxMonths - 1)))
            throw new ApiInputException("from", $"Kỳ dài nhất là {StatisticsService.MaxMonths} tháng.");
        var dashboard = await statistics.DashboardAsync(unitId, agencyId, start, end, http.RequestAborted);
        if (dashboard is null) return ApiResponse.NotFound($"Không có đơn vị {unitId} (tỉnh hoặc xã) hoặc cơ quan {agencyId}.");
        static List<Figure> Figures(IEnumerable<DashboardFigure> figures) => figures.Select(f => new Figure(f.Code, f.Value, f.Format)).ToList();
        return ApiResponse.Ok(http, new Body(dashboard.Unit.Id, dashboard.Unit.Name, dashboard.AgencyId, Text(dashboard.From), Text(dashboard.To),
            dashboard.Pillars.Select(p => new Pillar(p.Pillar, Figures(p.Figures),
                p.Trend.Select(m => new Month(Text(m.Month), m.Values)).ToList(),
                p.Ranking.Select(r => new Rank(r.AgencyId, r.Name, r.Part, r.Whole, r.Rate)).ToList(),
                p.Children.Select(c => new Child(c.Unit.Id, c.Unit.Name, Figures(c.Figures))).ToList())).ToList()));
    }

    private static string Text(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
