using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Dialogues;

/// <summary>The demo's commitments page: both promises with their progress, the overdue one flagged by its deadline.</summary>
public class CommitmentsPageTests(CommitmentsPageTests.Factory factory) : IClassFixture<CommitmentsPageTests.Factory>
{
    public sealed class Factory : PortalWebFactory
    {
        public Factory() => SeedDemoData = true;
    }

    [Fact]
    public async Task ShouldListTheCommitmentsWithProgressAndTheOverdueOneMarked()
    {
        _ = factory.Server;
        int id;
        await using (var db = new ConnectionFactory(factory.ConnectionString).CreateDbContext())
            id = await db.Conferences.Where(c => c.State == Portal.Domain.Dialogues.ConferenceState.ResultsPublished).Select(c => c.Id).SingleAsync();

        var html = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync($"/hoi-nghi/{id}/cam-ket"));

        Assert.Contains("Gia cố 200 m taluy đường Nà Sla bằng rọ đá", html);
        Assert.Contains("Tiến độ 40%", html);
        Assert.Contains("Đã hoàn thành", html);
        Assert.Contains("Quá hạn từ", html);
        Assert.DoesNotContain("Cập nhật tiến độ", html); // anonymous visitors only read
    }

    [Fact]
    public async Task ShouldListTheAgencysCommitmentsWithCountersAndProgressNotes()
    {
        _ = factory.Server;
        int agency;
        await using (var db = new ConnectionFactory(factory.ConnectionString).CreateDbContext())
            agency = await db.Commitments.Select(c => c.AgencyId).Distinct().SingleAsync();

        var html = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync($"/co-quan/{agency}/cam-ket"));

        Assert.Contains("Cam kết của Ủy ban nhân dân xã Thất Khê", html);
        Assert.Contains("Tất cả (2)", html);
        Assert.Contains("Quá hạn (1)", html);
        Assert.Contains("Đã hoàn thành (1)", html);
        Assert.Contains("Đã tập kết rọ đá và gia cố 80 m đầu tuyến", html); // the progress report's note
        Assert.Contains("Đối thoại", html); // each names its conference
    }

    [Fact]
    public async Task ShouldSaySoForAnAgencyThatDoesNotExist()
    {
        var html = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync("/co-quan/999999/cam-ket"));

        Assert.Contains("Không tìm thấy cơ quan.", html);
    }
}
