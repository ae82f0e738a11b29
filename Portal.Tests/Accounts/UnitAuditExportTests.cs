using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Domain.Data;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Accounts;

/// <summary>GET /admin/units/{id}/audit.csv over HTTP: resource-based authorization on the unit's scope.</summary>
public class UnitAuditExportTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    private IDbContextFactory<PortalDb> Dbs => factory.Services.GetRequiredService<IDbContextFactory<PortalDb>>();

    [Fact]
    public async Task ShouldRefuseTheAuditOfACommuneToAnAdminOfAnotherCommuneWith403()
    {
        var tree = await SmallTree.CreateAsync(Dbs);
        var admin = await factory.CreateAccountAsync("Quản trị phường Đông Kinh", tree.CommuneB, StaffRole.Admin);
        var client = await factory.SignInAsync(admin);

        var refused = await client.GetAsync($"/admin/units/{tree.CommuneA}/audit.csv");
        var allowed = await client.GetAsync($"/admin/units/{tree.VillageB1}/audit.csv");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("text/csv", refused.Content.Headers.ContentType?.ToString() ?? "");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task ShouldExportTheAuditOfACommuneToItsAdminAsUtf8CsvWithBom()
    {
        var tree = await SmallTree.CreateAsync(Dbs);
        var admin = await factory.CreateAccountAsync("Quản trị xã Thất Khê", tree.CommuneA, StaffRole.Admin);
        var village = await factory.Services.GetRequiredService<UnitService>().AddVillageAsync(admin.Actor, tree.CommuneA, "Thôn Khau Phầy");
        var client = await factory.SignInAsync(admin);

        var response = await client.GetAsync($"/admin/units/{tree.CommuneA}/audit.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Thời điểm,Người thực hiện,Thao tác", lines[0]);
        Assert.Contains(lines, l => l.Contains(",Quản trị xã Thất Khê,unit.add,unit," + village + ",Thất Khê,"));
        Assert.Contains(lines, l => l.Contains(",role.grant,user," + admin.Id + ",Thất Khê,"));
        Assert.DoesNotContain(lines, l => l.Contains("Đông Kinh"));
    }

    [Fact]
    public async Task ShouldSendAnAnonymousVisitorToTheLoginPage()
    {
        var tree = await SmallTree.CreateAsync(Dbs);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync($"/admin/units/{tree.CommuneA}/audit.csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location?.AbsolutePath);
    }
}
