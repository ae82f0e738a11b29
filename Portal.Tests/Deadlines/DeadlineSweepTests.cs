using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Accounts;
using Portal.Domain.Deadlines;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Deadlines;

/// <summary>The sweep on the real PostgreSQL with a moving clock: one reminder per occasion however often it runs,
/// overdue once, escalation once to the leaders of the parent unit.</summary>
public class DeadlineSweepTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(7)); // due 22/04/2026
    private readonly FakeTimeProvider _clock = new(Start);

    private async Task<(long Tracked, string Official, string Leader)> ArrangeAsync()
    {
        var tree = await SmallTree.CreateAsync(db);
        var official = await TestUsers.CreateAsync(db, "Cán bộ xã Thất Khê");
        var leader = await TestUsers.CreateAsync(db, "Chủ tịch UBND tỉnh");
        var accounts = new AccountService(db, _clock);
        await accounts.GrantAsync(Actor.System, leader, tree.Province, StaffRole.Leader);
        var agencyId = await new AgencyService(db, _clock).CreateAsync(Actor.System, "UBND xã Thất Khê " + Guid.NewGuid().ToString("N")[..6],
            AgencyKind.PeoplesCommittee, tree.CommuneA, null);
        await new AgencyService(db, _clock).AddMemberAsync(Actor.System, agencyId, official);
        await using var ctx = db.CreateDbContext();
        var tracked = await DeadlineService.TrackAsync(ctx, DeadlineKind.AnswerQuestion, "question", Guid.NewGuid().ToString("N")[..12],
            "Đường thôn Nà Sla sạt lở", tree.CommuneA, agencyId, "/hoi-nghi/1#q-7", Start);
        await ctx.SaveChangesAsync();
        return (tracked.Id, official, leader);
    }

    private async Task<int> Count(Func<Portal.Domain.Data.PortalDb, Task<int>> query)
    {
        await using var ctx = db.CreateDbContext();
        return await query(ctx);
    }

    [Fact]
    public async Task ShouldRemindOnceGoOverdueOnceAndEscalateOnce()
    {
        var (tracked, official, leader) = await ArrangeAsync();
        var sweep = new DeadlineSweep(db, _clock);

        _clock.SetUtcNow(new DateTimeOffset(2026, 4, 10, 3, 0, 0, TimeSpan.Zero)); // on time: nothing to do
        Assert.Equal(new SweepResult(0, 0, 0), await sweep.RunAsync("https://portal.test"));

        _clock.SetUtcNow(new DateTimeOffset(2026, 4, 17, 1, 0, 0, TimeSpan.Zero)); // 3 working days before 22/04 is 17/04
        Assert.Equal(1, (await sweep.RunAsync("https://portal.test")).Reminded);
        Assert.Equal(0, (await sweep.RunAsync("https://portal.test")).Reminded);
        Assert.Equal(1, await Count(c => c.Notifications.CountAsync(n => n.UserId == official && n.Kind == "deadline.reminder")));
        Assert.Equal(1, await Count(c => c.Outbox.CountAsync(m => m.Kind == "deadline.reminder" && m.Key.EndsWith(official))));

        // The day after: the 1-day reminder would now say "due soon" of a passed date; it is spent silently, the item goes overdue.
        _clock.SetUtcNow(new DateTimeOffset(2026, 4, 23, 1, 0, 0, TimeSpan.Zero));
        var overdue = await sweep.RunAsync("https://portal.test");
        Assert.Equal((0, 1, 0), (overdue.Reminded, overdue.MarkedOverdue, overdue.Escalated));
        Assert.Equal(1, await Count(c => c.Notifications.CountAsync(n => n.UserId == official && n.Kind == "deadline.reminder")));
        Assert.Equal(0, await Count(c => c.DeadlineReminders.CountAsync(r => r.TrackedDeadlineId == tracked && r.SentAt == null)));
        Assert.Equal(new SweepResult(0, 0, 0), await sweep.RunAsync("https://portal.test"));

        _clock.SetUtcNow(new DateTimeOffset(2026, 4, 29, 1, 0, 0, TimeSpan.Zero)); // 3 working days overdue (30/4 and 1/5 are holidays later)
        Assert.Equal(1, (await sweep.RunAsync("https://portal.test")).Escalated);
        Assert.Equal(0, (await sweep.RunAsync("https://portal.test")).Escalated);
        Assert.Equal(1, await Count(c => c.Notifications.CountAsync(n => n.UserId == leader && n.Kind == "deadline.escalated")));
        Assert.Equal(1, await Count(c => c.AuditEntries.CountAsync(a => a.Action == "deadline.escalate" && a.ItemId == tracked.ToString())));
        Assert.Equal(0, await Count(c => c.Notifications.CountAsync(n => n.UserId == official && n.Kind == "deadline.escalated")));
    }

    [Fact]
    public async Task ShouldLeaveAMetDeadlineAlone()
    {
        var (tracked, official, _) = await ArrangeAsync();
        await using (var ctx = db.CreateDbContext())
        {
            var row = await ctx.TrackedDeadlines.SingleAsync(t => t.Id == tracked);
            row.Meet(Start.AddDays(2));
            await ctx.SaveChangesAsync();
        }
        _clock.SetUtcNow(new DateTimeOffset(2026, 5, 30, 1, 0, 0, TimeSpan.Zero));

        await new DeadlineSweep(db, _clock).RunAsync("https://portal.test");

        Assert.Equal(0, await Count(c => c.Notifications.CountAsync(n => n.UserId == official)));
        await using var check = db.CreateDbContext();
        var after = await check.TrackedDeadlines.Include(t => t.Reminders).SingleAsync(t => t.Id == tracked);
        Assert.Equal(DeadlineState.AnsweredOnTime, after.Deadline.StateAt(_clock.GetUtcNow()));
        Assert.All(after.Reminders, r => Assert.Null(r.SentAt));
        Assert.Null(after.OverdueMarkedAt);
    }
}
