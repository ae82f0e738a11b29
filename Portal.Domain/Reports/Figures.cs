using Portal.Domain.Data;

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
}
