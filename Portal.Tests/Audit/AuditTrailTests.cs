using Portal.Domain.Accounts;
using Portal.Domain.Audit;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Audit;

public class AuditTrailTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldListTheAuditOfACommuneAndItsVillagesOnly()
    {
        var tree = await SmallTree.CreateAsync(db);
        var accounts = new AccountService(db, db.Clock);
        var admin = await TestUsers.CreateAsync(db, "Quản trị xã A");
        await accounts.GrantAsync(Actor.System, admin, tree.CommuneA, StaffRole.Admin);
        var actor = new Actor(admin, "Quản trị xã A");
        var units = new UnitService(db, db.Clock);
        var village = await units.AddVillageAsync(actor, tree.CommuneA, "Thôn Khau Phầy");
        await new AgencyService(db, db.Clock).CreateAsync(Actor.System, "UBND phường Đông Kinh (nhật ký)", AgencyKind.PeoplesCommittee, tree.CommuneB, null);

        await using var ctx = db.CreateDbContext();
        var rows = await ctx.UnitAuditAsync(actor, tree.CommuneA);

        Assert.Contains(rows, r => r.Action == "unit.add" && r.ItemId == village.ToString() && r.ActorName == "Quản trị xã A");
        Assert.Contains(rows, r => r.Action == "role.grant" && r.ItemId == admin && r.UnitName == "Thất Khê");
        Assert.DoesNotContain(rows, r => r.UnitId == tree.CommuneB || r.UnitId == tree.VillageB1 || r.UnitId == tree.Province);
    }

    [Fact]
    public async Task ShouldRefuseTheAuditOfACommuneToAnAdminOfAnotherCommune()
    {
        var tree = await SmallTree.CreateAsync(db);
        var admin = await TestUsers.CreateAsync(db, "Quản trị xã B");
        await new AccountService(db, db.Clock).GrantAsync(Actor.System, admin, tree.CommuneB, StaffRole.Admin);

        await using var ctx = db.CreateDbContext();
        await Assert.ThrowsAsync<AccessDeniedException>(() => ctx.UnitAuditAsync(new Actor(admin, "B"), tree.CommuneA));
    }
}
