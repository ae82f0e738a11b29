using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Deadlines;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Deadlines;

public class DeadlineServiceTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldSeedHolidaysAndPoliciesOnceOnly()
    {
        var service = new DeadlineService(db, db.Clock);
        await service.SeedAsync();
        await service.SeedAsync();

        var tet2026 = await service.HolidaysAsync(2026);
        Assert.Equal(5, tet2026.Count(h => h.Name == HolidayRules.Tet));
        var policies = await service.PoliciesAsync();
        Assert.Equal(DeadlinePolicy.Defaults().Count, policies.Count);
        Assert.False(policies.Single(p => p.Kind == DeadlineKind.AnswerCriticism).IsLaw);
    }

    [Fact]
    public async Task ShouldMoveADueDateWhenAnAdminRecordsAnExtraDayOff()
    {
        var service = new DeadlineService(db, db.Clock);
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));
        await using (var ctx = db.CreateDbContext())
        {
            var before = await DeadlineService.StartAsync(ctx, DeadlineKind.Acknowledge, UnitLevel.Commune, start, default);
            Assert.EndsWith("→ hạn 16/03/2026", before.ExplanationVi);
        }

        await service.SaveHolidayAsync(Actor.System, null, new DateOnly(2026, 3, 10), "Nghỉ theo quyết định của tỉnh", HolidayKind.CompensatoryDayOff);

        await using (var ctx = db.CreateDbContext())
        {
            var after = await DeadlineService.StartAsync(ctx, DeadlineKind.Acknowledge, UnitLevel.Commune, start, default);
            Assert.Equal("10 ngày làm việc kể từ 02/03/2026; không tính Nghỉ theo quyết định của tỉnh 10/03/2026 → hạn 17/03/2026", after.ExplanationVi);
            Assert.True(await ctx.AuditEntries.AnyAsync(a => a.Action == "holiday.add"));
        }
    }

    [Fact]
    public async Task ShouldRefuseAPolicyWithANonPositiveLengthAndKeepTheOldOne()
    {
        var service = new DeadlineService(db, db.Clock);
        var policy = (await service.PoliciesAsync()).First(p => p.Kind == DeadlineKind.AnswerQuestion);

        var refusal = await Assert.ThrowsAsync<DomainRuleException>(() =>
            service.UpdatePolicyAsync(Actor.System, policy.Id, 0, DayCounting.WorkingDays, [], 1, "Quy định của địa phương", false));

        Assert.Equal("deadline.length.not-positive", refusal.Key);
        Assert.Equal(15, (await service.PoliciesAsync()).First(p => p.Id == policy.Id).Length);
    }

    [Fact]
    public async Task ShouldRecomputeAnOpenTrackedDeadlineWhenAHolidayIsAddedInsideIt()
    {
        var tree = await SmallTree.CreateAsync(db);
        var start = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(7));
        long id;
        await using (var ctx = db.CreateDbContext())
        {
            var tracked = await DeadlineService.TrackAsync(ctx, DeadlineKind.AnswerQuestion, "question", "q-1", "Đường thôn Nà Sla sạt lở", tree.CommuneA, null, null, start);
            await ctx.SaveChangesAsync();
            id = tracked.Id;
            Assert.Equal(2, tracked.Reminders.Count);
        }
        var service = new DeadlineService(db, db.Clock);
        await service.SaveHolidayAsync(Actor.System, null, new DateOnly(2026, 4, 15), "Nghỉ theo quyết định của tỉnh", HolidayKind.CompensatoryDayOff);

        await using var check = db.CreateDbContext();
        var after = await check.TrackedDeadlines.Include(t => t.Reminders).SingleAsync(t => t.Id == id);
        Assert.Contains("Nghỉ theo quyết định của tỉnh 15/04/2026", after.Deadline.ExplanationVi);
        // 15 working days from 01/04/2026 ended on 22/04; the day off on 15/04 pushes it one working day.
        Assert.EndsWith("→ hạn 23/04/2026", after.Deadline.ExplanationVi);
        Assert.Equal(new DateTimeOffset(2026, 4, 23, 16, 59, 59, TimeSpan.Zero), after.Deadline.DueAt);
        // Reminders follow: 3 and 1 working days before 23/04, at 07:00 in Vietnam.
        Assert.Equal([new DateTimeOffset(2026, 4, 20, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 22, 0, 0, 0, TimeSpan.Zero)],
            after.Reminders.OrderBy(r => r.RemindAt).Select(r => r.RemindAt));
    }

    [Fact]
    public void ShouldTellTheStateOfADeadline()
    {
        var due = new DateTimeOffset(2026, 3, 16, 16, 59, 59, TimeSpan.Zero);
        var deadline = new Deadline(due.AddDays(-14), due, "", "");

        Assert.Equal(DeadlineState.OnTime, deadline.StateAt(due.AddDays(-5)));
        Assert.Equal(DeadlineState.DueSoon, deadline.StateAt(due.AddDays(-2)));
        Assert.Equal(DeadlineState.Overdue, deadline.StateAt(due.AddSeconds(1)));
        Assert.Equal(DeadlineState.AnsweredOnTime, deadline.Met(due.AddHours(-1)).StateAt(due.AddDays(9)));
        Assert.Equal(DeadlineState.AnsweredLate, deadline.Met(due.AddHours(1)).StateAt(due.AddDays(9)));
    }
}
