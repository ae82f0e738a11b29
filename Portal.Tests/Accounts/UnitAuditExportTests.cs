using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
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
    private const string Password = "Mat-khau-thu-2026";

    private IDbContextFactory<PortalDb> Dbs => factory.Services.GetRequiredService<IDbContextFactory<PortalDb>>();

    [Fact]
    public async Task ShouldRefuseTheAuditOfACommuneToAnAdminOfAnotherCommuneWith403()
    {
        var tree = await SmallTree.CreateAsync(Dbs);
        var (email, _) = await AdminAsync("Quản trị phường Đông Kinh", tree.CommuneB);
        var client = await SignInAsync(email);

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
        var (email, id) = await AdminAsync("Quản trị xã Thất Khê", tree.CommuneA);
        var village = await factory.Services.GetRequiredService<UnitService>()
            .AddVillageAsync(new Actor(id, "Quản trị xã Thất Khê"), tree.CommuneA, "Thôn Khau Phầy");
        var client = await SignInAsync(email);

        var response = await client.GetAsync($"/admin/units/{tree.CommuneA}/audit.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Thời điểm,Người thực hiện,Thao tác", lines[0]);
        Assert.Contains(lines, l => l.Contains(",Quản trị xã Thất Khê,unit.add,unit," + village + ",Thất Khê,"));
        Assert.Contains(lines, l => l.Contains(",role.grant,user," + id + ",Thất Khê,"));
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

    /// <summary>A confirmed account with a known password, holding the Admin role on <paramref name="unitId"/>.</summary>
    private async Task<(string Email, string Id)> AdminAsync(string name, int unitId)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var email = $"{Guid.NewGuid():N}@test.example";
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await factory.Services.GetRequiredService<AccountService>().GrantAsync(Actor.System, user.Id, unitId, StaffRole.Admin);
        return (email, user.Id);
    }

    /// <summary>Signs in through the login form as a browser would: the antiforgery token from the page, then the post.</summary>
    private async Task<HttpClient> SignInAsync(string email)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = HiddenInputs(await client.GetStringAsync("/Account/Login"));
        Assert.True(form.ContainsKey("__RequestVerificationToken"), "the login page has no antiforgery token");
        form["Input.Email"] = email;
        form["Input.Password"] = Password;

        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(form));

        Assert.True(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("portal.auth=")),
            $"not signed in: {(int)response.StatusCode} {response.Headers.Location}");
        return client;
    }

    private static Dictionary<string, string> HiddenInputs(string html) =>
        Regex.Matches(html, "<input[^>]*type=\"hidden\"[^>]*>")
            .Select(m => (Name: Attribute(m.Value, "name"), Value: Attribute(m.Value, "value")))
            .Where(i => i.Name is not null)
            .GroupBy(i => i.Name!)
            .ToDictionary(g => g.Key, g => g.First().Value ?? "");

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }
}
