using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Accounts.Roles;

public class RoleGrantTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private AccountService Accounts => new(db, db.Clock);

    private async Task<(SmallTree Tree, Actor AdminOfB)> AdminOfCommuneBAsync()
    {
        var tree = await SmallTree.CreateAsync(db);
        var admin = await TestUsers.CreateAsync(db, "Quản trị xã B");
        await Accounts.GrantAsync(Actor.System, admin, tree.CommuneB, StaffRole.Admin);
        return (tree, new Actor(admin, "Quản trị xã B"));
    }

    [Fact]
    public async Task ShouldNotGrantTheSameRoleTwice()
    {
        var (tree, admin) = await AdminOfCommuneBAsync();
        var official = await TestUsers.CreateAsync(db, "Cán bộ Tổ 1");

        var first = await Accounts.GrantAsync(admin, official, tree.VillageB1, StaffRole.Official);
        var second = await Accounts.GrantAsync(admin, official, tree.VillageB1, StaffRole.Official);

        Assert.Equal(first, second);
        await using var ctx = db.CreateDbContext();
        Assert.Equal(1, await ctx.UnitRoles.CountAsync(r => r.UserId == official));
        Assert.Equal(1, await ctx.AuditEntries.CountAsync(e => e.Action == "role.grant" && e.ItemId == official));
    }

    [Fact]
    public async Task ShouldRefuseGrantByAnAdminOfAnotherCommune()
    {
        var (tree, adminOfB) = await AdminOfCommuneBAsync();
        var person = await TestUsers.CreateAsync(db, "Người xã A");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Accounts.GrantAsync(adminOfB, person, tree.CommuneA, StaffRole.Official));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Accounts.GrantAsync(adminOfB, person, tree.VillageA1, StaffRole.Official));

        await using var ctx = db.CreateDbContext();
        Assert.False(await ctx.UnitRoles.AnyAsync(r => r.UserId == person));
        Assert.False(await ctx.AuditEntries.AnyAsync(e => e.ItemId == person));
    }

    [Fact]
    public async Task ShouldLetAnAdminOfACommuneGrantOnItsVillageAndAuditIt()
    {
        var (tree, adminOfB) = await AdminOfCommuneBAsync();
        var head = await TestUsers.CreateAsync(db, "Trưởng tổ 1");

        var id = await Accounts.GrantAsync(adminOfB, head, tree.VillageB1, StaffRole.VillageHead);

        await using var ctx = db.CreateDbContext();
        var grant = await ctx.UnitRoles.SingleAsync(r => r.Id == id);
        Assert.Equal((head, tree.VillageB1, StaffRole.VillageHead, adminOfB.UserId), (grant.UserId, grant.UnitId, grant.Role, grant.GrantedById));
        var audit = await ctx.AuditEntries.SingleAsync(e => e.Action == "role.grant" && e.ItemId == head);
        Assert.Equal(adminOfB.UserId, audit.ActorId);
        Assert.Equal(tree.VillageB1, audit.UnitId);
    }

    [Fact]
    public async Task ShouldListOnlyTheGrantsWithinTheAdminsScope()
    {
        var (tree, adminOfB) = await AdminOfCommuneBAsync();
        var inA = await TestUsers.CreateAsync(db, "Cán bộ xã A");
        var inB = await TestUsers.CreateAsync(db, "Cán bộ xã B");
        await Accounts.GrantAsync(Actor.System, inA, tree.CommuneA, StaffRole.Official);
        await Accounts.GrantAsync(Actor.System, inB, tree.VillageB1, StaffRole.Official);

        var seen = await Accounts.RolesAsync(adminOfB);

        Assert.Contains(seen, g => g.UserId == inB);
        Assert.DoesNotContain(seen, g => g.UserId == inA);
        Assert.Empty(await Accounts.RolesAsync(adminOfB, withinUnit: tree.CommuneA));
    }

    [Fact]
    public async Task ShouldRevokeWithinScopeAndRefuseRevokeByAnAdminOfAnotherCommune()
    {
        var (tree, adminOfB) = await AdminOfCommuneBAsync();
        var inA = await TestUsers.CreateAsync(db, "Kiểm duyệt xã A");
        var inB = await TestUsers.CreateAsync(db, "Kiểm duyệt xã B");
        var grantA = await Accounts.GrantAsync(Actor.System, inA, tree.CommuneA, StaffRole.Moderator);
        var grantB = await Accounts.GrantAsync(Actor.System, inB, tree.CommuneB, StaffRole.Moderator);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Accounts.RevokeAsync(adminOfB, grantA));
        await Accounts.RevokeAsync(adminOfB, grantB);

        await using var ctx = db.CreateDbContext();
        Assert.True(await ctx.UnitRoles.AnyAsync(r => r.Id == grantA));
        Assert.False(await ctx.UnitRoles.AnyAsync(r => r.Id == grantB));
        Assert.True(await ctx.AuditEntries.AnyAsync(e => e.Action == "role.revoke" && e.ItemId == inB && e.ActorId == adminOfB.UserId));
    }
}
