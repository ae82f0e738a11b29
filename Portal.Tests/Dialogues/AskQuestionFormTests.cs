using System.Globalization;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Portal.Domain.Accounts;
using Portal.Domain.Dialogues;
using Portal.Domain.Units;
using Portal.Tests.Attachments;
using Portal.Tests.Infrastructure;
using Portal.Web.Dialogues;
using Portal.Web.Units;

namespace Portal.Tests.Dialogues;

/// <summary>The resident's ask form in bUnit, on the real services and PostgreSQL.</summary>
public class AskQuestionFormTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ShouldShowVietnameseValidationMessagesAndCreateNothing()
    {
        var (ctx, host, w, conference, resident) = await RenderAsync();
        await using var _ = ctx;

        await host.Find("button.ask-submit").ClickAsync(new());

        host.WaitForAssertion(() =>
        {
            Assert.Contains("Vui lòng chọn chủ đề.", host.Markup);
            Assert.Contains("Ý kiến cần ít nhất 20 ký tự (hiện có 0).", host.Markup);
        });
        Assert.DoesNotContain("Vui lòng chọn thôn, tổ dân phố.", host.Markup); // the home village is the default
        Assert.Equal(w.Tree.VillageA1, host.FindComponent<UnitPicker>().Instance.Value?.Id);
        Assert.Equal(0, await QuestionsOfAsync(resident, conference));
        Assert.Empty(host.FindAll(".ask-relay")); // only a village head sends for someone else
    }

    [Fact]
    public async Task ShouldLetAVillageHeadSendAQuestionForAResidentWithoutInternet()
    {
        var (ctx, host, _, conference, head) = await RenderAsync(viewer: w => w.VillageHead);
        await using var _ = ctx;
        await host.Find(".ask-relay-on input").ChangeAsync(new ChangeEventArgs { Value = true });
        await ChooseTopicAsync(host, "Giao thông");
        await host.Find(".ask-text textarea").InputAsync(new ChangeEventArgs { Value = "Cầu tràn suối Nà Sla ngập mỗi khi mưa lũ" });

        await host.Find("button.ask-submit").ClickAsync(new());
        host.WaitForAssertion(() => Assert.Contains("Vui lòng ghi họ tên người dân được gửi thay.", host.Markup), Wait);
        Assert.Equal(0, await QuestionsOfAsync(head, conference));

        await host.Find(".ask-relay-name input").ChangeAsync(new ChangeEventArgs { Value = "Hoàng Văn Pảo" });
        await host.Find(".ask-relay-phone input").ChangeAsync(new ChangeEventArgs { Value = "0912 345 678" });
        Assert.DoesNotContain("Vui lòng ghi họ tên người dân được gửi thay.", host.Markup);
        await host.Find("button.ask-submit").ClickAsync(new());

        host.WaitForAssertion(() => Assert.Equal("", host.Find(".ask-text textarea").GetAttribute("value") ?? ""), Wait);
        await using var check = db.CreateDbContext();
        var question = await check.Questions.SingleAsync(q => q.ConferenceId == conference && q.AuthorId == head.UserId);
        Assert.Equal(("Hoàng Văn Pảo", "0912 345 678"), (question.RelayedForName, question.RelayedForPhone));
        Assert.Empty(host.FindAll(".ask-relay-name")); // the next question is the head's own again, unless they tick the box
    }

    [Fact]
    public async Task ShouldTakeAwayTheTopicMessageOnceATopicIsChosen()
    {
        var (ctx, host, _, _, _) = await RenderAsync();
        await using var _ = ctx;
        await host.Find("button.ask-submit").ClickAsync(new());
        host.WaitForAssertion(() => Assert.Contains("Vui lòng chọn chủ đề.", host.Markup));

        await ChooseTopicAsync(host, "Giao thông");

        host.WaitForAssertion(() => Assert.DoesNotContain("Vui lòng chọn chủ đề.", host.Markup), Wait);
        Assert.Contains("Ý kiến cần ít nhất 20 ký tự (hiện có 0).", host.Markup); // the text is still too short
    }

    [Fact]
    public async Task ShouldOfferSimilarVisibleQuestionsWhileTypingWithoutAccents()
    {
        var (ctx, host, w, conference, resident) = await RenderAsync();
        await using var _ = ctx;
        var neighbour = await w.PersonAsync("Lộc Văn Sáng");
        var accepted = await w.AskAsync(conference, neighbour, "Đường bị sạt lở, xe không qua được");
        await w.Service.AcceptAsync(w.Moderator, accepted);
        await w.AskAsync(conference, await w.PersonAsync("Nông Thị Hoa"), "Đường bị sạt lở nặng, chưa ai sửa"); // received: not public yet

        await host.Find(".ask-text textarea").InputAsync(new ChangeEventArgs { Value = "duong bi sat lo" });

        host.WaitForAssertion(() => Assert.Contains("Ý kiến tương tự đã có", host.Markup), Wait);
        Assert.Contains("Đường bị sạt lở, xe không qua được", host.Markup);
        Assert.DoesNotContain("chưa ai sửa", host.Markup);
        await host.Find("button.support-similar").ClickAsync(new());
        host.WaitForAssertion(() => Assert.Contains("Bạn đã ủng hộ ý kiến này.", host.Markup), Wait);
        await using var check = db.CreateDbContext();
        Assert.True(await check.QuestionSupports.AnyAsync(s => s.QuestionId == accepted && s.UserId == resident.UserId));
    }

    [Fact]
    public async Task ShouldCreateOneQuestionWhenSubmitIsDoubleClicked()
    {
        var (ctx, host, _, conference, resident) = await RenderAsync();
        await using var _ = ctx;
        await ChooseTopicAsync(host, "Giao thông");
        await host.Find(".ask-text textarea").InputAsync(new ChangeEventArgs { Value = "Cầu tràn suối Nà Sla ngập mỗi khi mưa lũ" });

        var button = host.Find("button.ask-submit");
        var first = button.ClickAsync(new());
        var second = button.ClickAsync(new());
        await Task.WhenAll(first, second).WaitAsync(Wait);

        host.WaitForAssertion(() => Assert.Equal("", host.Find(".ask-text textarea").GetAttribute("value") ?? ""), Wait);
        Assert.Equal(1, await QuestionsOfAsync(resident, conference));
    }

    [Fact]
    public async Task ShouldKeepTheTextAndShowTheRefusalWhenTheServiceRefuses()
    {
        var (ctx, host, w, conference, resident) = await RenderAsync();
        await using var _ = ctx;
        await ChooseTopicAsync(host, "Giao thông");
        var picker = host.FindComponent<UnitPicker>();
        await host.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(new UnitChoice(w.Tree.VillageB1, "Tổ dân phố 1", "Tổ dân phố 1", UnitLevel.Village, "Đông Kinh", null)));
        const string text = "Đường tổ dân phố 1 ngập nước mỗi khi mưa to";
        await host.Find(".ask-text textarea").InputAsync(new ChangeEventArgs { Value = text });

        await host.Find("button.ask-submit").ClickAsync(new());

        host.WaitForAssertion(() => Assert.Contains("Thôn, tổ dân phố phải thuộc địa bàn của hội nghị.", host.Markup), Wait);
        Assert.Contains(text, host.Markup);
        Assert.Equal(0, await QuestionsOfAsync(resident, conference));
    }

    [Fact]
    public async Task ShouldSendTheChosenFilesWithTheQuestion()
    {
        var (ctx, host, _, conference, resident) = await RenderAsync();
        await using var _ = ctx;
        await ChooseTopicAsync(host, "Giao thông");
        await host.Find(".ask-text textarea").InputAsync(new ChangeEventArgs { Value = "Cầu tràn suối Nà Sla ngập mỗi khi mưa lũ, xem ảnh" });
        host.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(SampleFiles.Jpeg(), "cau-tran.jpg"));
        host.WaitForAssertion(() => Assert.Contains("cau-tran.jpg", host.Find("ul.attachment-chosen").TextContent), Wait);

        await host.Find("button.ask-submit").ClickAsync(new());

        host.WaitForAssertion(() => Assert.Empty(host.FindAll("ul.attachment-chosen")), Wait);
        await using var check = db.CreateDbContext();
        var question = await check.Questions.SingleAsync(q => q.AuthorId == resident.UserId && q.ConferenceId == conference);
        Assert.Equal(["cau-tran.jpg"], await check.Attachments.Where(a => a.OwnerKind == "question" && a.OwnerId == question.Id.ToString())
            .Select(a => a.FileName).ToListAsync());
    }

    [Fact]
    public async Task ShouldRestoreTheTextTheBrowserKeptAndNotCreateASecondQuestionWhenItIsSentAgain()
    {
        // The circuit dropped while the question was being stored: the server committed it, the page never heard back.
        const string text = "Đèn đường thôn Nà Sla hỏng từ tháng trước, buổi tối rất tối";
        var request = Guid.NewGuid();
        JSRuntimeInvocationHandler? restart = null;
        var (ctx, host, w, conference, resident) = await RenderAsync(c =>
        {
            var module = c.JSInterop.SetupModule("./js/ask-draft.js");
            module.Setup<SavedDraft?>("start", _ => true).SetResult(new SavedDraft(text, request.ToString()));
            restart = module.SetupVoid("restart", _ => true);
            restart.SetVoidResult();
        }, async (w, conference, resident) => await w.Service.AskAsync(resident, conference, w.Tree.VillageA1, "Giao thông", text,
            AuthorVisibility.InitialsAndVillage, request));
        await using var _ = ctx;

        host.WaitForAssertion(() => Assert.Equal(text, host.Find(".ask-text textarea").GetAttribute("value")), Wait);
        Assert.Contains("Nội dung bạn đã nhập trước đó được khôi phục.", host.Markup);
        await ChooseTopicAsync(host, "Giao thông");
        await host.Find("button.ask-submit").ClickAsync(new());

        host.WaitForAssertion(() => Assert.Equal("", host.Find(".ask-text textarea").GetAttribute("value") ?? ""), Wait);
        Assert.Equal(1, await QuestionsOfAsync(resident, conference));
        Assert.Single(restart!.Invocations); // the browser forgets the sent text and takes the next form's id
    }

    private async Task<int> QuestionsOfAsync(Actor resident, int conference)
    {
        await using var check = db.CreateDbContext();
        return await check.Questions.CountAsync(q => q.AuthorId == resident.UserId && q.ConferenceId == conference);
    }

    private static async Task ChooseTopicAsync(IRenderedComponent<ContainerFragment> host, string topic)
    {
        var select = host.FindComponent<MudSelect<string>>();
        await host.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(topic));
    }

    private async Task<(BunitContext, IRenderedComponent<ContainerFragment>, DialogueWorld, int, Actor)> RenderAsync(
        Action<BunitContext>? browser = null, Func<DialogueWorld, int, Actor, Task>? before = null, Func<DialogueWorld, Actor>? viewer = null)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        var w = await DialogueWorld.CreateAsync(db, TimeProvider.System);
        var conference = await w.OpenConferenceAsync();
        var resident = viewer?.Invoke(w) ?? await w.PersonAsync("Hoàng Thị Mai");
        var details = (await w.Reader.ConferenceAsync(conference))!;
        if (before is not null) await before(w, conference, resident);

        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        browser?.Invoke(ctx);
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton(TimeProvider.System);
        ctx.Services.AddSingleton(w.Service);
        ctx.Services.AddSingleton(w.Reader);
        ctx.Services.AddSingleton(new UnitService(db, TimeProvider.System));
        var host = ctx.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudSnackbarProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<AskQuestionForm>(2);
            builder.AddAttribute(3, nameof(AskQuestionForm.Conference), details);
            builder.AddAttribute(4, nameof(AskQuestionForm.Viewer), resident);
            builder.CloseComponent();
        });
        host.WaitForAssertion(() => Assert.NotNull(host.FindComponent<UnitPicker>().Instance.Value), Wait);
        return (ctx, host, w, conference, resident);
    }
}
