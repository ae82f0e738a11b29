using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Campaigns;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Campaigns;

/// <summary>The demo campaigns over HTTP: prerendered pages, the printable ledger and its CSV.</summary>
public class CampaignDemoHttpTests(CampaignDemoHttpTests.Factory factory) : IClassFixture<CampaignDemoHttpTests.Factory>
{
    public sealed class Factory : PortalWebFactory
    {
        public Factory() => SeedDemoData = true;
    }

    private async Task<(Campaign Open, Campaign Completed)> CampaignsAsync()
    {
        _ = factory.Server;
        await using var db = new ConnectionFactory(factory.ConnectionString).CreateDbContext();
        var all = await db.Campaigns.Include(c => c.Villages).ToListAsync();
        return (all.Single(c => c.State == CampaignState.Open), all.Single(c => c.State == CampaignState.Completed));
    }

    [Fact]
    public async Task ShouldSeedTheRoadCampaignWithEveryKindInEveryStateAndAVillageThatDidNotPass()
    {
        var (open, _) = await CampaignsAsync();
        await using var db = new ConnectionFactory(factory.ConnectionString).CreateDbContext();

        var decisions = await db.VillageDecisions.Where(d => d.CampaignId == open.Id).ToListAsync();
        Assert.Equal(3, open.Villages.Count);
        Assert.Equal(2, decisions.Count(d => d.Passed));
        Assert.Equal(60m, decisions.Where(d => !d.Passed).Select(d => 100m * d.Agreeing / d.Households).Single());
        var lines = await (from l in db.PledgeLines join p in db.Pledges on l.PledgeId equals p.Id join g in db.CampaignGoals on l.GoalId equals g.Id
                           where p.CampaignId == open.Id select new { g.Kind, p.State }).ToListAsync();
        foreach (var kind in new[] { GoalKind.Money, GoalKind.LabourDays, GoalKind.Materials, GoalKind.Land })
            Assert.Contains(lines, l => l.Kind == kind);
        foreach (var state in Enum.GetValues<PledgeState>())
            Assert.Contains(lines, l => l.State == state);
        Assert.Equal(2, await db.CampaignPosts.CountAsync(p => p.CampaignId == open.Id && p.Kind != CampaignPostKind.SupervisionNote));
    }

    [Fact]
    public async Task ShouldPrerenderTheCampaignPageWithProgressTheVillagesRuleAndTheHonourBoard()
    {
        var (open, _) = await CampaignsAsync();

        var response = await factory.CreateClient().GetAsync($"/van-dong/{open.Id}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Bê tông hoá đường liên thôn", html);
        Assert.Contains("Đã đóng góp 5.000.000 ₫ / chỉ tiêu 450.000.000 ₫", html);
        Assert.Contains("Không đạt: 45/75 hộ đồng ý (60%)", html);
        Assert.Contains("Một hộ gia đình không nêu tên", html);
        Assert.DoesNotContain("Lương Văn Tâm", html); // chose not to be named
        Assert.Contains("Hoàn thành 1,1 km đầu tiên", html);
        Assert.Contains("<strong>3,5 m</strong>", html); // the supervision note's Markdown
    }

    [Fact]
    public async Task ShouldPrintTheCompletedCampaignsLedgerAndExportItAsCsvWithAByteOrderMark()
    {
        var (_, completed) = await CampaignsAsync();
        var village = completed.Villages.OrderBy(v => v.VillageId).First().VillageId;
        var client = factory.CreateClient();

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/van-dong/{completed.Id}/thon/{village}/so-dong-gop"));
        var csv = await client.GetAsync($"/van-dong/{completed.Id}/thon/{village}/so-dong-gop.csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);

        Assert.Contains("Sổ đóng góp của", page);
        Assert.Contains("Tổng cộng", page);
        Assert.DoesNotContain("blazor.web.js\" autostart", page);
        Assert.Equal("text/csv; charset=utf-8", csv.Content.Headers.ContentType!.ToString());
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("STT,\"Người, hộ đóng góp\",Tiền mặt (đồng)", rows[0]);
        Assert.Equal(5, rows.Length); // header, three households, total
        Assert.StartsWith(",Tổng cộng,", rows[^1]);
        var total = rows[1..^1].Sum(r => decimal.Parse(r.Split(',')[2], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(total, decimal.Parse(rows[^1].Split(',')[2], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ShouldFeedTheLocalitysCampaignsTheirNewsAndTheCompletedOneAsAtom()
    {
        var (open, _) = await CampaignsAsync();
        var client = factory.CreateClient();

        var local = await client.GetAsync($"/dia-phuong/{open.UnitId}/van-dong/atom");
        var xml = System.Xml.Linq.XDocument.Parse(await local.Content.ReadAsStringAsync());
        var everywhere = await client.GetStringAsync("/van-dong/atom");
        var missing = await client.GetAsync("/dia-phuong/999999/van-dong/atom");

        Assert.Equal("application/atom+xml; charset=utf-8", local.Content.Headers.ContentType!.ToString());
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        var titles = xml.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "title")!.Value).ToList();
        Assert.Contains("Phát động cuộc vận động: Bê tông hoá đường liên thôn Nà Sla – Khau Phầy – Pò Mã năm 2026", titles);
        Assert.Contains(titles, t => t.StartsWith("Cột mốc: Hoàn thành 1,1 km đầu tiên"));
        Assert.Contains(titles, t => t.StartsWith("Ban Giám sát đầu tư của cộng đồng: Kiểm tra khối lượng đoạn 1"));
        var ids = xml.Root.Elements(atom + "entry").Select(e => e.Element(atom + "id")!.Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains("Hoàn thành cuộc vận động: Chung sức làm đường tuần tra đến các cột mốc biên giới", everywhere);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
