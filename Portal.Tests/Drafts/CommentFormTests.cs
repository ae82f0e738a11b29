using System.Globalization;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Portal.Domain.Accounts;
using Portal.Domain.Drafts;
using Portal.Tests.Infrastructure;
using Portal.Web.Drafts;

namespace Portal.Tests.Drafts;

/// <summary>The section comment form and the table of receipt and explanation in bUnit, on the real services and PostgreSQL.</summary>
public class CommentFormTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ShouldShowVietnameseFieldMessagesAndCreateNothing()
    {
        var (ctx, host, w, draft) = await RenderFormAsync();
        await using var _ = ctx;
        await host.Find(".propose-wording-switch input").ChangeAsync(new ChangeEventArgs { Value = true });
        await host.Find(".comment-wording-input textarea").InputAsync(new ChangeEventArgs { Value = "" });

        await host.Find("button.comment-submit").ClickAsync(new());

        host.WaitForAssertion(() =>
        {
            Assert.Contains("Góp ý cần ít nhất 10 ký tự (hiện có 0).", host.Markup);
            Assert.Contains("Vui lòng nhập câu chữ đề xuất, hoặc tắt đề xuất câu chữ.", host.Markup);
        }, Wait);
        Assert.Equal(0, await CommentsAsync(w.Resident, draft));
    }

    [Fact]
    public async Task ShouldPrefillTheSectionTextDiffTheProposalAndCreateOneCommentOnADoubleClick()
    {
        var (ctx, host, w, draft) = await RenderFormAsync();
        await using var _ = ctx;
        await host.Find(".propose-wording-switch input").ChangeAsync(new ChangeEventArgs { Value = true });
        Assert.Contains("lên 3,5 m", host.Find(".comment-wording-input textarea").GetAttribute("value") ?? host.Find(".comment-wording-input textarea").TextContent);
        await host.Find(".comment-wording-input textarea").InputAsync(new ChangeEventArgs { Value = "Mỗi hộ hiến phần đất cần thiết để mở rộng mặt đường lên 3 m." });
        await host.Find(".comment-text-input textarea").InputAsync(new ChangeEventArgs { Value = "Mặt đường 3,5 m là quá rộng với đường thôn." });
        host.WaitForAssertion(() => Assert.Contains("<ins>", host.Markup), Wait);

        var button = host.Find("button.comment-submit");
        await Task.WhenAll(button.ClickAsync(new()), button.ClickAsync(new())).WaitAsync(Wait);

        host.WaitForAssertion(() => Assert.Equal("", host.Find(".comment-text-input textarea").GetAttribute("value") ?? ""), Wait);
        await using var check = db.CreateDbContext();
        var comment = await check.DraftComments.SingleAsync(c => c.AuthorId == w.Resident.UserId && c.DraftId == draft);
        Assert.Equal((Stance.ProposeAmendment, "dieu-3", "Mỗi hộ hiến phần đất cần thiết để mở rộng mặt đường lên 3 m."),
            (comment.Stance, comment.SectionAnchor, comment.ProposedWording));
    }

    [Fact]
    public async Task ShouldKeepTheTextAndShowTheRefusalWhenTheWindowHasClosed()
    {
        var (ctx, host, w, draft) = await RenderFormAsync();
        await using var _ = ctx;
        w.Clock.Advance(TimeSpan.FromDays(30));
        const string text = "Góp ý gửi sau khi đã hết hạn lấy ý kiến.";
        await host.Find(".comment-text-input textarea").InputAsync(new ChangeEventArgs { Value = text });

        await host.Find("button.comment-submit").ClickAsync(new());

        host.WaitForAssertion(() => Assert.Contains("Dự thảo hiện không nhận góp ý (chưa mở hoặc đã hết hạn).", host.Markup), Wait);
        Assert.Contains(text, host.Markup);
        Assert.Equal(0, await CommentsAsync(w.Resident, draft));
    }

    [Fact]
    public async Task ShouldRenderTheTableWithEachRecommendationsSectionCommentsDecisionAndExplanation()
    {
        var w = await DraftWorld.CreateAsync(db);
        var draft = await w.OpenDraftAsync();
        await w.CommentAsync(draft, w.Resident, "Mặt đường 3,5 m là quá rộng với đường thôn.");
        await w.CommentAsync(draft, w.Neighbour, "mat duong 3,5 m la qua rong voi duong thon");
        await w.CloseAsync(draft);
        await w.Service.SendReportAsync(w.Secretary, draft);
        var recommendation = (await w.Reader.ReportAsync(draft, null))!.Recommendations.Single();
        await w.Service.AnswerAsync(w.Official, recommendation.Id, Decision.PartlyAccepted, "Giảm còn 3 m ở đoạn qua khu dân cư đông.");
        var table = (await w.Reader.TableAsync(draft))!;
        await using var ctx = Context(w);

        var cut = ctx.Render<ReceiptTableView>(p => p.Add(t => t.Table, table));

        var row = cut.Find(".receipt-row");
        Assert.Contains("Điều 3. Mức hiến đất", row.TextContent);
        Assert.Contains("2 ý kiến", row.TextContent);
        Assert.Equal("Tiếp thu một phần", cut.Find(".receipt-decision").TextContent.Trim());
        Assert.Contains("Giảm còn 3 m ở đoạn qua khu dân cư đông.", row.TextContent);
        Assert.Contains("Cơ quan đã trả lời đủ các kiến nghị", cut.Markup);
        Assert.Contains($"/du-thao/{draft}/bang-tiep-thu.csv", cut.Markup);
    }

    private async Task<int> CommentsAsync(Actor who, int draft)
    {
        await using var check = db.CreateDbContext();
        return await check.DraftComments.CountAsync(c => c.AuthorId == who.UserId && c.DraftId == draft);
    }

    private static BunitContext Context(DraftWorld w)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton<TimeProvider>(w.Clock);
        ctx.Services.AddSingleton(w.Service);
        ctx.Services.AddSingleton(w.Reader);
        return ctx;
    }

    private async Task<(BunitContext, IRenderedComponent<ContainerFragment>, DraftWorld, int)> RenderFormAsync()
    {
        var w = await DraftWorld.CreateAsync(db);
        var draft = await w.OpenDraftAsync();
        var details = (await w.Reader.DraftAsync(draft, w.Resident))!;
        var section = details.Sections.Single(s => s.Section.Anchor == "dieu-3").Section;
        var ctx = Context(w);
        var host = ctx.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudSnackbarProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<CommentForm>(2);
            builder.AddAttribute(3, nameof(CommentForm.Draft), details);
            builder.AddAttribute(4, nameof(CommentForm.Anchor), section.Anchor);
            builder.AddAttribute(5, nameof(CommentForm.SectionText), section.PlainText);
            builder.AddAttribute(6, nameof(CommentForm.Viewer), w.Resident);
            builder.CloseComponent();
        });
        return (ctx, host, w, draft);
    }
}
