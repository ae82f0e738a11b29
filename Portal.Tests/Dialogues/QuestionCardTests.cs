using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Dialogues;
using Portal.Tests.Infrastructure;
using Portal.Web.Dialogues;

namespace Portal.Tests.Dialogues;

/// <summary>A question's card in bUnit: the author as the public sees them, support, the answer, and rating by its author.</summary>
public class QuestionCardTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly Actor Mai = new("mai", "Hoàng Thị Mai");

    private static PublicQuestion AQuestion(PublicAuthor author, QuestionState state = QuestionState.Accepted, bool mine = false, int supports = 3) => new(
        41, 7, "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn", "Giao thông", 5, "Thôn Nà Sla", author, state, supports,
        new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero), false, mine, mine,
        state is QuestionState.Answered ? MarkdownRenderer.ToHtml("Xã sẽ **khắc phục** trong tháng 4.") : null,
        state is QuestionState.Answered ? new DateTimeOffset(2026, 3, 20, 2, 0, 0, TimeSpan.Zero) : null, false,
        state is QuestionState.Answered ? [new PublicCommitment(1, "Gia cố 200 m taluy", "Ban giao thông", new DateTimeOffset(2026, 5, 30, 0, 0, 0, TimeSpan.Zero), 40, null)] : [],
        null, null, null, null, null);

    [Fact]
    public async Task ShouldShowInitialsAndVillageWithTheSupportCount()
    {
        await using var ctx = NewContext();

        var card = Render(ctx, AQuestion(new PublicAuthor("H.T.M.", "Thôn Nà Sla", false)), viewer: null);

        Assert.Contains("H.T.M., Thôn Nà Sla", card.Markup);
        Assert.Contains("3 người ủng hộ", card.Markup);
        Assert.Equal("y-kien-41", card.Find("article").Id);
        Assert.Contains("Đăng nhập để ủng hộ hoặc theo dõi", card.Markup);
        Assert.Empty(card.FindAll("button.support-button"));
    }

    [Fact]
    public async Task ShouldShowAnAnonymousRelayedAuthorWithoutAName()
    {
        await using var ctx = NewContext();

        var card = Render(ctx, AQuestion(new PublicAuthor(null, null, true)), viewer: Mai);

        Assert.Contains("Người dân ẩn danh (do trưởng thôn gửi thay)", card.Markup);
        Assert.Contains("Ủng hộ", card.Find("button.support-button").TextContent);
    }

    [Fact]
    public async Task ShouldOfferRatingOnlyToTheAuthorOfAnAnsweredQuestion()
    {
        await using var ctx = NewContext();
        var author = new PublicAuthor("Hoàng Thị Mai", null, false);

        var authorsAnswered = Render(ctx, AQuestion(author, QuestionState.Answered, mine: true), Mai);
        var othersAnswered = Render(ctx, AQuestion(author, QuestionState.Answered, mine: false), Mai);
        var authorsOpen = Render(ctx, AQuestion(author, QuestionState.Accepted, mine: true), Mai);

        Assert.NotEmpty(authorsAnswered.FindAll("button.rate-satisfied"));
        Assert.NotEmpty(authorsAnswered.FindAll("button.rate-not-satisfied"));
        Assert.Contains("<strong>khắc phục</strong>", authorsAnswered.Markup);
        Assert.Contains("Gia cố 200 m taluy", authorsAnswered.Markup);
        Assert.Empty(othersAnswered.FindAll("button.rate-satisfied, button.rate-not-satisfied"));
        Assert.Empty(authorsOpen.FindAll("button.rate-satisfied, button.rate-not-satisfied"));
    }

    [Fact]
    public async Task ShouldAskTheAuthorWhyBeforeRatingNotSatisfiedAndReopenTheQuestion()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        var w = await DialogueWorld.CreateAsync(db, TimeProvider.System);
        var conference = await w.OpenConferenceAsync();
        var author = await w.PersonAsync("Hoàng Thị Mai");
        var id = await w.AskAsync(conference, author, "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn");
        await w.Service.AcceptAsync(w.Moderator, id, w.Roads);
        await w.Service.AnswerAsync(w.Official, id, "Xã sẽ khắc phục trong tháng 4.", []);
        await using var ctx = NewContext(w);
        var host = ctx.Render(builder =>
        {
            builder.OpenComponent<MudDialogProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudSnackbarProvider>(1);
            builder.CloseComponent();
        });
        var card = Render(ctx, (await w.Reader.QuestionAsync(id, author.UserId))!, author);

        var rating = card.Find("button.rate-not-satisfied").ClickAsync(new()); // completes once the dialog is answered
        host.WaitForAssertion(() => Assert.NotEmpty(host.FindAll(".rate-reason textarea")));
        await host.Find(".rate-reason textarea").InputAsync(new() { Value = "ngắn" });
        await host.Find("button.rate-confirm").ClickAsync(new());
        host.WaitForAssertion(() => Assert.Contains("Vui lòng cho biết lý do (ít nhất 10 ký tự).", host.Markup));
        await host.Find(".rate-reason textarea").InputAsync(new() { Value = "Chưa nói rõ khi nào làm" });
        await host.Find("button.rate-confirm").ClickAsync(new());
        await rating.WaitAsync(TimeSpan.FromSeconds(10));

        await using var check = db.CreateDbContext();
        var question = await check.Questions.SingleAsync(q => q.Id == id);
        Assert.Equal((Satisfaction.NotSatisfied, QuestionState.Accepted), (question.Rating, question.State));
        card.WaitForAssertion(() => Assert.Contains("Đang trả lời lại", card.Markup));
    }

    [Fact]
    public async Task ShouldOfferReportingOnlyToSignedInResidentsWhoDidNotWriteIt()
    {
        await using var ctx = NewContext();
        var author = new PublicAuthor("Hoàng Thị Mai", null, false);

        var others = Render(ctx, AQuestion(author), Mai);
        var own = Render(ctx, AQuestion(author, mine: true), Mai);
        var visitor = Render(ctx, AQuestion(author), viewer: null);
        var alreadyReported = Render(ctx, AQuestion(author) with { Reported = true }, Mai);
        var ownHidden = Render(ctx, AQuestion(author, mine: true) with { Hidden = true }, Mai);

        Assert.Contains("Báo cáo vi phạm", others.Find("button.report-button").TextContent);
        Assert.Empty(own.FindAll("button.report-button"));
        Assert.Empty(visitor.FindAll("button.report-button"));
        Assert.Empty(alreadyReported.FindAll("button.report-button"));
        Assert.Contains("Đã báo cáo", alreadyReported.Find(".report-done").TextContent);
        Assert.Contains("Đang chờ kiểm duyệt lại", ownHidden.Markup);
        Assert.DoesNotContain("Đang chờ kiểm duyệt lại", others.Markup);
    }

    [Fact]
    public async Task ShouldReportWithAnOptionalReasonAfterConfirmingAndThenSayItIsReported()
    {
        var w = await DialogueWorld.CreateAsync(db, TimeProvider.System);
        var conference = await w.OpenConferenceAsync();
        var author = await w.PersonAsync("Hoàng Thị Mai");
        var neighbour = await w.PersonAsync("Lộc Văn Sáng");
        var id = await w.AskAsync(conference, author, "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn");
        await w.Service.AcceptAsync(w.Moderator, id, w.Roads);
        await using var ctx = NewContext(w);
        var host = ctx.Render(builder =>
        {
            builder.OpenComponent<MudDialogProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudSnackbarProvider>(1);
            builder.CloseComponent();
        });
        var card = Render(ctx, (await w.Reader.QuestionAsync(id, neighbour.UserId))!, neighbour);

        var reporting = card.Find("button.report-button").ClickAsync(new()); // completes once the dialog is answered
        host.WaitForAssertion(() => Assert.NotEmpty(host.FindAll(".report-reason textarea")));
        await host.Find(".report-reason textarea").InputAsync(new() { Value = "Nêu tên và số điện thoại người khác" });
        await host.Find("button.report-confirm").ClickAsync(new());
        await reporting.WaitAsync(TimeSpan.FromSeconds(10));

        card.WaitForAssertion(() => Assert.Contains("Đã báo cáo", card.Find(".report-done").TextContent));
        Assert.Empty(card.FindAll("button.report-button"));
        await using var check = db.CreateDbContext();
        var report = await check.AbuseReports.SingleAsync(r => r.QuestionId == id);
        Assert.Equal((neighbour.UserId, "Nêu tên và số điện thoại người khác"), (report.UserId, report.Reason));
        Assert.True((await w.Reader.QuestionAsync(id, neighbour.UserId))!.Reported);
    }

    private BunitContext NewContext(DialogueWorld? world = null)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton(TimeProvider.System);
        ctx.Services.AddSingleton(world?.Service ?? new DialogueService(db, TimeProvider.System, new PortalLinks("https://portal.test")));
        ctx.Services.AddSingleton(world?.Reader ?? new DialogueReader(db, TimeProvider.System));
        ctx.Services.AddSingleton(new AbuseService(db, TimeProvider.System, new PortalLinks("https://portal.test")));
        return ctx;
    }

    private static IRenderedComponent<QuestionCard> Render(BunitContext ctx, PublicQuestion question, Actor? viewer) =>
        ctx.Render<QuestionCard>(p => p.Add(c => c.Question, question).Add(c => c.Viewer, viewer));
}
