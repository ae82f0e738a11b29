using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Units.Agencies;

public class AgencyServiceTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private AgencyService Agencies => new(db, db.Clock);

    private async Task<(SmallTree Tree, Actor AdminOfB)> AdminOfCommuneBAsync()
    {
        var tree = await SmallTree.CreateAsync(db);
        var admin = await TestUsers.CreateAsync(db, "Quản trị xã B");
        await new AccountService(db, db.Clock).GrantAsync(Actor.System, admin, tree.CommuneB, StaffRole.Admin);
        return (tree, new Actor(admin, "Quản trị xã B"));
    }

    [Fact]
    public async Task ShouldRefuseDuplicateAgencyNameInAUnit()
    {
        var (tree, admin) = await AdminOfCommuneBAsync();
        await Agencies.CreateAsync(admin, "Văn phòng HĐND và UBND", AgencyKind.SpecialisedDepartment, tree.CommuneB, null);

        var error = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Agencies.CreateAsync(admin, "  Văn phòng HĐND và UBND ", AgencyKind.Other, tree.CommuneB, null));

        Assert.Equal("agency.name.duplicate", error.Key);
        await using var ctx = db.CreateDbContext();
        Assert.Equal(1, await ctx.Agencies.CountAsync(a => a.UnitId == tree.CommuneB && a.Name == "Văn phòng HĐND và UBND"));
    }

    [Fact]
    public async Task ShouldAllowTheSameAgencyNameInAnotherUnit()
    {
        var tree = await SmallTree.CreateAsync(db);
        await Agencies.CreateAsync(Actor.System, "Phòng Kinh tế", AgencyKind.SpecialisedDepartment, tree.CommuneA, null);

        var id = await Agencies.CreateAsync(Actor.System, "Phòng Kinh tế", AgencyKind.SpecialisedDepartment, tree.CommuneB, null);

        Assert.True(id > 0);
    }

    [Fact]
    public async Task ShouldRefuseAnAgencyOfAnotherCommune()
    {
        var (tree, adminOfB) = await AdminOfCommuneBAsync();
        var inA = await Agencies.CreateAsync(Actor.System, "Công an xã Thất Khê", AgencyKind.Other, tree.CommuneA, null);
        var person = await TestUsers.CreateAsync(db, "Cán bộ");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Agencies.CreateAsync(adminOfB, "Phòng Văn hóa", AgencyKind.Other, tree.CommuneA, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Agencies.UpdateAsync(adminOfB, inA, "Đổi tên", AgencyKind.Other, null, true));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Agencies.AddMemberAsync(adminOfB, inA, person));
    }

    [Fact]
    public async Task ShouldAddAndRemoveMembersWithAudit()
    {
        var (tree, admin) = await AdminOfCommuneBAsync();
        var agency = await Agencies.CreateAsync(admin, "Ủy ban MTTQ phường Đông Kinh (thử)", AgencyKind.FrontCommittee, tree.CommuneB, "mttq@example.vn");
        var official = await TestUsers.CreateAsync(db, "Lương Thị Hằng");

        await Agencies.AddMemberAsync(admin, agency, official);
        await Agencies.AddMemberAsync(admin, agency, official);
        Assert.Equal([official], (await Agencies.MembersAsync(agency)).Select(m => m.UserId));

        await Agencies.RemoveMemberAsync(admin, agency, official);
        Assert.Empty(await Agencies.MembersAsync(agency));
        await using var ctx = db.CreateDbContext();
        var actions = await ctx.AuditEntries.Where(e => e.ItemType == "agency" && e.ItemId == agency.ToString()).Select(e => e.Action).ToListAsync();
        Assert.Equal(["agency.create", "agency.member.add", "agency.member.remove"], actions.Order());
    }
}
