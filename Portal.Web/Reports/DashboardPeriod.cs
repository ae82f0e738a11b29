using System.Globalization;
using Portal.Domain.Reports;

namespace Portal.Web.Reports;

/// <summary>The dashboard's query string: ?tu=yyyy-MM&amp;den=yyyy-MM&amp;cq=agency. Absent months default to the last
/// six months up to the current one; a month that does not parse is reported, not guessed.</summary>
public sealed record DashboardPeriod(DateOnly From, DateOnly To, int? AgencyId)
{
    public const int DefaultMonths = 6;

    public static DashboardPeriod? Parse(string? from, string? to, int? agency, DateOnly currentMonth)
    {
        var end = string.IsNullOrEmpty(to) ? currentMonth : ParseMonth(to);
        var start = string.IsNullOrEmpty(from) ? end?.AddMonths(-(DefaultMonths - 1)) : ParseMonth(from);
        return start is null || end is null ? null : new DashboardPeriod(start.Value, end.Value, agency);
    }

    private static DateOnly? ParseMonth(string text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && day.Year is >= 2000 and <= 2100 ? day : null;

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string Label(DateOnly month) => month.ToString("MM/yyyy", CultureInfo.InvariantCulture);

    public string Query => $"tu={Month(From)}&den={Month(To)}{(AgencyId is int a ? $"&cq={a}" : "")}";

    public string DashboardLink(int unitId) => $"/thong-ke/{unitId}?{Query}";

    public string ItemsLink(int unitId, string code) => $"/thong-ke/{unitId}/danh-sach/{code}?{Query}";
}
