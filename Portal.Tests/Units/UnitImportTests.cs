using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Units;

public class UnitImportTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static string NationalList => Path.Combine(SharedData.Directory, "vn-units-2025.json");

    [Fact]
    public async Task ShouldImportTheNationalListOnceAndChangeNothingTheSecondTime()
    {
        var units = new UnitService(db, TimeProvider.System);
        var watch = Stopwatch.StartNew();
        await using (var file = File.OpenRead(NationalList))
        {
            var first = await units.ImportAsync(Actor.System, UnitFileParser.Parse(file, NationalList));
            Assert.True(first.Imported, string.Join("\n", first.Rejected.Take(5)));
            Assert.Equal(34 + 3321, first.Added);
        }
        watch.Stop();

        await using (var file = File.OpenRead(NationalList))
        {
            var second = await units.ImportAsync(Actor.System, UnitFileParser.Parse(file, NationalList));
            Assert.Equal((0, 0, 34 + 3321), (second.Added, second.Changed, second.Unchanged));
        }

        await using var ctx = db.CreateDbContext();
        Assert.Equal(34, await ctx.Units.CountAsync(u => u.Level == UnitLevel.Province));
        Assert.Equal(3321, await ctx.Units.CountAsync(u => u.Level == UnitLevel.Commune));
        var langSon = await ctx.Units.SingleAsync(u => u.Code == "20");
        Assert.Equal(65, await ctx.Units.CountAsync(u => u.Path.IsDescendantOf(langSon.Path) && u.Level == UnitLevel.Commune));
        // The budget for a national import on this machine (figures in docs/benchmarks.md).
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"import took {watch.Elapsed}");
    }
}

public class UnitImportRejectionTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldImportNothingWhenAnyRowIsRejected()
    {
        var units = new UnitService(db, TimeProvider.System);
        var summary = await units.ImportAsync(Actor.System, UnitFileParser.ParseCsv(
            "20,Lạng Sơn,Province,\n06040,Thất Khê,Commune,20\n06041,Xã Mồ Côi,Commune,99\n"));

        Assert.False(summary.Imported);
        Assert.Equal(3, Assert.Single(summary.Rejected).Line);
        await using var ctx = db.CreateDbContext();
        Assert.False(await ctx.Units.AnyAsync(u => u.Code == "20" || u.Code == "06040"));
    }

    [Fact]
    public async Task ShouldRenameAndMoveAnExistingUnitByCode()
    {
        var units = new UnitService(db, TimeProvider.System);
        await units.ImportAsync(Actor.System, UnitFileParser.ParseCsv(
            "42,Hà Tĩnh,Province,\n08,Tuyên Quang,Province,\n18073,Thành Sen,Commune,42\n,Tổ dân phố 5,Village,18073"));

        var summary = await units.ImportAsync(Actor.System, UnitFileParser.ParseCsv("18073,Thành Sen Mới,Commune,08"));

        Assert.Equal(1, summary.Changed);
        await using var ctx = db.CreateDbContext();
        var ward = await ctx.Units.SingleAsync(u => u.Code == "18073");
        var village = await ctx.Units.SingleAsync(u => u.Name == "Tổ dân phố 5");
        var tuyenQuang = await ctx.Units.SingleAsync(u => u.Code == "08");
        Assert.Equal("Thành Sen Mới", ward.Name);
        Assert.StartsWith(tuyenQuang.Path + ".", village.Path.ToString());
    }

    [Fact]
    public async Task ShouldAcceptTheOldThreeTierTree()
    {
        var units = new UnitService(db, TimeProvider.System);
        var summary = await units.ImportAsync(Actor.System, UnitFileParser.ParseCsv(
            "02,Hà Giang,Province,\n024,Đồng Văn,District,02\n00721,Đồng Văn,Commune,024\n,Thôn Lũng Cú,Village,00721"));

        Assert.True(summary.Imported, string.Join("; ", summary.Rejected));
        var found = await units.SearchAsync("lung cu");
        Assert.Equal("Thôn Lũng Cú", Assert.Single(found).Name);
    }
}
