using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Deadlines;
using Portal.Domain.Drafts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Drafts;

/// <summary>The draft service on the real PostgreSQL: scope, the 20-day rule, comments, the close, sending, answering.</summary>
public class DraftServiceTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldRefusePreparingADraftFromTheFrontCommitteeOfAnotherCommune()
    {
        var w = await DraftWorld.CreateAsync(db);

        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Service.PrepareAsync(w.OtherFront, w.Plan(), DraftSectionParserTests.Regulation));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Service.PrepareAsync(w.Official, w.Plan(), DraftSectionParserTests.Regulation));
        var wrongFront = w.Plan() with { FrontAgencyId = w.Committee, DraftingAgencyId = w.Front };
        Assert.Equal("draft.front.invalid", (await Assert.ThrowsAsync<DomainRuleException>(() =>
            w.Service.PrepareAsync(w.Secretary, wrongFront, DraftSectionParserTests.Regulation))).Key);
    }

    [Fact]
    public async Task ShouldRefuseAWindowForResidentsShorterThanTwentyDaysAndLeaveTheDraftPreparing()
    {
        var w = await DraftWorld.CreateAsync(db);
        var id = await w.Service.PrepareAsync(w.Secretary, w.Plan(days: 15), DraftSectionParserTests.Regulation);

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => w.Service.PublishAsync(w.Secretary, id));

        Assert.Equal(("draft.window.too-short", 20), (error.Key, error.Args[0]));
        await using var check = db.CreateDbContext();
        Assert.Equal(DraftState.Preparing, (await check.Drafts.SingleAsync(d => d.Id == id)).State);
        var experts = await w.Service.PrepareAsync(w.Secretary, w.Plan(days: 10, audience: DraftAudience.Invited), DraftSectionParserTests.Regulation);
        await w.Service.PublishAsync(w.Secretary, experts); // invited reviewers only: the residents' minimum does not apply
    }

    [Fact]
    public async Task ShouldLetOnlyResidentsOfTheUnitCommentOnAKnownSectionAndSupportOnce()
    {
        var w = await DraftWorld.CreateAsync(db);
        var id = await w.OpenDraftAsync();

        var comment = await w.CommentAsync(id, w.Resident, "Mặt đường 3,5 m là quá rộng với đường thôn.");
        Assert.Equal("comment.not-eligible", (await Assert.ThrowsAsync<DomainRuleException>(() => w.CommentAsync(id, w.Outsider, "Tôi ở phường khác nhưng muốn góp ý."))).Key);
        Assert.Equal("comment.section.unknown", (await Assert.ThrowsAsync<DomainRuleException>(() => w.CommentAsync(id, w.Neighbour, "Góp ý vào phần không có.", "dieu-99"))).Key);
        await w.Service.SupportAsync(w.Neighbour, comment);
        await w.Service.SupportAsync(w.Neighbour, comment);

        var page = await w.Reader.CommentsAsync(id, "dieu-3", w.Neighbour);
        Assert.Equal((1, 1, true), (page.Total, page.Items[0].Supports, page.Items[0].SupportedByViewer));
        var details = (await w.Reader.DraftAsync(id, w.Resident))!;
        Assert.Equal(1, details.Sections.Single(s => s.Section.Anchor == "dieu-3").Comments);
        Assert.True(details.Viewer.MayComment);
    }

    [Fact]
    public async Task ShouldHideAReportedCommentAfterEnoughReportsAndShowItsAuthorARefusalReason()
    {
        var w = await DraftWorld.CreateAsync(db);
        var id = await w.OpenDraftAsync();
        var rude = await w.CommentAsync(id, w.Resident, "Nội dung xúc phạm cán bộ thôn, không liên quan dự thảo.");

        Assert.False(await w.Service.ReportAsync(w.Neighbour, rude, "Xúc phạm"));
        Assert.True(await w.Service.ReportAsync(w.Outsider, rude, null));
        Assert.Equal(0, (await w.Reader.CommentsAsync(id, "dieu-3", w.Neighbour)).Total);
        await w.Service.RefuseCommentAsync(w.Moderator, rude, "Ngôn từ xúc phạm người khác.");

        var own = (await w.Reader.CommentsAsync(id, "dieu-3", w.Resident)).Items.Single();
        Assert.Equal((CommentState.Refused, "Ngôn từ xúc phạm người khác."), (own.State, own.RefusalReason));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Service.RefuseCommentAsync(w.OtherFront, rude, "Không có quyền ở đây."));
    }

    [Fact]
    public async Task ShouldCompileOneReportEvenWhenTheCloseRunsTwice()
    {
        var w = await DraftWorld.CreateAsync(db);
        var id = await w.OpenDraftAsync();
        await w.CommentAsync(id, w.Resident, "Mặt đường 3,5 m là quá rộng với đường thôn.");
        await w.CommentAsync(id, w.Neighbour, "mat duong 3,5 m la qua rong voi duong thon");
        await w.CommentAsync(id, w.Neighbour, "Đồng ý với mức hỗ trợ hoa màu.", "dieu-4", Stance.Agree);

        Assert.Equal(0, await w.Service.CompileDueAsync()); // still open
        Assert.True(await w.CloseAsync(id));
        Assert.False(await w.Service.CompileAsync(id));
        await w.Service.CompileDueAsync(); // the sweep after the scheduled job: nothing more for this draft

        await using var check = db.CreateDbContext();
        var draft = await check.Drafts.SingleAsync(d => d.Id == id);
        Assert.Equal(DraftState.ReportInPreparation, draft.State);
        var recommendation = await check.CriticismRecommendations.SingleAsync(r => r.DraftId == id);
        Assert.Equal(2, recommendation.SourceCommentIds.Length);
        Assert.Equal(2, await check.Notifications.CountAsync(n => n.Key == $"draft:{id}:closed"));
        Assert.Equal("comment.window.closed", (await Assert.ThrowsAsync<DomainRuleException>(() => w.CommentAsync(id, w.Resident, "Góp ý muộn sau khi đã đóng."))).Key);
    }

    [Fact]
    public async Task ShouldSendOnceWithOneEmailAndTheAgencysAnswerDeadline()
    {
        var w = await DraftWorld.CreateAsync(db);
        var id = await w.OpenDraftAsync();
        await w.CommentAsync(id, w.Resident, "Mặt đường 3,5 m là quá rộng với đường thôn.");
        await w.CloseAsync(id);
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Service.SendReportAsync(w.OtherFront, id));
        await w.Service.EditReportAsync(w.Secretary, id, "# Văn bản phản biện\n\nMặt trận kiến nghị giảm bề rộng mặt đường.");

        await w.Service.SendReportAsync(w.Secretary, id);
        var again = await Assert.ThrowsAsync<DomainRuleException>(() => w.Service.SendReportAsync(w.Secretary, id));

        Assert.Equal("draft.send.not-ready", again.Key);
        Assert.Equal("draft.report.frozen", (await Assert.ThrowsAsync<DomainRuleException>(() => w.Service.EditReportAsync(w.Secretary, id, "Sửa sau khi gửi"))).Key);
        await using var check = db.CreateDbContext();
        var email = await check.Outbox.SingleAsync(m => m.Key == $"draft-report:{id}");
        Assert.Contains("ubnd", email.ToEmail);
        var tracked = await check.TrackedDeadlines.SingleAsync(t => t.ItemType == "draft" && t.ItemId == id.ToString() && t.Kind == DeadlineKind.AnswerCriticism);
        Assert.Equal(w.Committee, tracked.AgencyId);
        var draft = await check.Drafts.SingleAsync(d => d.Id == id);
        Assert.Equal(tracked.Deadline.DueAt, draft.AnswerDueAt);
        Assert.True(draft.AnswerDueAt - draft.ReportSentAt >= TimeSpan.FromDays(30));
        Assert.Contains("địa phương", tracked.Deadline.ExplanationVi + (await check.DeadlinePolicies.SingleAsync(p => p.Kind == DeadlineKind.AnswerCriticism)).Basis);
    }

    [Fact]
    public async Task ShouldLetOnlyTheDraftingAgencyAnswerAndTellCommentersWhatBecameOfTheirRecommendations()
    {
        var w = await DraftWorld.CreateAsync(db);
        var id = await w.OpenDraftAsync();
        await w.CommentAsync(id, w.Resident, "Mặt đường 3,5 m là quá rộng với đường thôn.");
        await w.CommentAsync(id, w.Neighbour, "Đơn giá hỗ trợ hoa màu quá thấp so với thị trường.", "dieu-4");
        await w.CloseAsync(id);
        await w.Service.SendReportAsync(w.Secretary, id);
        var report = (await w.Reader.ReportAsync(id, null))!;
        var (first, second) = (report.Recommendations[0].Id, report.Recommendations[1].Id);

        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Service.AnswerAsync(w.Secretary, first, Decision.Accepted, null));
        Assert.Equal("recommendation.explanation.required",
            (await Assert.ThrowsAsync<DomainRuleException>(() => w.Service.AnswerAsync(w.Official, first, Decision.NotAccepted, ""))).Key);
        await w.Service.AnswerAsync(w.Official, first, Decision.NotAccepted, "Giữ 3,5 m để xe cứu thương, xe cứu hoả vào được.");
        await w.Service.AnswerAsync(w.Official, second, Decision.Accepted, null);

        var table = (await w.Reader.TableAsync(id))!;
        Assert.Equal(DraftState.Answered, table.State);
        Assert.Equal([Decision.NotAccepted, Decision.Accepted], table.Rows.Select(r => r.Decision));
        Assert.Equal("Điều 3. Mức hiến đất", table.Rows[0].Section);
        Assert.NotNull(table.Deadline?.MetAt);
        await using var check = db.CreateDbContext();
        var told = await check.Notifications.Where(n => n.Key == $"draft:{id}:answered").Select(n => n.UserId).ToListAsync();
        Assert.Equal(new[] { w.Neighbour.UserId!, w.Resident.UserId! }.Order(), told.Order());
        var email = await check.Outbox.Where(m => m.Key == $"notify:draft:{id}:answered:{w.Resident.UserId}").Select(m => m.BodyMarkdown).SingleAsync();
        Assert.Contains("Kiến nghị 1: **Không tiếp thu**", email);
        Assert.DoesNotContain("Kiến nghị 2", email);
    }
}

/// <summary>Invited reviewers and the committee's editing of the report before it is sent.</summary>
public class DraftReportEditingTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldLetAnInvitedExpertCommentUnderTheOrganisationsNameAfterTheEmailedInvitation()
    {
        var w = await DraftWorld.CreateAsync(db);
        var id = await w.OpenDraftAsync(days: 10, audience: DraftAudience.Invited);
        string email;
        await using (var ctx = db.CreateDbContext())
            email = await ctx.Users.Where(u => u.Id == w.Outsider.UserId).Select(u => u.Email!).SingleAsync();

        Assert.Equal("comment.not-eligible", (await Assert.ThrowsAsync<DomainRuleException>(() => w.CommentAsync(id, w.Resident, "Cư dân không được mời góp ý."))).Key);
        await w.Service.InviteAsync(w.Secretary, id, email.ToUpperInvariant(), "Hội Kỹ sư xây dựng tỉnh Lạng Sơn");
        await w.Service.InviteAsync(w.Secretary, id, email, "Hội Kỹ sư xây dựng tỉnh Lạng Sơn"); // twice: one invitation, one email
        var comment = await w.Service.CommentAsync(w.Outsider, id, "dieu-3", Stance.Disagree, "Nền đường 5 m cần lớp móng cấp phối dày hơn.", null, true, Guid.NewGuid());

        await using var check = db.CreateDbContext();
        Assert.Equal(1, await check.Outbox.CountAsync(m => m.Key == $"draft-invite:{id}:{email.ToLowerInvariant()}"));
        Assert.Equal("Hội Kỹ sư xây dựng tỉnh Lạng Sơn", (await check.DraftComments.SingleAsync(c => c.Id == comment)).OrganisationName);
        Assert.Equal(1, (await w.Reader.StatisticsAsync(id))!.Organisations);
    }

    [Fact]
    public async Task ShouldMergeSplitAddAndDeleteRecommendationsKeepingTheirCommentsUntilTheDocumentIsSent()
    {
        var w = await DraftWorld.CreateAsync(db);
        var id = await w.OpenDraftAsync();
        var a = await w.CommentAsync(id, w.Resident, "Mặt đường 3,5 m là quá rộng với đường thôn.");
        var b = await w.CommentAsync(id, w.Neighbour, "Cần hỗ trợ hộ hiến nhiều đất bằng tiền hoặc vật liệu.");
        await w.CloseAsync(id);
        var compiled = (await w.Reader.ReportAsync(id, w.Secretary))!.Recommendations;
        Assert.Equal(2, compiled.Count);
        Assert.Null(await w.Reader.ReportAsync(id, w.Resident)); // not public while in preparation

        await w.Service.MergeRecommendationsAsync(w.Secretary, compiled[1].Id, compiled[0].Id);
        var split = await w.Service.SplitRecommendationAsync(w.Secretary, compiled[0].Id, [b], "Đề nghị hỗ trợ hộ hiến nhiều đất.");
        var added = await w.Service.AddRecommendationAsync(w.Secretary, id, null, "Đề nghị công khai danh sách hộ hiến đất tại nhà văn hoá.", []);
        await w.Service.DeleteRecommendationAsync(w.Secretary, added);
        await w.Service.SendReportAsync(w.Secretary, id);

        var sent = (await w.Reader.ReportAsync(id, null))!.Recommendations;
        Assert.Equal([[a], [b]], sent.Select(r => r.SourceCommentIds.ToArray()));
        Assert.Equal(split, sent[1].Id);
        Assert.Equal("draft.report.frozen", (await Assert.ThrowsAsync<DomainRuleException>(() => w.Service.DeleteRecommendationAsync(w.Secretary, split))).Key);
        await using var check = db.CreateDbContext();
        Assert.True(await check.Notifications.AnyAsync(n => n.UserId == w.Resident.UserId && n.Key == $"draft:{id}:sent"));
        Assert.True(await check.Notifications.AnyAsync(n => n.UserId == w.Official.UserId && n.Key == $"draft:{id}:report-received"));
    }
}

/// <summary>A draft's original documents: PDF and DOCX only, attached by its committee, public once the draft is.</summary>
public class DraftFilesTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldTakeTheOriginalPdfRefuseAPhotoAndShowThemOnlyOnceTheDraftIsPublic()
    {
        var w = await DraftWorld.CreateAsync(db);
        var id = await w.Service.PrepareAsync(w.Secretary, w.Plan(), DraftSectionParserTests.Regulation);

        await w.Service.AttachOriginalsAsync(w.Secretary, id, [new("Du thao ke hoach.pdf", Attachments.SampleFiles.Pdf())]);
        var photo = await Assert.ThrowsAsync<DomainRuleException>(() => w.Service.AttachOriginalsAsync(w.Secretary, id, [new("anh.png", Attachments.SampleFiles.Png())]));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Service.AttachOriginalsAsync(w.OtherFront, id, [new("khac.pdf", Attachments.SampleFiles.Pdf())]));

        Assert.Equal("attachment.kind.not-allowed", photo.Key);
        var files = (await w.Reader.DraftAsync(id, w.Secretary))!.Files;
        Assert.Equal("Du thao ke hoach.pdf", files.Single().FileName);
        var access = new DraftAttachmentAccess();
        await using var ctx = db.CreateDbContext();
        Assert.False(await access.MayViewAsync(ctx, w.Resident, id.ToString(), default));
        Assert.True(await access.MayViewAsync(ctx, w.Secretary, id.ToString(), default));
        await w.Service.PublishAsync(w.Secretary, id);
        Assert.True(await access.MayViewAsync(ctx, null, id.ToString(), default));
    }
}
