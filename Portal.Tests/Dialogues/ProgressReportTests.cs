using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Portal.Domain.Dialogues;
using Portal.Tests.Attachments;
using Portal.Tests.Dialogues.Staff;
using Portal.Tests.Infrastructure;
using Portal.Web.Dialogues.Commitments;

namespace Portal.Tests.Dialogues;

/// <summary>The progress report form in bUnit on the real service: the rule's refusal under the field, a report with a
/// note and a photo stored.</summary>
public class ProgressReportTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldRefuseTheSamePercentWithNothingNewAndStoreAReportWithAPhoto()
    {
        var w = await AnnouncedConference.CreateAsync(db);
        var question = await w.Service.AskAsync(w.Resident, w.Conference, w.Tree.VillageA1, "Giao thông",
            "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn", AuthorVisibility.FullName, Guid.NewGuid());
        await w.Service.AcceptAsync(w.Moderator, question);
        await w.Service.AnswerAsync(w.Official, question, "Xã sẽ gia cố taluy trong tháng tới.",
            [new CommitmentPlan("Gia cố 200 m taluy", w.Roads, w.Clock.GetUtcNow().AddDays(20))]);
        long commitment;
        await using (var ctx0 = db.CreateDbContext())
            commitment = await ctx0.Commitments.Where(c => c.QuestionId == question).Select(c => c.Id).SingleAsync();
        await w.Service.ReportProgressAsync(w.Official, commitment, 40);
        await using var ctx = StaffUi.Context(db, w.Clock, w.Official.UserId, w.Official.Name);
        var host = ctx.RenderWithProviders<ProgressReport>(new() { [nameof(ProgressReport.CommitmentId)] = commitment, [nameof(ProgressReport.Current)] = 40 });

        var percent = host.FindComponent<MudNumericField<int>>();
        await host.InvokeAsync(() => percent.Instance.ValueChanged.InvokeAsync(40));
        await host.Find("button.progress-send").ClickAsync(new());
        host.WaitForAssertion(() => Assert.Contains("Tiến độ vẫn là 40%: hãy nâng tiến độ, ghi việc đã làm hoặc đính kèm ảnh.", host.Markup));

        await host.Find(".progress-note textarea").ChangeAsync(new ChangeEventArgs { Value = "Đã gia cố thêm 40 m." });
        host.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(SampleFiles.Jpeg(), "thi-cong.jpg"));
        host.WaitForAssertion(() => Assert.Contains("thi-cong.jpg", host.Find("ul.attachment-chosen").TextContent));
        await host.Find("button.progress-send").ClickAsync(new());

        host.WaitForAssertion(() => Assert.Contains("Đã cập nhật; người theo dõi ý kiến sẽ được thông báo.", host.Markup));
        await using var check = db.CreateDbContext();
        var report = await check.CommitmentProgressReports.OrderByDescending(r => r.Id).FirstAsync(r => r.CommitmentId == commitment);
        Assert.Equal((40, "Đã gia cố thêm 40 m."), (report.Percent, report.NoteMarkdown));
        Assert.Equal(["thi-cong.jpg"], await check.Attachments.Where(a => a.OwnerKind == "progress" && a.OwnerId == report.Id.ToString())
            .Select(a => a.FileName).ToListAsync());
    }
}
