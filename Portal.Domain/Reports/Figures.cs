using Portal.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Portal.Domain.Reports;

/// <summary>A count of one month for one unit and one responsible agency (null: not routed).</summary>
public sealed record FigureRow(DateOnly Month, int UnitId, int? AgencyId, string Figure, long Value);

public enum FigureFormat { Count, Percent, Days }

/// <summary>One number on the dashboard: what it is (a code the UI names), its value (null: nothing to measure yet)
/// and, when there is a list of the items behind it, the code of that list.</summary>
public sealed record DashboardFigure(string Code, double? Value, FigureFormat Format, string? ItemsCode = null);

/// <summary>Summed monthly counts of a scope and period, plus the deadlines overdue now by kind.</summary>
public sealed class FigureSums(IReadOnlyDictionary<string, long> sums)
{
    public long this[string figure] => sums.GetValueOrDefault(figure);

    public double? Share(string part, string whole) => this[whole] == 0 ? null : (double)this[part] / this[whole];

    /// <summary>The median of a histogram stored as "prefix:N" counts (N whole days), null when empty.</summary>
    public double? Median(string prefix)
    {
        var buckets = sums.Where(s => s.Key.StartsWith(prefix + ":", StringComparison.Ordinal) && s.Value > 0)
            .Select(s => (Days: int.Parse(s.Key[(prefix.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture), Count: s.Value))
            .OrderBy(b => b.Days).ToList();
        var n = buckets.Sum(b => b.Count);
        if (n == 0) return null;
        double At(long index)
        {
            long seen = 0;
            foreach (var (days, count) in buckets)
            {
                seen += count;
                if (index < seen) return days;
            }
            return buckets[^1].Days;
        }
        return n % 2 == 1 ? At(n / 2) : (At(n / 2 - 1) + At(n / 2)) / 2;
    }
}

/// <summary>Which items a figure's list is about: the scope (a unit's subtree, optionally one agency), the period
/// (instants, end excluded), the moment "now" for overdue lists, and the page (from 1).</summary>
public sealed record FigureItemsQuery(string Code, LTree ScopePath, int? AgencyId, DateTimeOffset From, DateTimeOffset To, DateTimeOffset Now, int Page)
{
    public const int PageSize = 20;
}

/// <summary>One item behind a figure, as the public may see it.</summary>
public sealed record FigureItem(string Text, string? Detail, DateTimeOffset At, string Link);

/// <summary>The public items behind a figure, paged; <see cref="Hidden"/> counts those in the figure that the public
/// may not see (refused, hidden, awaiting moderation), so the list and the number can be reconciled.</summary>
public sealed record FigureItems(IReadOnlyList<FigureItem> Items, int Total, int Hidden, int Page)
{
    public int PageCount => Math.Max(1, (Total + FigureItemsQuery.PageSize - 1) / FigureItemsQuery.PageSize);
}

/// <summary>
/// One pillar's part of the responsiveness dashboard: its monthly counts per unit and agency (from which the nightly
/// snapshot is made and the current month is computed live), the figures it shows, what its trend chart draws and
/// how it ranks agencies. Drafts and campaigns each add one and register it as an <see cref="IFigureProvider"/>.
/// </summary>
public interface IFigureProvider
{
    /// <summary>A short code naming the pillar ("dialogue"): its figures' codes start with it.</summary>
    string Pillar { get; }

    /// <summary>The counts of every unit for the months from <paramref name="fromMonth"/> up to, not including,
    /// <paramref name="toMonth"/> (first days of months in Vietnam's calendar).</summary>
    Task<IReadOnlyList<FigureRow>> MonthlyAsync(PortalDb db, DateOnly fromMonth, DateOnly toMonth, CancellationToken ct);

    /// <summary>The figures shown, from the sums of the scope and period (and its deadlines overdue now).</summary>
    IReadOnlyList<DashboardFigure> Summarise(FigureSums sums);

    /// <summary>The counts drawn month by month in the trend chart.</summary>
    IReadOnlyList<string> Trend { get; }

    /// <summary>How agencies are ranked (e.g. answered on time out of answered); null when the pillar ranks none.</summary>
    (string Part, string Whole)? Ranking { get; }

    /// <summary>The public items behind one of its figures' <see cref="DashboardFigure.ItemsCode"/>; null when the
    /// code is not this pillar's.</summary>
    Task<FigureItems?> ItemsAsync(PortalDb db, FigureItemsQuery query, CancellationToken ct);
}
