using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Domain.Accounts;
using Portal.Domain.Data;
using Portal.Domain.Deadlines;
using Portal.Domain.Units;

/// <summary>
/// The deadline sweep over N tracked deadlines (default 100,000) spread over a year, 10 agencies of 3 officials each.
/// Times a sweep with work to do (the reminders, overdue marks and escalations of one day) and a steady-state sweep
/// ten minutes later with nothing to do, which is what the recurring job mostly does.
/// </summary>
static class SweepBench
{
    public static async Task<int> RunAsync(int rows)
    {
        await using var pg = await EmbeddedPostgres.StartThrowawayAsync(_ => { });
        await pg.EnsureDatabaseAsync("portal_sweep");
        var cs = pg.ConnectionString("portal_sweep");
        var dbs = new Factory(cs);
        await using (var db = dbs.CreateDbContext()) await db.Database.MigrateAsync();
        NpgsqlConnection.ClearAllPools();
        var clock = TimeProvider.System;
        var units = new UnitService(dbs, clock);
        await units.ImportAsync(Actor.System, UnitFileParser.ParseCsv("20,Lạng Sơn,Province,\n06040,Thất Khê,Commune,20"));
        await new DeadlineService(dbs, clock).SeedAsync();
        int commune;
        await using (var db = dbs.CreateDbContext()) commune = await db.Units.Where(u => u.Code == "06040").Select(u => u.Id).SingleAsync();

        var agencies = new List<int>();
        var agencyService = new AgencyService(dbs, clock);
        var accounts = new AccountService(dbs, clock);
        for (var a = 0; a < 10; a++)
        {
            var agency = await agencyService.CreateAsync(Actor.System, $"Cơ quan {a}", AgencyKind.SpecialisedDepartment, commune, null);
            agencies.Add(agency);
            for (var m = 0; m < 3; m++)
            {
                var user = await User(dbs, $"can-bo-{a}-{m}");
                await agencyService.AddMemberAsync(Actor.System, agency, user);
            }
        }
        await using (var db = dbs.CreateDbContext())
        {
            var leader = await User(dbs, "lanh-dao-tinh");
            await accounts.GrantAsync(Actor.System, leader, await db.Units.Where(u => u.Code == "20").Select(u => u.Id).SingleAsync(), StaffRole.Leader);
        }

        // N deadlines started over the year before "now", each with two reminders, in bulk (the sweep, not the insert, is measured).
        var now = new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);
        var fill = Stopwatch.StartNew();
        await using (var conn = new NpgsqlConnection(cs))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO tracked_deadlines (kind, item_type, item_id, title, unit_id, agency_id, link, length, counting, reminder_days_before,
                    escalate_after_days_overdue, started_at, due_at, explanation_vi, explanation_en, escalate_at)
                SELECT 3, 'question', g::text, 'Ý kiến số ' || g, @unit, (@agencies)[1 + g % 10], '/q/' || g, 15, 2, '{3,1}', 3,
                       @now - (g % 365) * interval '1 day', @now - (g % 365) * interval '1 day' + interval '21 days',
                       '15 ngày làm việc', '15 working days', @now - (g % 365) * interval '1 day' + interval '26 days'
                FROM generate_series(1, @rows) g;
                INSERT INTO deadline_reminders (tracked_deadline_id, days_before, remind_at)
                SELECT id, d, due_at - d * interval '1 day' FROM tracked_deadlines, unnest(ARRAY[3, 1]) d;
                -- Everything older than a day has already been swept: the sweep finds one day of work.
                UPDATE deadline_reminders SET sent_at = remind_at WHERE remind_at < @now - interval '1 day';
                UPDATE tracked_deadlines SET overdue_marked_at = due_at WHERE due_at < @now - interval '1 day';
                UPDATE tracked_deadlines SET escalated_at = escalate_at WHERE escalate_at < @now - interval '1 day';
                ANALYZE;
                """, conn);
            cmd.Parameters.AddWithValue("unit", commune);
            cmd.Parameters.AddWithValue("agencies", agencies.ToArray());
            cmd.Parameters.AddWithValue("now", now);
            cmd.Parameters.AddWithValue("rows", rows);
            cmd.CommandTimeout = 600;
            await cmd.ExecuteNonQueryAsync();
        }
        fill.Stop();

        var sweep = new DeadlineSweep(dbs, new FixedClock(now));
        await using (var db = dbs.CreateDbContext()) await db.Units.AnyAsync(); // warm the pool
        var busy = Stopwatch.StartNew();
        var work = await sweep.RunAsync("https://portal.test");
        busy.Stop();
        var idleSweep = new DeadlineSweep(dbs, new FixedClock(now.AddMinutes(10)));
        var idle = Stopwatch.StartNew();
        var nothing = await idleSweep.RunAsync("https://portal.test");
        idle.Stop();
        long outbox;
        await using (var db = dbs.CreateDbContext()) outbox = await db.Outbox.LongCountAsync();

        Console.WriteLine($"| Measure | Result |");
        Console.WriteLine($"|---|---|");
        Console.WriteLine($"| Fill {rows:N0} tracked deadlines + {rows * 2:N0} reminders (bulk SQL) | {fill.Elapsed.TotalSeconds:0.0} s |");
        Console.WriteLine($"| Sweep with one day of work ({work.Reminded} reminders, {work.MarkedOverdue} overdue, {work.Escalated} escalated; {outbox:N0} emails queued) | {busy.Elapsed.TotalMilliseconds:0} ms |");
        Console.WriteLine($"| Next sweep ten minutes later ({nothing.Reminded + nothing.MarkedOverdue + nothing.Escalated} items fell due in those minutes) | {idle.Elapsed.TotalMilliseconds:0} ms |");
        return 0;
    }

    private static async Task<string> User(IDbContextFactory<PortalDb> dbs, string name)
    {
        await using var db = dbs.CreateDbContext();
        var email = $"{name}@bench.test";
        var user = new PortalUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true, DisplayName = name, SecurityStamp = Guid.NewGuid().ToString() };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
