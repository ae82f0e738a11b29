using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;
using Portal.Web.Units;

namespace Portal.Tests.Units;

public class UnitImportFormTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldListTheRejectedLinesAndSayThatNothingWasImported()
    {
        await using var ctx = UnitsUi.Context(db);
        var summary = new UnitImportSummary(2, 1, 0, [new RejectedRow(3, "Không tìm thấy đơn vị cấp trên có mã 99."), new RejectedRow(7, "Thiếu tên đơn vị.")], TimeSpan.FromSeconds(0.2));

        var view = ctx.Render<UnitImportSummaryView>(p => p.Add(x => x.Summary, summary).Add(x => x.FileName, "don-vi.csv"));

        Assert.Contains("Chưa nhập đơn vị nào: tệp có 2 dòng bị từ chối.", view.Markup);
        Assert.Equal(["3", "7"], view.FindAll("td.rejected-line").Select(td => td.TextContent.Trim()));
        Assert.Contains("Thiếu tên đơn vị.", view.Markup);
        Assert.Contains("Sẽ thêm mới", view.Markup);
    }

    [Fact]
    public async Task ShouldImportAnUploadedCsvAndShowWhatWasAdded()
    {
        var admin = await UnitsUi.NationwideAdminAsync(db);
        await using var ctx = UnitsUi.Context(db, admin);
        var form = ctx.Render<UnitImportForm>();

        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            "code,name,level,parent_code\n81,Tỉnh Tải Lên,Province,\n81001,Xã Tải Lên,Commune,81\n,Thôn Tải Lên,Village,81001\n", "don-vi.csv"));

        form.WaitForAssertion(() => Assert.Contains("Đã nhập xong", form.Markup), TimeSpan.FromSeconds(10));
        Assert.Contains("Kết quả nhập tệp don-vi.csv", form.Markup);
        await using var ctxDb = db.CreateDbContext();
        Assert.Equal(3, await ctxDb.Units.CountAsync(u => u.Name.EndsWith("Tải Lên")));
    }

    [Fact]
    public async Task ShouldImportNothingFromAnUploadWithARejectedRow()
    {
        var admin = await UnitsUi.NationwideAdminAsync(db);
        await using var ctx = UnitsUi.Context(db, admin);
        var form = ctx.Render<UnitImportForm>();

        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            "82,Tỉnh Hỏng,Province,\n82001,Xã Lạc,Commune,99\n", "hong.csv"));

        form.WaitForAssertion(() => Assert.Contains("Chưa nhập đơn vị nào", form.Markup), TimeSpan.FromSeconds(10));
        Assert.Equal(["2"], form.FindAll("td.rejected-line").Select(td => td.TextContent.Trim()));
        await using var ctxDb = db.CreateDbContext();
        Assert.False(await ctxDb.Units.AnyAsync(u => u.Code == "82"));
    }

    [Fact]
    public async Task ShouldRefuseAnUploadFromAnAdministratorWithoutNationwideScope()
    {
        var tree = await OwnTree.CreateAsync(db);
        var communeAdmin = await TestUsers.CreateAsync(db, "Quản trị xã");
        await new Portal.Domain.Accounts.AccountService(db, TimeProvider.System)
            .GrantAsync(Portal.Domain.Accounts.Actor.System, communeAdmin, tree.CommuneA, Portal.Domain.Accounts.StaffRole.Admin);
        await using var ctx = UnitsUi.Context(db, communeAdmin);
        var form = ctx.Render<UnitImportForm>();

        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("83,Tỉnh Cấm,Province,\n", "cam.csv"));

        form.WaitForAssertion(() => Assert.Contains("Bạn không có quyền", form.Markup), TimeSpan.FromSeconds(10));
        await using var ctxDb = db.CreateDbContext();
        Assert.False(await ctxDb.Units.AnyAsync(u => u.Code == "83"));
    }
}
