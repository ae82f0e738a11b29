using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Data;
using Portal.Domain.Units;

namespace Portal.Tests.Units;

/// <summary>A tree with codes of its own (province P with communes A and B, villages A1, A2 under A, and another
/// province Q), so tests that change units never meet another test's units in the class's shared database.</summary>
public sealed record OwnTree(int Province, int CommuneA, int VillageA1, int VillageA2, int CommuneB, int OtherProvince)
{
    private static int next;

    public static async Task<OwnTree> CreateAsync(IDbContextFactory<PortalDb> dbs)
    {
        var n = Interlocked.Increment(ref next);
        var (p, a, b, q) = ($"P{n}", $"P{n}A", $"P{n}B", $"Q{n}");
        var summary = await new UnitService(dbs, TimeProvider.System).ImportAsync(Actor.System, UnitFileParser.ParseCsv(
            $"{p},Tỉnh thử {n},Province,\n{a},Xã A {n},Commune,{p}\n{b},Xã B {n},Commune,{p}\n{q},Tỉnh khác {n},Province,\n" +
            $",Thôn Một,Village,{a}\n,Thôn Hai,Village,{a}"));
        Assert.True(summary.Imported, string.Join("; ", summary.Rejected));
        await using var db = await dbs.CreateDbContextAsync();
        var ids = await db.Units.Where(u => u.Code == p || u.Code == a || u.Code == b || u.Code == q).ToDictionaryAsync(u => u.Code!, u => u.Id);
        var villages = await db.Units.Where(u => u.ParentId == ids[a]).ToDictionaryAsync(u => u.Name, u => u.Id);
        return new OwnTree(ids[p], ids[a], villages["Thôn Một"], villages["Thôn Hai"], ids[b], ids[q]);
    }
}
