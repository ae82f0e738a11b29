using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Domain.Accounts;
using Portal.Domain.Data;
using Portal.Domain.Units;

// Times the national unit import (first and second run) and the role scope check on a throwaway embedded PostgreSQL.
// Usage: dotnet run -c Release --project bench/Portal.Bench [-- FILE.json [SCOPE_CHECKS]]
//        dotnet run -c Release --project bench/Portal.Bench -- sweep [ROWS]    (the deadline sweep, see SweepBench.cs)
//        dotnet run -c Release --project bench/Portal.Bench -- search [ROWS]   (search latency, see SearchBench.cs)
//        dotnet run -c Release --project bench/Portal.Bench -- drafts [N]      (a draft's window-close compilation, see DraftCompileBench.cs)
if (args.Length > 0 && args[0] == "drafts")
    return await DraftCompileBench.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 20_000);
if (args.Length > 0 && args[0] == "sweep")
    return await SweepBench.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 100_000);
if (args.Length > 0 && args[0] == "search")
    return await SearchBench.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 1_000_000);
var file = args.Length > 0 ? args[0] : FindSharedData("vn-units-2025.json");
var checks = args.Length > 1 ? int.Parse(args[1]) : 1000;

Console.WriteLine($"Tệp (file): {file}");
var start = Stopwatch.StartNew();
await using var pg = await EmbeddedPostgres.StartThrowawayAsync(_ => { });
await pg.EnsureDatabaseAsync("portal_bench");
var dbs = new Factory(pg.ConnectionString("portal_bench"));
start.Stop();

var total = Stopwatch.StartNew();
await using (var db = dbs.CreateDbContext())
    await db.Database.MigrateAsync();
NpgsqlConnection.ClearAllPools(); // pooled connections must learn the ltree type the migration created
var units = new UnitService(dbs, TimeProvider.System);
await units.EnsureCountryAsync();
var migrate = total.Elapsed;

var parse = Stopwatch.StartNew();
ParsedUnitFile parsed;
await using (var stream = File.OpenRead(file))
    parsed = UnitFileParser.Parse(stream, file);
parse.Stop();

var first = await Timed(() => units.ImportAsync(Actor.System, parsed));
var second = await Timed(() => units.ImportAsync(Actor.System, parsed));
if (!first.Result.Imported || second.Result.Added + second.Result.Changed != 0)
    throw new InvalidOperationException($"Unexpected import result: {first.Result} / {second.Result}");

// Scope check: an Official of one commune asked about `checks` communes across the country (a few in scope).
string official;
int home;
List<int> targets;
await using (var db = dbs.CreateDbContext())
{
    var communes = await db.Units.Where(u => u.Level == UnitLevel.Commune).OrderBy(u => u.Id).Select(u => u.Id).ToListAsync();
    home = communes[communes.Count / 2];
    var user = new PortalUser { UserName = "bench@bench.test", NormalizedUserName = "BENCH@BENCH.TEST", Email = "bench@bench.test",
        NormalizedEmail = "BENCH@BENCH.TEST", EmailConfirmed = true, DisplayName = "Bench", SecurityStamp = Guid.NewGuid().ToString() };
    db.Users.Add(user);
    await db.SaveChangesAsync();
    official = user.Id;
    var random = new Random(2026);
    targets = Enumerable.Range(0, checks).Select(i => i % 10 == 0 ? home : communes[random.Next(communes.Count)]).ToList();
}
await new AccountService(dbs, TimeProvider.System).GrantAsync(Actor.System, official, home, StaffRole.Official);
var actor = new Actor(official, "Bench");
var each = new List<double>(checks);
var allowed = 0;
await using (var db = dbs.CreateDbContext())
{
    await db.MayAsync(actor, StaffAction.Answer, home); // warm-up: connection, query compilation
    var sw = new Stopwatch();
    foreach (var target in targets)
    {
        sw.Restart();
        if (await db.MayAsync(actor, StaffAction.Answer, target)) allowed++;
        each.Add(sw.Elapsed.TotalMilliseconds);
    }
}
each.Sort();

Console.WriteLine();
Console.WriteLine($"| Measure | Result |");
Console.WriteLine($"|---|---|");
Console.WriteLine($"| Throwaway cluster: initdb + start | {start.Elapsed.TotalSeconds:0.00} s |");
Console.WriteLine($"| Migrate an empty database | {migrate.TotalSeconds:0.00} s |");
Console.WriteLine($"| Parse JSON ({parsed.Rows.Count:N0} rows) | {parse.Elapsed.TotalMilliseconds:0} ms |");
Console.WriteLine($"| First import (added {first.Result.Added:N0}) | {first.Elapsed.TotalSeconds:0.00} s |");
Console.WriteLine($"| Second import (unchanged {second.Result.Unchanged:N0}, changed {second.Result.Changed}) | {second.Elapsed.TotalSeconds:0.00} s |");
Console.WriteLine($"| Scope check × {checks:N0} ({allowed} allowed) | {each.Sum():0} ms total; mean {each.Average():0.00} ms, p50 {each[each.Count / 2]:0.00} ms, p95 {each[(int)(each.Count * 0.95)]:0.00} ms |");
return 0;

static async Task<(T Result, TimeSpan Elapsed)> Timed<T>(Func<Task<T>> run)
{
    var sw = Stopwatch.StartNew();
    var result = await run();
    return (result, sw.Elapsed);
}

static string FindSharedData(string name)
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", name);
            if (File.Exists(candidate)) return candidate;
        }
    throw new FileNotFoundException($"../shared/data/{name} not found; pass the file as the first argument.");
}

sealed class Factory(string connectionString) : IDbContextFactory<PortalDb>
{
    public PortalDb CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<PortalDb>();
        PortalDb.Configure(options, connectionString);
        return new PortalDb(options.Options);
    }
}
