using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Attachments;
using Portal.Domain.Dialogues;
using Portal.Tests.Attachments;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Dialogues;

/// <summary>Files on questions, answers and progress reports, on the real PostgreSQL: stored with the change or not at all,
/// shown to whoever may see the question.</summary>
public class DialogueAttachmentsTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private const string Text = "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn, xe máy không qua được";

    [Fact]
    public async Task ShouldStoreAQuestionsFilesOnceEvenWhenTheFormIsSentTwice()
    {
        var w = await AnnouncedConference.CreateAsync(db);
        var request = Guid.NewGuid();
        IncomingFile[] files = [new("sat-lo.jpg", SampleFiles.Jpeg(4000)), new("don.pdf", SampleFiles.Pdf())];

        var first = await w.Service.AskAsync(w.Resident, w.Conference, w.Tree.VillageA1, "Giao thông", Text, AuthorVisibility.FullName, request, files: files);
        var again = await w.Service.AskAsync(w.Resident, w.Conference, w.Tree.VillageA1, "Giao thông", Text, AuthorVisibility.FullName, request, files: files);

        Assert.Equal(first, again);
        await using var check = db.CreateDbContext();
        Assert.Equal(1, await check.Questions.CountAsync(q => q.AuthorId == w.Resident.UserId && q.ClientRequestId == request));
        var stored = await check.Attachments.Where(a => a.OwnerKind == "question" && a.OwnerId == first.ToString()).OrderBy(a => a.FileName).ToListAsync();
        Assert.Equal([("don.pdf", FileKind.Pdf), ("sat-lo.jpg", FileKind.Jpeg)], stored.Select(a => (a.FileName, a.Kind)));
    }

    [Fact]
    public async Task ShouldRefuseAProgramDisguisedAsAPhotoAndCreateNoQuestion()
    {
        var w = await AnnouncedConference.CreateAsync(db);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => w.Service.AskAsync(w.Neighbour, w.Conference, w.Tree.VillageA1, "Giao thông",
            Text, AuthorVisibility.FullName, Guid.NewGuid(), files: [new("anh.jpg", SampleFiles.Exe())]));

        Assert.Equal("attachment.kind.not-image-or-pdf", refused.Key);
        await using var check = db.CreateDbContext();
        Assert.False(await check.Questions.AnyAsync(q => q.AuthorId == w.Neighbour.UserId));
    }

    [Fact]
    public async Task ShouldShowAPreModeratedQuestionsFilesToItsAuthorAndModeratorsButNotThePublicUntilAccepted()
    {
        var w = await AnnouncedConference.CreateAsync(db);
        var question = await w.Service.AskAsync(w.Resident, w.Conference, w.Tree.VillageA1, "Giao thông", Text, AuthorVisibility.FullName,
            Guid.NewGuid(), files: [new("sat-lo.png", SampleFiles.Png())]);
        var file = await FileOfAsync("question", question.ToString());
        var reader = new AttachmentReader(db, DialogueAttachmentAccess.All());

        Assert.Null(await reader.OpenAsync(file, null));
        Assert.Null(await reader.OpenAsync(file, w.Neighbour));
        Assert.Null(await reader.OpenAsync(file, w.OtherOfficial)); // an official of another commune
        Assert.NotNull(await reader.OpenAsync(file, w.Resident));
        Assert.NotNull(await reader.OpenAsync(file, w.Moderator));

        await w.Service.AcceptAsync(w.Moderator, question);
        Assert.NotNull(await reader.OpenAsync(file, null));

        var refusedQuestion = await w.Service.AskAsync(w.Neighbour, w.Conference, w.Tree.VillageA1, "Giao thông", Text + " nữa", AuthorVisibility.FullName,
            Guid.NewGuid(), files: [new("b.png", SampleFiles.Png())]);
        await w.Service.RefuseAsync(w.Moderator, refusedQuestion, "Nội dung không thuộc thẩm quyền của xã.");
        Assert.Null(await reader.OpenAsync(await FileOfAsync("question", refusedQuestion.ToString()), null));
    }

    [Fact]
    public async Task ShouldShowTheAnswersFilesAndTheProgressPhotosUnderTheQuestion()
    {
        var w = await AnnouncedConference.CreateAsync(db);
        var question = await w.Service.AskAsync(w.Resident, w.Conference, w.Tree.VillageA1, "Giao thông", Text, AuthorVisibility.FullName,
            Guid.NewGuid(), files: [new("sat-lo.png", SampleFiles.Png())]);
        await w.Service.AcceptAsync(w.Moderator, question);
        await w.Service.AnswerAsync(w.Official, question, "Xã sẽ gia cố taluy trong tháng tới.",
            [new CommitmentPlan("Gia cố 200 m taluy", w.Roads, w.Clock.GetUtcNow().AddDays(20))], [new("phuong-an.docx", SampleFiles.Docx())]);
        long commitment;
        await using (var ctx = db.CreateDbContext())
            commitment = await ctx.Commitments.Where(c => c.QuestionId == question).Select(c => c.Id).SingleAsync();

        var report = await w.Service.ReportProgressAsync(w.Official, commitment, 40, "Đã gia cố **80 m** đầu tuyến.",
            [new("thi-cong.jpg", SampleFiles.Jpeg()), new("thi-cong-2.webp", SampleFiles.WebP())]);

        var seen = await new DialogueReader(db, w.Clock).QuestionAsync(question, null);
        Assert.Equal(["sat-lo.png"], seen!.Attachments.Select(a => a.FileName));
        Assert.Equal(["phuong-an.docx"], seen.AnswerAttachments.Select(a => a.FileName));
        var row = (await new CommitmentReader(db, w.Clock).ForConferenceAsync(w.Conference, null)).Single();
        var entry = Assert.Single(row.Reports);
        Assert.Equal((report, 40), (entry.Id, entry.Percent));
        Assert.Contains("<strong>80 m</strong>", entry.NoteHtml);
        Assert.Equal(["thi-cong.jpg", "thi-cong-2.webp"], entry.Photos.Select(p => p.FileName));
        var reader = new AttachmentReader(db, DialogueAttachmentAccess.All());
        Assert.NotNull(await reader.OpenAsync(entry.Photos[0].Id, null));
    }

    [Fact]
    public async Task ShouldKeepShowingTheAnswersFilesWhileAReopenedQuestionWaitsForItsNewAnswer()
    {
        var w = await AnnouncedConference.CreateAsync(db);
        var question = await w.Service.AskAsync(w.Resident, w.Conference, w.Tree.VillageA1, "Giao thông", Text, AuthorVisibility.FullName, Guid.NewGuid());
        await w.Service.AcceptAsync(w.Moderator, question);
        await w.Service.AnswerAsync(w.Official, question, "Xã sẽ gia cố taluy trong tháng tới.", [], [new("phuong-an.docx", SampleFiles.Docx())]);

        await w.Service.RateAsync(w.Resident, question, Satisfaction.NotSatisfied, "Chưa nói rõ khi nào làm");

        var seen = await new DialogueReader(db, w.Clock).QuestionAsync(question, null);
        Assert.Equal(["phuong-an.docx"], seen!.AnswerAttachments.Select(a => a.FileName));
        var desk = await new StaffDialogueReader(db, w.Clock).AnswerDeskAsync(w.Official, new(AnswerDeskView.All));
        Assert.Equal(["phuong-an.docx"], desk.Page.Items.Single(r => r.Question.Id == question).AnswerAttachments.Select(a => a.FileName));

        await w.Service.AnswerAsync(w.Official, question, "Xã gia cố taluy từ ngày 15, xong trước Tết.", [], [new("tien-do.pdf", SampleFiles.Pdf())]);
        seen = await new DialogueReader(db, w.Clock).QuestionAsync(question, null);
        Assert.Equal(["tien-do.pdf"], seen!.AnswerAttachments.Select(a => a.FileName));
    }

    [Fact]
    public async Task ShouldRefuseADocumentAsAProgressPhotoAndLeaveTheProgressUnchanged()
    {
        var w = await AnnouncedConference.CreateAsync(db);
        var question = await w.Service.AskAsync(w.Resident, w.Conference, w.Tree.VillageA1, "Giao thông", Text, AuthorVisibility.FullName, Guid.NewGuid());
        await w.Service.AcceptAsync(w.Moderator, question);
        await w.Service.AnswerAsync(w.Official, question, "Xã sẽ gia cố taluy trong tháng tới.",
            [new CommitmentPlan("Gia cố 200 m taluy", w.Roads, w.Clock.GetUtcNow().AddDays(20))]);
        await using var ctx = db.CreateDbContext();
        var commitment = await ctx.Commitments.SingleAsync(c => c.QuestionId == question);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            w.Service.ReportProgressAsync(w.Official, commitment.Id, 50, null, [new("bao-cao.pdf", SampleFiles.Pdf())]));

        Assert.Equal("attachment.kind.not-image", refused.Key);
        await using var check = db.CreateDbContext();
        Assert.Equal(0, (await check.Commitments.SingleAsync(c => c.Id == commitment.Id)).Progress);
        Assert.False(await check.CommitmentProgressReports.AnyAsync(r => r.CommitmentId == commitment.Id));
    }

    private async Task<Guid> FileOfAsync(string kind, string owner)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.Attachments.Where(a => a.OwnerKind == kind && a.OwnerId == owner).Select(a => a.Id).SingleAsync();
    }
}

/// <summary>An agency's commitments across conferences, on the real PostgreSQL.</summary>
public class AgencyCommitmentsTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldCountFilterAndPageTheAgencysCommitmentsAcrossConferences()
    {
        var w = await AnnouncedConference.CreateAsync(db);
        var now = w.Clock.GetUtcNow();
        var question = await w.Service.AskAsync(w.Resident, w.Conference, w.Tree.VillageA1, "Giao thông",
            "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn", AuthorVisibility.FullName, Guid.NewGuid());
        await w.Service.AcceptAsync(w.Moderator, question);
        await w.Service.AnswerAsync(w.Official, question, "Xã sẽ gia cố taluy trong tháng tới.",
        [
            new CommitmentPlan("Gia cố 200 m taluy", w.Roads, now.AddDays(5)),
            new CommitmentPlan("Làm rãnh thoát nước", w.Roads, now.AddDays(30)),
            new CommitmentPlan("Cắm biển cảnh báo", w.Committee, now.AddDays(3)),
        ]);
        await using (var ctx = db.CreateDbContext())
        {
            var drains = await ctx.Commitments.SingleAsync(c => c.QuestionId == question && c.What == "Làm rãnh thoát nước");
            await w.Service.ReportProgressAsync(w.Official, drains.Id, 100);
        }
        w.Clock.Advance(TimeSpan.FromDays(6)); // the taluy is now overdue
        var reader = new CommitmentReader(db, w.Clock);

        var all = (await reader.ForAgencyAsync(w.Roads, w.Official.UserId, new CommitmentFilter()))!;
        Assert.Equal((1, 1, 1, 2), (all.Open, all.Overdue, all.Done, all.Page.Total));
        Assert.Equal(["Gia cố 200 m taluy", "Làm rãnh thoát nước"], all.Page.Items.Select(c => c.What)); // open first
        Assert.True(all.Page.Items[0].MayReport);
        Assert.Equal(w.Conference, Assert.Single(all.Conferences).Id);

        var overdue = (await reader.ForAgencyAsync(w.Roads, null, new CommitmentFilter(CommitmentView.Overdue)))!;
        Assert.Equal(["Gia cố 200 m taluy"], overdue.Page.Items.Select(c => c.What));
        Assert.False(overdue.Page.Items[0].MayReport);
        var done = (await reader.ForAgencyAsync(w.Roads, null, new CommitmentFilter(CommitmentView.Done)))!;
        Assert.Equal(["Làm rãnh thoát nước"], done.Page.Items.Select(c => c.What));
        var otherConference = (await reader.ForAgencyAsync(w.Roads, null, new CommitmentFilter(ConferenceId: w.Conference + 1000)))!;
        Assert.Empty(otherConference.Page.Items);
        Assert.Null(await reader.ForAgencyAsync(999999, null, new CommitmentFilter()));
    }
}
