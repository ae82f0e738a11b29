using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Attachments;
using Portal.Domain.Dialogues;
using Portal.Tests.Attachments;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Dialogues;

/// <summary>The printable results and agenda of the demo's held conference, as plain server-rendered HTML.</summary>
public class ResultsPagesHttpTests(ResultsPagesHttpTests.Factory factory) : IClassFixture<ResultsPagesHttpTests.Factory>
{
    public sealed class Factory : PortalWebFactory
    {
        public Factory() => SeedDemoData = true;
    }

    private async Task<int> HeldConferenceAsync()
    {
        _ = factory.Server;
        await using var db = new ConnectionFactory(factory.ConnectionString).CreateDbContext();
        return await db.Conferences.Where(c => c.State == Portal.Domain.Dialogues.ConferenceState.ResultsPublished).Select(c => c.Id).SingleAsync();
    }

    [Fact]
    public async Task ShouldPrintEveryAnswerCommitmentAndTheAccountabilityBox()
    {
        var id = await HeldConferenceAsync();

        var response = await factory.CreateClient().GetAsync($"/hoi-nghi/{id}/ket-qua");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kết quả hội nghị đối thoại", html);
        Assert.Contains("Gia cố 200 m taluy đường Nà Sla bằng rọ đá", html);
        Assert.Contains("quá hạn, đạt 40%", html);
        Assert.Contains("đã hoàn thành", html);
        Assert.Contains("Người hỏi: hài lòng", html);
        Assert.Contains("cam kết đã hoàn thành", html);
        Assert.DoesNotContain("blazor.web.js\" autostart", html);
        Assert.DoesNotContain("Nông Thị Lý", html.Replace("Nông Thị Lý (do", "")); // the relayed resident shows only with the relay note
    }

    [Fact]
    public async Task ShouldNameTheFilesOfTheQuestionsAndAnswersOnThePrintedResults()
    {
        var id = await HeldConferenceAsync();
        await using (var db = new ConnectionFactory(factory.ConnectionString).CreateDbContext())
        {
            var question = await db.Questions.SingleAsync(q => q.ConferenceId == id && q.Body.Contains("sạt lở taluy"));
            var by = new Portal.Domain.Accounts.Actor(question.AuthorId, "Hoàng Thị Mai");
            await db.AttachAsync(DialogueAttachments.OfQuestion(question.Id), [new("sat-lo.png", SampleFiles.Png())], DialogueAttachments.Question, by, DateTimeOffset.UtcNow);
            await db.AttachAsync(DialogueAttachments.OfShownAnswer(question.Id, question.TimesReopened, question.State),
                [new("phuong-an-gia-co.pdf", SampleFiles.Pdf(3000))], DialogueAttachments.Answer, by, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var html = System.Text.RegularExpressions.Regex.Replace(
            WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync($"/hoi-nghi/{id}/ket-qua")), @"\s+", " ");

        Assert.Contains("Tệp đính kèm: </strong><a href=\"/tep/", html);
        Assert.Contains("sat-lo.png</a> <span>(1 KB)</span>", html);
        Assert.Contains("Tệp kèm câu trả lời: </strong><a href=\"/tep/", html);
        Assert.Contains("phuong-an-gia-co.pdf</a> <span>(3 KB)</span>", html);
    }

    [Fact]
    public async Task ShouldPrintAVillageSheetWithThatVillagesQuestionsOnly()
    {
        var id = await HeldConferenceAsync();
        await using var db = new ConnectionFactory(factory.ConnectionString).CreateDbContext();
        var answered = await db.Questions.Where(q => q.ConferenceId == id && q.HiddenAt == null
                && (q.State == Portal.Domain.Dialogues.QuestionState.Answered || q.State == Portal.Domain.Dialogues.QuestionState.Published))
            .Select(q => new { q.VillageId, Text = q.RedactedBody ?? q.Body }).ToListAsync();
        var village = answered.GroupBy(q => q.VillageId).OrderByDescending(g => g.Count()).First().Key;
        var villageName = await db.Units.Where(u => u.Id == village).Select(u => u.Name).SingleAsync();
        Assert.Contains(answered, q => q.VillageId != village); // the demo has answers from other villages too

        var response = await factory.CreateClient().GetAsync($"/hoi-nghi/{id}/thon/{village}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var outside = await factory.CreateClient().GetStringAsync($"/hoi-nghi/{id}/thon/{village + 100000}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Ý kiến của {villageName} và trả lời", html);
        Assert.All(answered.Where(q => q.VillageId == village), q => Assert.Contains(q.Text, html));
        Assert.All(answered.Where(q => q.VillageId != village), q => Assert.DoesNotContain(q.Text, html));
        Assert.DoesNotContain("blazor.web.js\" autostart", html);
        Assert.Contains("Không tìm thấy hội nghị", WebUtility.HtmlDecode(outside));
    }

    [Fact]
    public async Task ShouldPrintTheAgendaWithCountsPerVillage()
    {
        var id = await HeldConferenceAsync();

        var html = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync($"/hoi-nghi/{id}/chuong-trinh"));

        Assert.Contains("Chương trình hội nghị đối thoại", html);
        Assert.Contains("Số ý kiến theo thôn, tổ dân phố", html);
        Assert.Contains("Thôn Nà Sla", html);
    }
}

public class UnknownConferenceDocumentsTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    [Theory]
    [InlineData("/hoi-nghi/999999/ket-qua")]
    [InlineData("/hoi-nghi/999999/chuong-trinh")]
    [InlineData("/hoi-nghi/999999/thon/999999")]
    public async Task ShouldAnswer404ForAConferenceThatDoesNotExist(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())); // the document or the site's 404 page
    }
}
