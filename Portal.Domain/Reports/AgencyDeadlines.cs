using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Data;
using Portal.Domain.Deadlines;

namespace Portal.Domain.Reports;

/// <summary>One item with a deadline of an agency, whatever the pillar (a row of the TrackedDeadline register).</summary>
public sealed record AgencyDeadlineRow(DeadlineKind Kind, string ItemType, string ItemId, string Title, string UnitName, DateTimeOffset StartedAt,
    DateTimeOffset DueAt, DateTimeOffset? MetAt, DeadlineState State, string Explanation, string? Link);

/// <summary>
/// An agency's items and their deadlines, for the officials' CSV export: every pillar's deadline-bearing items are in
/// the one register, so drafts' and campaigns' items appear here as soon as they track their deadlines there.
/// Members of the agency and officials or leaders of its unit (or a unit above) may read it.
/// </summary>
public sealed class AgencyDeadlines(IDbContextFactory<PortalDb> dbs, TimeProvider clock)
{
    public const int MaxRows = 50_000;

    public async Task<(string AgencyName, IReadOnlyList<AgencyDeadlineRow> Rows)> ForAsync(Actor actor, int agencyId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => new { a.Name, a.UnitId }).SingleOrDefaultAsync(ct)
            ?? throw new DomainRuleException("agency.not-found");
        var member = actor.UserId is not null && await db.AgencyMembers.AnyAsync(m => m.AgencyId == agencyId && m.UserId == actor.UserId, ct);
        if (!member) await db.DemandAsync(actor, StaffAction.Answer, agency.UnitId, ct);
        var now = clock.GetUtcNow();
        var rows = await db.TrackedDeadlines.AsNoTracking().Where(t => t.AgencyId == agencyId)
            .OrderBy(t => t.Deadline.MetAt != null).ThenBy(t => t.Deadline.DueAt).ThenBy(t => t.Id).Take(MaxRows)
            .Select(t => new { t.Kind, t.ItemType, t.ItemId, t.Title, Unit = t.Unit.FullName, t.Deadline, t.Link })
            .ToListAsync(ct);
        return (agency.Name, rows.Select(r => new AgencyDeadlineRow(r.Kind, r.ItemType, r.ItemId, r.Title, r.Unit, r.Deadline.StartedAt,
            r.Deadline.DueAt, r.Deadline.MetAt, r.Deadline.StateAt(now), r.Deadline.ExplanationVi, r.Link)).ToList());
    }
}
