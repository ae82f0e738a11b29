using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Domain.Data;
using Portal.Tests.Infrastructure;
using Portal.Web.Accounts;

namespace Portal.Tests.Accounts;

/// <summary>The static account pages over HTTP, as a browser without JavaScript uses them.</summary>
public class AccountPagesTests(PortalWebFactory web) : IClassFixture<PortalWebFactory>
{
    private const string Password = "matkhau2026";

    private HttpClient NewBrowser() => web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private IDbContextFactory<PortalDb> Dbs => web.Services.GetRequiredService<IDbContextFactory<PortalDb>>();

    private static string NewEmail() => $"{Guid.NewGuid():N}@test.example";

    [Fact]
    public async Task ShouldCreateAnUnconfirmedResidentAndEmailAConfirmationLink()
    {
        var tree = await SmallTree.CreateAsync(Dbs);
        var browser = NewBrowser();
        var email = NewEmail();

        var response = await browser.PostFormAsync("/Account/Register", "register", new()
        {
            ["Input.DisplayName"] = "Hoàng Thị Đăng Ký", ["Input.Email"] = email, ["Input.PhoneNumber"] = "0912 345 678",
            ["Input.HomeUnitId"] = tree.VillageA1.ToString(), ["Input.HomeUnitName"] = "Thôn Nà Sla",
            ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Account/RegisterConfirmation", response.Headers.Location!.ToString());
        var user = await FindAsync(email);
        Assert.False(user.EmailConfirmed);
        Assert.Equal(("Hoàng Thị Đăng Ký", "0912345678", tree.VillageA1, "vi"), (user.DisplayName, user.PhoneNumber, user.HomeUnitId, user.PreferredLanguage));
        Assert.NotEqual(default, user.CreatedAt);

        var mail = Assert.Single(web.Emails(), m => m.Contains($"<{email}>"));
        var link = Regex.Match(Eml.Text(mail), @"https?://\S+/Account/ConfirmEmail\?\S+").Value;
        Assert.Contains("userId=" + user.Id, link);

        var confirm = await browser.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.True((await FindAsync(email)).EmailConfirmed);
    }

    [Fact]
    public async Task ShouldRefuseToRegisterWithAHomeUnitThatIsNotAVillage()
    {
        var tree = await SmallTree.CreateAsync(Dbs);
        var email = NewEmail();

        var response = await NewBrowser().PostFormAsync("/Account/Register", "register", new()
        {
            ["Input.DisplayName"] = "Người Ở Xã", ["Input.Email"] = email,
            ["Input.HomeUnitId"] = tree.CommuneA.ToString(), ["Input.HomeUnitName"] = "Thất Khê",
            ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("không phải là một thôn hoặc tổ dân phố đang hoạt động", await Forms.TextAsync(response));
        await using var db = await Dbs.CreateDbContextAsync();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
    }

    [Fact]
    public async Task ShouldFindTheVillageFromTheTypedNameWhenTheScriptDidNotRun()
    {
        var tree = await SmallTree.CreateAsync(Dbs);
        var email = NewEmail();

        var response = await NewBrowser().PostFormAsync("/Account/Register", "register", new()
        {
            ["Input.DisplayName"] = "Không Dùng Script", ["Input.Email"] = email, ["Input.HomeUnitId"] = "", ["Input.HomeUnitName"] = "po ma",
            ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(tree.VillageA2, (await FindAsync(email)).HomeUnitId);
    }

    [Fact]
    public async Task ShouldAskForTheVillageWhenNoneWasChosen()
    {
        var response = await NewBrowser().PostFormAsync("/Account/Register", "register", new()
        {
            ["Input.DisplayName"] = "Quên Chọn Thôn", ["Input.Email"] = NewEmail(), ["Input.HomeUnitId"] = "", ["Input.HomeUnitName"] = "",
            ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vui lòng chọn thôn hoặc tổ dân phố nơi bạn sống.", await Forms.TextAsync(response));
    }

    [Fact]
    public async Task ShouldSignInAConfirmedResident()
    {
        var email = await ConfirmedUserAsync("Người Đăng Nhập");
        var browser = NewBrowser();

        var response = await browser.PostFormAsync("/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("portal.auth="));
        var profile = await browser.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Contains("Người Đăng Nhập", await Forms.TextAsync(profile));
    }

    [Fact]
    public async Task ShouldLockTheAccountAfterFiveWrongPasswords()
    {
        var email = await ConfirmedUserAsync("Người Quên Mật Khẩu");
        var browser = NewBrowser();

        for (var attempt = 1; attempt <= 5; attempt++)
            await browser.PostFormAsync("/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = "sai-mat-khau-" + attempt });
        var sixth = await browser.PostFormAsync("/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = Password });

        Assert.Equal(HttpStatusCode.Redirect, sixth.StatusCode);
        Assert.Contains("Account/Lockout", sixth.Headers.Location!.ToString());
        Assert.DoesNotContain(sixth.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("portal.auth="));
        Assert.True((await FindAsync(email)).LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10));
        var page = await Forms.TextAsync(await browser.GetAsync("/Account/Lockout"));
        Assert.Contains("bị khoá 15 phút", page);
    }

    [Fact]
    public async Task ShouldFindVillagesWithoutAccents()
    {
        await SmallTree.CreateAsync(Dbs);

        var found = await NewBrowser().GetFromJsonAsync<VillageResult[]>("/api/units/villages?q=na%20sla");

        var village = Assert.Single(found!);
        Assert.Equal("Thôn Nà Sla", village.Name);
        Assert.Contains("Thất Khê", village.Where);
    }

    [Fact]
    public async Task ShouldDownloadMyDataAndDeleteMyAccountAfterThePassword()
    {
        var email = await ConfirmedUserAsync("Người Rời Đi");
        var browser = NewBrowser();
        await browser.PostFormAsync("/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = Password });

        var page = await browser.GetStringAsync("/Account/Manage/PersonalData");
        var download = await browser.PostAsync("/Account/Manage/DownloadPersonalData",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Forms.Token(page) }));
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Người Rời Đi", await download.Content.ReadAsStringAsync());

        var wrong = await browser.PostFormAsync("/Account/Manage/DeletePersonalData", "delete-user", new() { ["Input.Password"] = "khong-dung" });
        Assert.Contains("mật khẩu không đúng", await Forms.TextAsync(wrong));
        Assert.Null((await FindAsync(email)).DeletedAt);

        var deleted = await browser.PostFormAsync("/Account/Manage/DeletePersonalData", "delete-user", new() { ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        await using var db = await Dbs.CreateDbContextAsync();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/Account/Manage")).StatusCode); // signed out
    }

    private async Task<PortalUser> FindAsync(string email)
    {
        await using var db = await Dbs.CreateDbContextAsync();
        return await db.Users.SingleAsync(u => u.Email == email);
    }

    private async Task<string> ConfirmedUserAsync(string name)
    {
        var tree = await SmallTree.CreateAsync(Dbs);
        using var scope = web.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var email = NewEmail();
        var result = await users.CreateAsync(new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, HomeUnitId = tree.VillageA1 }, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return email;
    }
}

/// <summary>Posts a static-rendered Blazor form the way a browser does: with the antiforgery token and form name of the page.</summary>
internal static class Forms
{
    /// <summary>The page's HTML with character references decoded, to look for Vietnamese text in it.</summary>
    public static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static string Token(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value);

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, string formName, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(url);
        fields["_handler"] = formName;
        fields["__RequestVerificationToken"] = Token(page);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }
}

/// <summary>The text/plain part of an .eml written by the pickup sender (base64, UTF-8).</summary>
internal static class Eml
{
    public static string Text(string eml)
    {
        var part = Regex.Match(eml, @"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n(?<b64>[A-Za-z0-9+/=\r\n]+?)\r\n--");
        return Encoding.UTF8.GetString(Convert.FromBase64String(part.Groups["b64"].Value.Replace("\r\n", "")));
    }
}
