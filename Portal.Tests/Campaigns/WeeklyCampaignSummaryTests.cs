using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Campaigns;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Campaigns;

/// <summary>The organisers' weekly summary on the real PostgreSQL: one email per member of the organising agency per week.</summary>
public class WeeklyCampaignSummaryTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldEmailTheOrganisingAgencyOnceAWeekWithTotalsAndWhatIsWaiting()
    {
        var w = await CampaignWorld.CreateAsync(db, db.Clock);
        await w.OpenAsync();
        await new AgencyService(db, db.Clock).AddMemberAsync(Portal.Domain.Accounts.Actor.System, w.Front, w.Organiser.UserId!);
        await w.PledgeAsync(w.Resident, new PledgeAmount(w.Money, 1_250_000m));
        var summary = new WeeklyCampaignSummary(db, w.Reader, new PortalLinks("https://portal.test"));

        var first = await summary.RunAsync(db.Clock.GetUtcNow());
        var again = await summary.RunAsync(db.Clock.GetUtcNow().AddHours(2));

        Assert.Equal(1, first);
        Assert.Equal(0, again);
        await using var ctx = db.CreateDbContext();
        var mail = await ctx.Outbox.SingleAsync(m => m.Key.StartsWith($"campaign-weekly:{w.Campaign}:"));
        Assert.Contains("Tiền mặt: đã đóng góp 0 / 300.000.000 đồng (đã đăng ký 1.250.000)", mail.BodyMarkdown);
        Assert.Contains("Đăng ký đang chờ trưởng thôn xác nhận: 1", mail.BodyMarkdown);
        Assert.Contains("Thôn chưa đạt 2/3 số hộ đồng ý: Thôn Pò Mã", mail.BodyMarkdown);
    }
}
