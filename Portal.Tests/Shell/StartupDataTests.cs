using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;
using Portal.Web.Hosting;

namespace Portal.Tests.Shell;

public class AdminBootstrapTests(AdminBootstrapTests.Factory factory) : IClassFixture<AdminBootstrapTests.Factory>
{
    /// <summary>Production-like start: no demo data, the first administrator given in configuration.</summary>
    public sealed class Factory : PortalWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Admin:Email", "admin@tinh.test");
            builder.UseSetting("Admin:Password", "Mật-khẩu-dài-2026");
        }
    }

    [Fact]
    public async Task ShouldCreateTheConfiguredAdministratorOnTheCountryRoot()
    {
        _ = factory.Server;
        await using var db = new ConnectionFactory(factory.ConnectionString).CreateDbContext();

        var admin = await db.Users.SingleAsync(u => u.Email == "admin@tinh.test");
        var role = await db.UnitRoles.Include(r => r.Unit).SingleAsync(r => r.UserId == admin.Id);
        Assert.Equal((StaffRole.Admin, UnitLevel.Country), (role.Role, role.Unit.Level));
    }
}

public class DemoDataTests(DemoDataTests.Factory factory) : IClassFixture<DemoDataTests.Factory>
{
    public sealed class Factory : PortalWebFactory
    {
        public Factory() => SeedDemoData = true;
    }

    [Fact]
    public async Task ShouldSeedTheDemoOnceEvenWhenRunAgain()
    {
        _ = factory.Server;
        await using var db = new ConnectionFactory(factory.ConnectionString).CreateDbContext();
        var before = (await db.Units.CountAsync(), await db.Agencies.CountAsync(), await db.Users.CountAsync(), await db.UnitRoles.CountAsync());

        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();

        var after = (await db.Units.CountAsync(), await db.Agencies.CountAsync(), await db.Users.CountAsync(), await db.UnitRoles.CountAsync());
        Assert.Equal(before, after);
        Assert.Equal(3, await db.Units.CountAsync(u => u.Level == UnitLevel.Commune));
        Assert.Equal(DemoData.Accounts.Count + DemoDrafts.Commenters.Count, after.Item3);
        // The dialogue history: one conference open for questions, one with published results, one merged pair, commitments.
        Assert.Equal(2, await db.Conferences.CountAsync());
        Assert.Equal(1, await db.Conferences.CountAsync(c => c.State == Portal.Domain.Dialogues.ConferenceState.ResultsPublished));
        Assert.Equal(1, await db.Questions.CountAsync(q => q.State == Portal.Domain.Dialogues.QuestionState.Merged));
        Assert.Equal(2, await db.Commitments.CountAsync());
        Assert.True(await db.Outbox.AnyAsync());
        // The drafts: one open for comments, one answered with its table of receipt and explanation.
        Assert.Equal(1, await db.Drafts.CountAsync(d => d.State == Portal.Domain.Drafts.DraftState.Open));
        Assert.Equal(1, await db.Drafts.CountAsync(d => d.State == Portal.Domain.Drafts.DraftState.Answered));
    }
}
