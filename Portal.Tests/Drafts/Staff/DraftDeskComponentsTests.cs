using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Drafts;
using Portal.Domain.Units;
using Portal.Tests.Dialogues.Staff;
using Portal.Tests.Infrastructure;
using Portal.Web.Drafts.Staff;
using Portal.Web.Units;

namespace Portal.Tests.Drafts.Staff;

/// <summary>The committee's draft form and recommendations editor in bUnit, on the real services and PostgreSQL.</summary>
public class DraftDeskComponentsTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ShouldShowFieldMessagesAndTheTwentyDayRuleBeforeCreatingADraft()
    {
        var w = await DraftWorld.CreateAsync(db);
        await using var ctx = Context(w);
        ctx.Services.AddSingleton<TimeProvider>(w.Clock); // the form proposes its window from today; no MudBlazor timer here
        var saved = 0;
        var host = ctx.RenderWithProviders<DraftForm>(new() { [nameof(DraftForm.OnSaved)] = EventCallback.Factory.Create<int>(this, id => saved = id) });

        await host.Find("button.draft-save").ClickAsync(new());
        host.WaitForAssertion(() =>
        {
            Assert.Contains("Vui lòng nhập tên dự thảo.", host.Markup);
            Assert.Contains("Vui lòng chọn đơn vị.", host.Markup);
            Assert.Contains("Vui lòng nhập toàn văn dự thảo.", host.Markup);
        }, Wait);

        var picker = host.FindComponent<UnitPicker>();
        await host.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(new UnitChoice(w.Tree.CommuneA, "Thất Khê", "Xã Thất Khê", UnitLevel.Commune, "Lạng Sơn", null)));
        await host.Find(".draft-title input").ChangeAsync(new ChangeEventArgs { Value = "Kế hoạch bê tông hoá đường thôn" });
        await host.Find(".draft-body textarea").InputAsync(new ChangeEventArgs { Value = DraftSectionParserTests.Regulation });
        await host.Find(".draft-closes input").ChangeAsync(new ChangeEventArgs { Value = "2026-03-10T17:00" });
        await host.Find("button.draft-save").ClickAsync(new());
        host.WaitForAssertion(() => Assert.Contains("Lấy ý kiến người dân phải kéo dài ít nhất 20 ngày.", host.Markup), Wait);
        Assert.Equal(0, saved);

        await host.Find(".draft-closes input").ChangeAsync(new ChangeEventArgs { Value = "2026-03-30T17:00" });
        await host.Find("button.draft-save").ClickAsync(new());
        host.WaitForAssertion(() => Assert.NotEqual(0, saved), Wait);
        await using var check = db.CreateDbContext();
        var draft = await check.Drafts.SingleAsync(d => d.Id == saved);
        Assert.Equal((w.Front, w.Committee, DraftState.Preparing), (draft.FrontAgencyId, draft.DraftingAgencyId, draft.State));
    }

    [Fact]
    public async Task ShouldDeleteARecommendationOnlyAfterConfirmation()
    {
        var w = await DraftWorld.CreateAsync(db);
        var id = await w.OpenDraftAsync();
        await w.CommentAsync(id, w.Resident, "Mặt đường 3,5 m là quá rộng với đường thôn.");
        await w.CloseAsync(id);
        await using var ctx = Context(w);
        var host = ctx.RenderWithProviders<RecommendationList>(new() { [nameof(RecommendationList.DraftId)] = id, [nameof(RecommendationList.Actor)] = w.Secretary });
        host.WaitForAssertion(() => Assert.Single(host.FindAll(".recommendation-card")), Wait);

        var cancelled = host.Find("button.recommendation-delete").ClickAsync(new()); // completes when the dialog closes
        await host.ClickDialogButtonAsync("Huỷ");
        await cancelled.WaitAsync(Wait);
        Assert.Single(host.FindAll(".recommendation-card"));
        var deleting = host.Find("button.recommendation-delete").ClickAsync(new());
        await host.ClickDialogButtonAsync("Xoá");
        await deleting.WaitAsync(Wait);

        host.WaitForAssertion(() => Assert.Contains("Chưa có kiến nghị nào. Thêm ít nhất một kiến nghị trước khi gửi.", host.Markup), Wait);
        await using var check = db.CreateDbContext();
        Assert.False(await check.CriticismRecommendations.AnyAsync(r => r.DraftId == id));
    }

    private static BunitContext Context(DraftWorld w)
    {
        var ctx = StaffUi.Context(w.Db, w.Clock, w.Secretary.UserId, w.Secretary.Name);
        ctx.Services.AddSingleton(w.Service);
        ctx.Services.AddSingleton(w.Reader);
        return ctx;
    }
}
