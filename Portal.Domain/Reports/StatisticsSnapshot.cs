namespace Portal.Domain.Reports;

/// <summary>
/// One figure of one month for one unit and one responsible agency (null: not yet routed), as the nightly snapshot
/// computed it: e.g. ("dialogue.received", 12). A unit's dashboard sums the rows of its subtree, an agency's the rows
/// of the agency; the current month is never read from here but computed live. Written only by
/// <see cref="StatisticsService.SnapshotAsync"/>, which replaces a month's rows in one transaction.
/// </summary>
public sealed class StatisticsSnapshot
{
    private StatisticsSnapshot() { }

    public StatisticsSnapshot(DateOnly month, int unitId, int? agencyId, string figure, long value, DateTimeOffset computedAt)
    {
        Month = month;
        UnitId = unitId;
        AgencyId = agencyId;
        Figure = figure;
        Value = value;
        ComputedAt = computedAt;
    }

    public long Id { get; private set; }
    /// <summary>The first day of the month (in Vietnam's calendar).</summary>
    public DateOnly Month { get; private set; }
    public int UnitId { get; private set; }
    public int? AgencyId { get; private set; }
    public string Figure { get; private set; } = "";
    public long Value { get; private set; }
    public DateTimeOffset ComputedAt { get; private set; }
}
