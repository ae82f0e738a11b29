using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Accounts;

public class AccountServiceTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private AccountService Accounts => new(db, db.Clock);

    private async Task<string> ResidentAsync(SmallTree tree, string name)
    {
        var id = await TestUsers.CreateAsync(db, name, tree.VillageA1);
        await using var ctx = db.CreateDbContext();
        await ctx.Users.Where(u => u.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PhoneNumber, "0912345678").SetProperty(x => x.PasswordHash, "hash"));
        return id;
    }

    [Fact]
    public async Task ShouldEraseThePersonalFieldsAndRolesButKeepTheRowWhenAnAccountIsDeleted()
    {
        var tree = await SmallTree.CreateAsync(db);
        var id = await ResidentAsync(tree, "Hoàng Văn Xoá");
        await Accounts.GrantAsync(Actor.System, id, tree.CommuneA, StaffRole.Moderator);

        await Accounts.AnonymiseAsync(id);

        await using var ctx = db.CreateDbContext();
        var user = await ctx.Users.SingleAsync(u => u.Id == id);
        Assert.Equal("Người dùng đã xoá tài khoản", user.DisplayName);
        Assert.StartsWith("deleted-", user.Email);
        Assert.Null(user.PhoneNumber);
        Assert.Null(user.HomeUnitId);
        Assert.Null(user.PasswordHash);
        Assert.False(user.EmailConfirmed);
        Assert.Equal(db.Clock.GetUtcNow(), user.DeletedAt);
        Assert.False(await ctx.UnitRoles.AnyAsync(r => r.UserId == id));
        Assert.True(await ctx.AuditEntries.AnyAsync(e => e.Action == "user.delete" && e.ItemId == id));
    }

    [Fact]
    public async Task ShouldExportTheNameEmailAndRolesOfThePerson()
    {
        var tree = await SmallTree.CreateAsync(db);
        var id = await ResidentAsync(tree, "Lương Thị Xuất");
        await Accounts.GrantAsync(Actor.System, id, tree.CommuneB, StaffRole.Official);

        using var json = JsonDocument.Parse(await Accounts.ExportPersonalDataAsync(id));

        var account = json.RootElement.GetProperty("account");
        Assert.Equal("Lương Thị Xuất", account.GetProperty("DisplayName").GetString());
        Assert.EndsWith("@test.example", account.GetProperty("Email").GetString());
        Assert.Equal("0912345678", account.GetProperty("PhoneNumber").GetString());
        Assert.Equal("Thôn Nà Sla", account.GetProperty("HomeUnit").GetString());
        var role = Assert.Single(json.RootElement.GetProperty("roles").EnumerateArray());
        Assert.Equal("Official", role.GetProperty("Role").GetString());
    }

    [Fact]
    public async Task ShouldRefuseAHomeUnitThatIsNotAnActiveVillage()
    {
        var tree = await SmallTree.CreateAsync(db);
        var id = await ResidentAsync(tree, "Nông Văn Dời");
        var actor = new Actor(id, "Nông Văn Dời");

        var refusal = await Assert.ThrowsAsync<DomainRuleException>(() => Accounts.UpdateProfileAsync(actor, "Nông Văn Dời", null, tree.CommuneA, "vi"));
        Assert.Equal("unit.not-found", refusal.Key);
        Assert.False(await Accounts.IsHomeVillageAsync(tree.CommuneA));

        await Accounts.UpdateProfileAsync(actor, "  Nông Văn Dời  ", null, tree.VillageB1, "en");
        await using var ctx = db.CreateDbContext();
        var user = await ctx.Users.SingleAsync(u => u.Id == id);
        Assert.Equal(tree.VillageB1, user.HomeUnitId);
        Assert.Equal("Nông Văn Dời", user.DisplayName);
        Assert.Equal("en", user.PreferredLanguage);
        Assert.Null(user.PhoneNumber);
    }
}
