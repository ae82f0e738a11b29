using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Domain.Data;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hosting;

/// <summary>The Hangfire dashboard at /jobs over HTTP: nationwide administrators only.</summary>
public class JobsDashboardTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    private IDbContextFactory<PortalDb> Dbs => factory.Services.GetRequiredService<IDbContextFactory<PortalDb>>();

    [Fact]
    public async Task ShouldSendAnAnonymousVisitorToTheLoginPage()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location?.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fjobs", response.Headers.Location?.Query);
    }

    [Fact]
    public async Task ShouldRefuseASignedInOfficialWith403()
    {
        var tree = await SmallTree.CreateAsync(Dbs);
        var official = await factory.CreateAccountAsync("Cán bộ xã Thất Khê", tree.CommuneA, StaffRole.Official);
        var client = await factory.SignInAsync(official);

        var response = await client.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("Hangfire", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ShouldRefuseTheAdministratorOfACommuneWith403()
    {
        var tree = await SmallTree.CreateAsync(Dbs);
        var admin = await factory.CreateAccountAsync("Quản trị xã Thất Khê", tree.CommuneA, StaffRole.Admin);
        var client = await factory.SignInAsync(admin);

        var response = await client.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ShouldShowTheDashboardToTheNationalAdmin()
    {
        await SmallTree.CreateAsync(Dbs);
        int country;
        await using (var db = await Dbs.CreateDbContextAsync())
            country = await db.Units.Where(u => u.Level == UnitLevel.Country).Select(u => u.Id).SingleAsync();
        var admin = await factory.CreateAccountAsync("Quản trị toàn quốc", country, StaffRole.Admin);
        var client = await factory.SignInAsync(admin);

        var response = await client.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Portal · Hangfire", await response.Content.ReadAsStringAsync());
    }
}
