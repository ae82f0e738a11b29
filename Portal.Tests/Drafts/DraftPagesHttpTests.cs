using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Drafts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Drafts;

/// <summary>The demo's two drafts as a phone's first response sees them: prerendered list, reading view, table and CSV.</summary>
public class DraftPagesHttpTests(DraftPagesHttpTests.Factory factory) : IClassFixture<DraftPagesHttpTests.Factory>
{
    public sealed class Factory : PortalWebFactory
    {
        public Factory() => SeedDemoData = true;
    }

    private async Task<(int Open, int Answered)> DemoDraftsAsync()
    {
        _ = factory.Server;
        await using var db = new ConnectionFactory(factory.ConnectionString).CreateDbContext();
        var drafts = await db.Drafts.Select(d => new { d.Id, d.State }).ToListAsync();
        return (drafts.Single(d => d.State == DraftState.Open).Id, drafts.Single(d => d.State == DraftState.Answered).Id);
    }

    [Fact]
    public async Task ShouldPrerenderTheListAndTheOpenDraftWithItsSectionsAndCommentCounts()
    {
        var (open, _) = await DemoDraftsAsync();
        var client = factory.CreateClient();

        var list = WebUtility.HtmlDecode(await client.GetStringAsync("/du-thao?loc=open"));
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/du-thao/{open}"));

        Assert.Contains("Kế hoạch bê tông hoá đường giao thông nông thôn", list);
        Assert.DoesNotContain("Quy chế quản lý, sử dụng nhà văn hoá", list);
        Assert.Contains("Mục 3. Đóng góp của Nhân dân", page);
        Assert.Contains("Mục 3, khoản 2", page);
        Assert.Contains("id=\"muc-3-k2\"", page);
        Assert.Contains("Góp ý (1)", page);
        Assert.Contains("Ủy ban nhân dân xã Thất Khê", page);
        Assert.Contains("4 góp ý của 4 người, 0 tổ chức; 2 lượt ủng hộ.", page);
        Assert.Contains("Đồng ý 2 · Không đồng ý 1 · Đề xuất sửa đổi 1.", page);
    }

    [Fact]
    public async Task ShouldPublishTheTableOfReceiptAndExplanationAndItsCsvWithAByteOrderMark()
    {
        var (open, answered) = await DemoDraftsAsync();
        var client = factory.CreateClient();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/du-thao/{answered}/bang-tiep-thu"));
        var csv = await client.GetByteArrayAsync($"/du-thao/{answered}/bang-tiep-thu.csv");
        var none = await client.GetAsync($"/du-thao/{open}/bang-tiep-thu");

        Assert.Contains("Bảng tổng hợp tiếp thu, giải trình", html);
        Assert.Contains("Tiếp thu một phần", html);
        Assert.Contains("Giữ mức 200.000 đồng", html);
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var text = System.Text.Encoding.UTF8.GetString(csv[3..]);
        Assert.StartsWith("STT,Phần dự thảo,Kiến nghị,Số ý kiến,Ý kiến tiêu biểu,Kết quả,Giải trình", text);
        Assert.Contains("Tiếp thu một phần", text);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode); // the open draft has no table yet
    }

    [Fact]
    public async Task ShouldListBothDemoDraftsInTheAtomFeedOfTheirCommune()
    {
        var (open, answered) = await DemoDraftsAsync();
        await using var db = new ConnectionFactory(factory.ConnectionString).CreateDbContext();
        var commune = await db.Drafts.Where(d => d.Id == open).Select(d => d.UnitId).SingleAsync();

        var response = await factory.CreateClient().GetAsync($"/dia-phuong/{commune}/du-thao/atom");
        var feed = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/atom+xml; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        var links = feed.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "id")!.Value).ToList();
        Assert.Contains(links, l => l.EndsWith($"/du-thao/{open}"));
        Assert.Contains(links, l => l.EndsWith($"/du-thao/{answered}"));
        Assert.Contains("Đã trả lời", feed.ToString());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/dia-phuong/999999/du-thao/atom")).StatusCode);
    }

    [Fact]
    public async Task ShouldShowWhatANewVersionChangedSectionBySection()
    {
        var (open, _) = await DemoDraftsAsync();
        var drafts = factory.Services.GetRequiredService<DraftService>();
        await using (var db = new ConnectionFactory(factory.ConnectionString).CreateDbContext())
        {
            var body = await db.DraftVersions.Where(v => v.DraftId == open).OrderByDescending(v => v.Number).Select(v => v.Body).FirstAsync();
            await drafts.PublishVersionAsync(Portal.Domain.Accounts.Actor.System, open, body.Replace("rộng 3,5 m, dày 18 cm", "rộng 3 m, dày 18 cm"), "Giảm bề rộng đường trục thôn");
        }

        var html = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync($"/du-thao/{open}/phien-ban"));

        Assert.Contains("Giảm bề rộng đường trục thôn", html);
        Assert.Contains("Mục 2, khoản 1 · đã sửa", html);
        Assert.Contains("1 phần sửa, 0 phần thêm, 0 phần bỏ", html);
        Assert.Matches("<del>.*3,5</del>", html);
    }

    [Fact]
    public async Task ShouldPrerenderTheCommitteesDeskForTheOpenDraftAndTheAgencysAnswerPageForTheAnsweredOne()
    {
        var (open, answered) = await DemoDraftsAsync();
        var committee = await factory.SignInAsync("mattran@demo.test", Portal.Web.Hosting.DemoData.Password);
        var official = await factory.SignInAsync("canbo@demo.test", Portal.Web.Hosting.DemoData.Password);

        var list = WebUtility.HtmlDecode(await committee.GetStringAsync("/quan-ly/du-thao"));
        var desk = WebUtility.HtmlDecode(await committee.GetStringAsync($"/quan-ly/du-thao/{open}"));
        var answers = WebUtility.HtmlDecode(await official.GetStringAsync($"/quan-ly/du-thao/{answered}/tra-loi"));
        var refused = WebUtility.HtmlDecode(await official.GetStringAsync($"/quan-ly/du-thao/{open}"));

        Assert.Contains("Kế hoạch bê tông hoá đường giao thông nông thôn", list);
        Assert.Contains("Kiểm duyệt góp ý", desk);
        Assert.Contains("Công bố phiên bản mới", desk);
        Assert.Contains("Văn bản gốc (PDF, DOCX)", desk);
        Assert.Contains("Người cao tuổi, hộ nghèo khó góp đủ 5 ngày công", desk);
        Assert.Contains("Đã trả lời 2/2 kiến nghị.", answers);
        Assert.Contains("Tiếp thu một phần", answers);
        Assert.Contains("Không tìm thấy dự thảo, hoặc bạn không phụ trách dự thảo này.", refused);
    }
}
