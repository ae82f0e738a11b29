using System.Globalization;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Portal.Domain.Accounts;
using Portal.Domain.Dialogues;
using Portal.Domain.Units;
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

    private async Task<(BunitContext, IRenderedComponent<ContainerFragment>, DialogueWorld, int, Actor)> RenderAsync()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        var w = await DialogueWorld.CreateAsync(db, TimeProvider.System);
        var conference = await w.OpenConferenceAsync();
        var resident = await w.PersonAsync("Hoàng Thị Mai");
        var details = (await w.Reader.ConferenceAsync(conference))!;

        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
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
