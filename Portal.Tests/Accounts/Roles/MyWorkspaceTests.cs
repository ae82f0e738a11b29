using Portal.Domain.Accounts;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Accounts.Roles;

public class MyWorkspaceTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldShowOnlyTheActorsOwnRolesAndAgencies()
    {
        var tree = await SmallTree.CreateAsync(db);
        var accounts = new AccountService(db, db.Clock);
        var agencies = new AgencyService(db, db.Clock);
        var me = await TestUsers.CreateAsync(db, "Cán bộ Thất Khê");
        var colleague = await TestUsers.CreateAsync(db, "Cán bộ Đông Kinh");
        await accounts.GrantAsync(Actor.System, me, tree.CommuneA, StaffRole.Official);
        await accounts.GrantAsync(Actor.System, me, tree.VillageA1, StaffRole.VillageHead);
        await accounts.GrantAsync(Actor.System, colleague, tree.CommuneB, StaffRole.Leader);
        var ubnd = await agencies.CreateAsync(Actor.System, "UBND xã Thất Khê (workspace)", AgencyKind.PeoplesCommittee, tree.CommuneA, null);
        var other = await agencies.CreateAsync(Actor.System, "UBND phường Đông Kinh (workspace)", AgencyKind.PeoplesCommittee, tree.CommuneB, null);
        await agencies.AddMemberAsync(Actor.System, ubnd, me);
        await agencies.AddMemberAsync(Actor.System, other, colleague);

        var workspace = await accounts.MyWorkspaceAsync(new Actor(me, "Cán bộ Thất Khê"));

        Assert.Equal([(StaffRole.Official, tree.CommuneA), (StaffRole.VillageHead, tree.VillageA1)],
            workspace.Roles.Select(r => (r.Role, r.UnitId)).ToArray());
        Assert.Equal("Thất Khê", workspace.Roles[0].UnitName);
        var agency = Assert.Single(workspace.Agencies);
        Assert.Equal((ubnd, "UBND xã Thất Khê (workspace)", tree.CommuneA), (agency.Id, agency.Name, agency.UnitId));
    }

    [Fact]
    public async Task ShouldShowAnEmptyWorkspaceToAPersonWithoutRoles()
    {
        var resident = await TestUsers.CreateAsync(db, "Người dân");

        var workspace = await new AccountService(db, db.Clock).MyWorkspaceAsync(new Actor(resident, "Người dân"));

        Assert.Empty(workspace.Roles);
        Assert.Empty(workspace.Agencies);
    }
}
