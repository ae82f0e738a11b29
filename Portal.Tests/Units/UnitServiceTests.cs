using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Units;

/// <summary>The administrators' changes to the tree, against PostgreSQL: rename, move, retire, reactivate, add village.</summary>
public class UnitServiceTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly Actor Admin = Actor.System;

    private UnitService Units => new(db, db.Clock);

    [Fact]
    public async Task ShouldRefuseRetiringACommuneWithActiveVillages()
    {
        var tree = await OwnTree.CreateAsync(db);

        var refusal = await Assert.ThrowsAsync<DomainRuleException>(() => Units.SetActiveAsync(Admin, tree.CommuneA, false));

        Assert.Equal("unit.retire.has-active-children", refusal.Key);
        Assert.True((await Units.NodeAsync(tree.CommuneA))!.IsActive);
    }

    [Fact]
    public async Task ShouldRetireACommuneOnceItsVillagesAreRetiredAndWriteAnAuditEntry()
    {
        var tree = await OwnTree.CreateAsync(db);
        await Units.SetActiveAsync(Admin, tree.VillageA1, false);
        await Units.SetActiveAsync(Admin, tree.VillageA2, false);

        await Units.SetActiveAsync(Admin, tree.CommuneA, false);

        Assert.False((await Units.NodeAsync(tree.CommuneA))!.IsActive);
        await using var ctx = db.CreateDbContext();
        var entry = await ctx.AuditEntries.SingleAsync(e => e.Action == "unit.retire" && e.ItemId == tree.CommuneA.ToString());
        Assert.Equal(tree.CommuneA, entry.UnitId);
        Assert.Equal(db.Clock.GetUtcNow(), entry.At);
        Assert.Contains("false", entry.After);
    }

    [Fact]
    public async Task ShouldRefuseReactivatingAVillageWhoseCommuneIsRetired()
    {
        var tree = await OwnTree.CreateAsync(db);
        await Units.SetActiveAsync(Admin, tree.VillageA1, false);
        await Units.SetActiveAsync(Admin, tree.VillageA2, false);
        await Units.SetActiveAsync(Admin, tree.CommuneA, false);

        var refusal = await Assert.ThrowsAsync<DomainRuleException>(() => Units.SetActiveAsync(Admin, tree.VillageA1, true));

        Assert.Equal("unit.reactivate.parent-retired", refusal.Key);
        await Units.SetActiveAsync(Admin, tree.CommuneA, true);
        await Units.SetActiveAsync(Admin, tree.VillageA1, true);
        Assert.True((await Units.NodeAsync(tree.VillageA1))!.IsActive);
    }

    [Fact]
    public async Task ShouldRepathTheSubtreeWhenMovingAUnit()
    {
        var tree = await OwnTree.CreateAsync(db);

        await Units.MoveAsync(Admin, tree.CommuneA, tree.OtherProvince);

        await using var ctx = db.CreateDbContext();
        var other = await ctx.Units.SingleAsync(u => u.Id == tree.OtherProvince);
        var commune = await ctx.Units.SingleAsync(u => u.Id == tree.CommuneA);
        var village = await ctx.Units.SingleAsync(u => u.Id == tree.VillageA1);
        Assert.Equal(tree.OtherProvince, commune.ParentId);
        Assert.Equal($"{other.Path}.{tree.CommuneA}", commune.Path.ToString());
        Assert.Equal($"{other.Path}.{tree.CommuneA}.{tree.VillageA1}", village.Path.ToString());
        // Scope queries follow the new path: the villages are now found under the other province, not the old one.
        Assert.Equal(2, (await Units.SearchAsync("thon", UnitLevel.Village, within: tree.OtherProvince)).Count);
        Assert.Empty(await Units.SearchAsync("thon", UnitLevel.Village, within: tree.Province));
        var entry = await ctx.AuditEntries.SingleAsync(e => e.Action == "unit.move" && e.ItemId == tree.CommuneA.ToString());
        Assert.Contains(tree.Province.ToString(), entry.Before);
        Assert.Contains(tree.OtherProvince.ToString(), entry.After);
    }

    [Fact]
    public async Task ShouldRefuseMovingACommuneUnderAVillage()
    {
        var tree = await OwnTree.CreateAsync(db);

        var refusal = await Assert.ThrowsAsync<DomainRuleException>(() => Units.MoveAsync(Admin, tree.CommuneB, tree.VillageA1));

        Assert.Equal("unit.parent.wrong-level", refusal.Key);
        await using var ctx = db.CreateDbContext();
        Assert.Equal(tree.Province, (await ctx.Units.SingleAsync(u => u.Id == tree.CommuneB)).ParentId);
    }

    [Fact]
    public async Task ShouldRefuseMovingAnActiveUnitUnderARetiredOne()
    {
        var tree = await OwnTree.CreateAsync(db);
        await Units.SetActiveAsync(Admin, tree.CommuneB, false);

        var refusal = await Assert.ThrowsAsync<DomainRuleException>(() => Units.MoveAsync(Admin, tree.VillageA1, tree.CommuneB));

        Assert.Equal("unit.retired", refusal.Key);
    }

    [Fact]
    public async Task ShouldRenameAUnitAndWriteAnAuditEntry()
    {
        var tree = await OwnTree.CreateAsync(db);

        await Units.RenameAsync(Admin, tree.CommuneB, "  Bình Minh ", "Phường Bình Minh");

        var node = await Units.NodeAsync(tree.CommuneB);
        Assert.Equal(("Bình Minh", "Phường Bình Minh"), (node!.Name, node.FullName));
        await using var ctx = db.CreateDbContext();
        var entry = await ctx.AuditEntries.SingleAsync(e => e.Action == "unit.rename" && e.ItemId == tree.CommuneB.ToString());
        Assert.Contains("Bình Minh", entry.After);
    }

    [Fact]
    public async Task ShouldRefuseRenamingAUnitToTheNameOfASibling()
    {
        var tree = await OwnTree.CreateAsync(db);

        var refusal = await Assert.ThrowsAsync<DomainRuleException>(() => Units.RenameAsync(Admin, tree.VillageA2, "Thôn Một", null));

        Assert.Equal("unit.name.duplicate", refusal.Key);
        Assert.Equal("Thôn Hai", (await Units.NodeAsync(tree.VillageA2))!.Name);
    }

    [Fact]
    public async Task ShouldAddAVillageUnderACommuneAndRefuseOneUnderARetiredCommune()
    {
        var tree = await OwnTree.CreateAsync(db);

        var id = await Units.AddVillageAsync(Admin, tree.CommuneB, "Tổ dân phố 7");
        await Units.SetActiveAsync(Admin, id, false);
        await Units.SetActiveAsync(Admin, tree.CommuneB, false);
        var refusal = await Assert.ThrowsAsync<DomainRuleException>(() => Units.AddVillageAsync(Admin, tree.CommuneB, "Tổ dân phố 8"));

        Assert.Equal("unit.retired", refusal.Key);
        var children = await Units.ChildrenAsync(tree.CommuneB);
        Assert.Equal("Tổ dân phố 7", Assert.Single(children).Name);
    }

    [Fact]
    public async Task ShouldDescribeAUnitWithItsLevelCodeStateAndChildCount()
    {
        var tree = await OwnTree.CreateAsync(db);
        await Units.SetActiveAsync(Admin, tree.VillageA2, false);

        var commune = await Units.NodeAsync(tree.CommuneA);

        Assert.NotNull(commune);
        Assert.Equal((UnitLevel.Commune, true, 2), (commune.Level, commune.IsActive, commune.ChildCount));
        Assert.StartsWith("P", commune.Code);
        Assert.Null(await Units.NodeAsync(-1));
    }
}

/// <summary>Who may import an official list: only a nationwide administrator.</summary>
public class UnitImportPermissionTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldRefuseAnImportFromACommuneAdministratorAndAcceptOneFromANationwideAdministrator()
    {
        var tree = await OwnTree.CreateAsync(db);
        var accounts = new AccountService(db, TimeProvider.System);
        var communeAdmin = await TestUsers.CreateAsync(db, "Quản trị xã");
        await accounts.GrantAsync(Actor.System, communeAdmin, tree.CommuneA, StaffRole.Admin);
        var nationalAdmin = await TestUsers.CreateAsync(db, "Quản trị toàn quốc");
        await using (var ctx = db.CreateDbContext())
        {
            var country = await ctx.Units.SingleAsync(u => u.Level == UnitLevel.Country);
            await accounts.GrantAsync(Actor.System, nationalAdmin, country.Id, StaffRole.Admin);
        }
        var units = new UnitService(db, TimeProvider.System);
        var file = UnitFileParser.ParseCsv("77,Tỉnh Mới,Province,");

        await Assert.ThrowsAsync<AccessDeniedException>(() => units.ImportAsync(new Actor(communeAdmin, "Quản trị xã"), file));
        var summary = await units.ImportAsync(new Actor(nationalAdmin, "Quản trị toàn quốc"), file);

        Assert.Equal(1, summary.Added);
    }
}
