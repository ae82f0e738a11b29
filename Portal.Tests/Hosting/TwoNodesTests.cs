using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Data;
using Portal.Domain.Notifications;
using Portal.Tests.Infrastructure;
using Portal.Web.Notifications;

namespace Portal.Tests.Hosting;

/// <summary>Two portal web nodes on Kestrel on loopback, one database: what a reverse proxy in front of them needs
/// (docs/deploy.md). Node A is configured as behind a proxy (Proxy:Enabled), node B is not, so the forwarded-header
/// setting is seen from both sides.</summary>
public sealed class TwoNodes : IAsyncLifetime
{
    public PortalWebFactory A { get; } = new();
    public PortalWebFactory B { get; private set; } = null!;
    public Uri AddressA { get; private set; } = null!;
    public Uri AddressB { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        A.Settings["Proxy:Enabled"] = "true";
        await A.InitializeAsync();
        B = A.SecondNode();
        AddressA = new Uri(A.UseRealServer());
        AddressB = new Uri(B.UseRealServer());
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)B).DisposeAsync();
        await ((IAsyncLifetime)A).DisposeAsync();
    }
}

public sealed class TwoNodesTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>One browser in front of both nodes: cookies are not bound to a port, as behind one proxy address.</summary>
    private static HttpClient Browser() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient browser, Uri formFrom, Uri postTo, TestAccount account,
        string? forwardedProto = null)
    {
        var form = HttpSignIn.HiddenInputs(await browser.GetStringAsync(new Uri(formFrom, "/Account/Login")));
        Assert.True(form.ContainsKey("__RequestVerificationToken"));
        form["Input.Email"] = account.Email;
        form["Input.Password"] = account.Password;
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(postTo, "/Account/Login")) { Content = new FormUrlEncodedContent(form) };
        if (forwardedProto is not null) post.Headers.Add("X-Forwarded-Proto", forwardedProto);
        return await browser.SendAsync(post);
    }

    private static string? AuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.FirstOrDefault(c => c.StartsWith("portal.auth=")) : null;

    [Fact]
    public async Task ShouldAcceptOnNodeBTheSignInCookieIssuedByNodeA()
    {
        var account = await nodes.A.CreateAccountAsync("Nguyễn Thị Hai Nút");
        using var browser = Browser();
        var anonymous = await browser.GetAsync(new Uri(nodes.AddressB, "/Account/Manage"));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);

        var signIn = await PostLoginAsync(browser, nodes.AddressA, nodes.AddressA, account);
        Assert.NotNull(AuthCookie(signIn));
        var onB = await browser.GetAsync(new Uri(nodes.AddressB, "/Account/Manage"));

        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        // One key ring, in the shared database (not a per-machine folder), made by whichever node needed it first.
        await using var db = TestDatabase.Open(nodes.A.ConnectionString);
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
    }

    [Fact]
    public async Task ShouldAcceptOnNodeBTheAntiforgeryTokenOfAFormRenderedByNodeA()
    {
        var account = await nodes.A.CreateAccountAsync("Trần Văn Biểu Mẫu");
        using var browser = Browser();

        var signIn = await PostLoginAsync(browser, nodes.AddressA, nodes.AddressB, account);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.NotNull(AuthCookie(signIn));
    }

    [Fact]
    public async Task ShouldRingOnNodeBTheBellOfANotificationWrittenThroughNodeA()
    {
        var account = await nodes.A.CreateAccountAsync("Lê Thị Chuông");
        await nodes.B.Services.GetRequiredService<NotificationListener>().Listening.WaitAsync(Patience);
        var counted = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var countOnB = nodes.B.Services.GetRequiredService<NotificationService>();
        using var bell = nodes.B.Services.GetRequiredService<BellSignals>().Subscribe(account.Id,
            async () => counted.TrySetResult(await countOnB.UnreadCountAsync(account.Id)));

        await using (var db = await nodes.A.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await NotificationService.NotifyAsync(db, [account.Id], NotificationKinds.QuestionUpdate, "scale-out:bell",
                "Ý kiến của bạn đã được trả lời", "Your question was answered", null, "Nội dung", "Body", "http://localhost", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            await NotificationService.SignalAsync(db, [account.Id]);
            await tx.CommitAsync();
        }

        Assert.Equal(1, await counted.Task.WaitAsync(Patience));
    }

    [Fact]
    public async Task ShouldTakeTheSchemeFromXForwardedProtoOnlyWhenTheNodeIsSetBehindAProxy()
    {
        var account = await nodes.A.CreateAccountAsync("Phạm Văn Proxy");
        using var first = Browser();
        using var second = Browser();

        var behindProxy = AuthCookie(await PostLoginAsync(first, nodes.AddressA, nodes.AddressA, account, forwardedProto: "https"));
        var direct = AuthCookie(await PostLoginAsync(second, nodes.AddressB, nodes.AddressB, account, forwardedProto: "https"));

        Assert.Contains("; secure", behindProxy, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("; secure", direct, StringComparison.OrdinalIgnoreCase);
    }
}
