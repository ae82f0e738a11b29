using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Data;
using Portal.Domain.Units;

namespace Portal.Tests.Infrastructure;

/// <summary>A small tree for tests: province 20 with communes A (06040, villages A1, A2) and B (05977, village B1).</summary>
public sealed record SmallTree(int Province, int CommuneA, int VillageA1, int VillageA2, int CommuneB, int VillageB1)
{
    public static async Task<SmallTree> CreateAsync(IDbContextFactory<PortalDb> dbs)
    {
        var units = new UnitService(dbs, TimeProvider.System);
        var summary = await units.ImportAsync(Actor.System, UnitFileParser.ParseCsv(
            "20,Lạng Sơn,Province,\n06040,Thất Khê,Commune,20\n05977,Đông Kinh,Commune,20\n,Thôn Nà Sla,Village,06040\n,Thôn Pò Mã,Village,06040\n,Tổ dân phố 1,Village,05977"));
        Assert.True(summary.Imported, string.Join("; ", summary.Rejected));
        await using var db = await dbs.CreateDbContextAsync();
        int Id(string name) => db.Units.Single(u => u.Name == name).Id;
        return new SmallTree(Id("Lạng Sơn"), Id("Thất Khê"), Id("Thôn Nà Sla"), Id("Thôn Pò Mã"), Id("Đông Kinh"), Id("Tổ dân phố 1"));
    }
}

public static class TestUsers
{
    /// <summary>Adds a confirmed user directly (no password) and returns its id.</summary>
    public static async Task<string> CreateAsync(IDbContextFactory<PortalDb> dbs, string name, int? homeUnit = null)
    {
        await using var db = await dbs.CreateDbContextAsync();
        var email = $"{Guid.NewGuid():N}@test.example";
        var user = new PortalUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true, DisplayName = name, HomeUnitId = homeUnit, SecurityStamp = Guid.NewGuid().ToString(),
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }
}
