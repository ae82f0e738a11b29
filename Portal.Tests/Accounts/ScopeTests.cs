using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Accounts;

public class ScopeTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldAllowAnOfficialOfACommuneOnItsVillagesAndRefuseOnAnotherCommune()
    {
        var tree = await SmallTree.CreateAsync(db);
        var official = await TestUsers.CreateAsync(db, "Cán bộ xã A");
        await new AccountService(db, TimeProvider.System).GrantAsync(Actor.System, official, tree.CommuneA, StaffRole.Official);
        var actor = new Actor(official, "Cán bộ xã A");
        await using var ctx = db.CreateDbContext();

        Assert.True(await ctx.MayAsync(actor, StaffAction.Answer, tree.CommuneA));
        Assert.True(await ctx.MayAsync(actor, StaffAction.Answer, tree.VillageA1));
        Assert.False(await ctx.MayAsync(actor, StaffAction.Answer, tree.CommuneB));
        Assert.False(await ctx.MayAsync(actor, StaffAction.Answer, tree.VillageB1));
        Assert.False(await ctx.MayAsync(actor, StaffAction.Answer, tree.Province));
        Assert.False(await ctx.MayAsync(actor, StaffAction.ManageUnits, tree.VillageA1));
    }

    [Fact]
    public async Task ShouldRefuseAVillageFromAnAdminOfAnotherCommune()
    {
        var tree = await SmallTree.CreateAsync(db);
        var admin = await TestUsers.CreateAsync(db, "Quản trị xã B");
        await new AccountService(db, TimeProvider.System).GrantAsync(Actor.System, admin, tree.CommuneB, StaffRole.Admin);
        var units = new Portal.Domain.Units.UnitService(db, TimeProvider.System);

        await Assert.ThrowsAsync<AccessDeniedException>(() => units.AddVillageAsync(new Actor(admin, "B"), tree.CommuneA, "Thôn Mới"));
        var id = await units.AddVillageAsync(new Actor(admin, "B"), tree.CommuneB, "Tổ dân phố 9");
        Assert.True(id > 0);
    }
}
