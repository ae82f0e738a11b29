using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;

namespace Portal.Tests.Infrastructure;

/// <summary>A confirmed account with a known password, made through the portal's own UserManager.</summary>
public sealed record TestAccount(string Id, string Email, string Name, string Password)
{
    public Actor Actor => new(Id, Name);
}

/// <summary>Accounts and signed-in HTTP clients for tests of the whole portal (<see cref="PortalWebFactory"/>).</summary>
public static class HttpSignIn
{
    public const string DefaultPassword = "Mat-khau-thu-2026";

    /// <summary>A confirmed account with <see cref="DefaultPassword"/>, holding <paramref name="role"/> on
    /// <paramref name="unitId"/> when given.</summary>
    public static async Task<TestAccount> CreateAccountAsync(this PortalWebFactory factory, string name, int? unitId = null,
        StaffRole role = StaffRole.Official)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var email = $"{Guid.NewGuid():N}@test.example";
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(user, DefaultPassword);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        if (unitId is int unit)
            await factory.Services.GetRequiredService<AccountService>().GrantAsync(Actor.System, user.Id, unit, role);
        return new TestAccount(user.Id, email, name, DefaultPassword);
    }

    public static Task<HttpClient> SignInAsync(this PortalWebFactory factory, TestAccount account) =>
        factory.SignInAsync(account.Email, account.Password);

    /// <summary>Signs in through the login form as a browser would (the antiforgery token from the page, then the
    /// post) and returns a client that keeps the cookies and does not follow redirects.</summary>
    public static async Task<HttpClient> SignInAsync(this PortalWebFactory factory, string email, string password)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = HiddenInputs(await client.GetStringAsync("/Account/Login"));
        Assert.True(form.ContainsKey("__RequestVerificationToken"), "the login page has no antiforgery token");
        form["Input.Email"] = email;
        form["Input.Password"] = password;

        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(form));

        Assert.True(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("portal.auth=")),
            $"not signed in: {(int)response.StatusCode} {response.Headers.Location}");
        return client;
    }

    /// <summary>The hidden inputs of a page's forms (the antiforgery token among them), by name.</summary>
    public static Dictionary<string, string> HiddenInputs(string html) =>
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
