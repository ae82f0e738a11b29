using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;
using Portal.Web.Hosting;

namespace Portal.Tests.Units;

/// <summary>`dotnet run --project Portal.Web -- import-units FILE`, run against the portal's own services.</summary>
public class UnitCommandLineTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task ShouldImportACsvFilePrintTheSummaryAndReturnZero()
    {
        var file = await TempFileAsync("code,name,level,parent_code\n91,Tỉnh Dòng Lệnh,Province,\n91001,Xã Dòng Lệnh,Commune,91\n");
        var output = new StringWriter();

        var exitCode = await CommandLine.RunAsync(factory.Services, ["import-units", file], output);

        Assert.Equal(0, exitCode);
        Assert.Contains("Thêm mới 2, thay đổi 0, không đổi 0, bị từ chối 0", output.ToString());
        await using var db = TestDatabase.Open(factory.ConnectionString);
        Assert.Equal(2, await db.Units.CountAsync(u => u.Code == "91" || u.Code == "91001"));
    }

    [Fact]
    public async Task ShouldReturnOneAndImportNothingFromAMalformedFile()
    {
        var file = await TempFileAsync("92,Tỉnh Hỏng,Province,\n92001,Xã Lạc,Commune,99\n92002,,Commune,92\n");
        var output = new StringWriter();

        var exitCode = await CommandLine.RunAsync(factory.Services, ["import-units", file], output);

        Assert.Equal(1, exitCode);
        Assert.Contains("dòng 2:", output.ToString());
        Assert.Contains("dòng 3:", output.ToString());
        await using var db = TestDatabase.Open(factory.ConnectionString);
        Assert.False(await db.Units.AnyAsync(u => u.Code == "92"));
    }

    private static async Task<string> TempFileAsync(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"portal-units-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, content);
        return path;
    }
}
