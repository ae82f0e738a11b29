using System.Globalization;
using Bunit;
using Bunit.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Portal.Domain;
using Portal.Domain.Dialogues;
using Portal.Tests.Infrastructure;
using Portal.Web.Dialogues.Routing;

namespace Portal.Tests.Dialogues;

/// <summary>The reassign/transfer dialog: field messages before anything is sent, and a reassignment when an agency is chosen.</summary>
public class ReassignDialogTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldAskForTheReceivingAgencyBeforeReassigningAndForTheCompetentAgencyBeforeTransferring()
    {
        var (w, question) = await ArrangeAsync();
        await using var ctx = Context(w);
        var host = await ShowAsync(ctx, w, question);

        await host.Find(".reassign-confirm").ClickAsync(new());
        host.WaitForAssertion(() => Assert.Contains("Vui lòng chọn cơ quan nhận.", host.Markup));
        await host.Find(".reassign-transfer input").ChangeAsync(new() { Value = true });
        host.WaitForAssertion(() => Assert.Single(host.FindAll(".reassign-target")));
        await host.Find(".reassign-confirm").ClickAsync(new());

        host.WaitForAssertion(() => Assert.Contains("Vui lòng chọn cơ quan có thẩm quyền.", host.Markup));
        await using var check = db.CreateDbContext();
        var q = await check.Questions.SingleAsync(x => x.Id == question);
        Assert.Equal((QuestionState.Accepted, (int?)w.Roads), (q.State, q.AgencyId));
    }

    [Fact]
    public async Task ShouldReassignToTheChosenAgencyAndClose()
    {
        var (w, question) = await ArrangeAsync();
        await using var ctx = Context(w);
        var host = await ShowAsync(ctx, w, question);
        host.WaitForAssertion(() => Assert.Single(host.FindAll(".reassign-agency")));
        var select = host.FindComponent<MudSelect<AgencyChoice>>();
        var committee = (await new RoutingService(db, w.Clock, new PortalLinks("https://portal.test")).AgenciesInAreaAsync(w.Tree.CommuneA)).Single(a => a.Id == w.Committee);

        await host.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(committee));
        await host.Find(".reassign-confirm").ClickAsync(new());

        host.WaitForAssertion(() => Assert.Empty(host.FindAll(".mud-dialog")));
        await using var check = db.CreateDbContext();
        Assert.Equal(w.Committee, (await check.Questions.SingleAsync(x => x.Id == question)).AgencyId);
    }

    private async Task<(AnnouncedConference, long)> ArrangeAsync()
    {
        var w = await AnnouncedConference.CreateAsync(db);
        var question = await w.Service.AskAsync(w.Resident, w.Conference, w.Tree.VillageA1, "Giao thông", "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn",
            AuthorVisibility.InitialsAndVillage, Guid.NewGuid());
        await w.Service.AcceptAsync(w.Moderator, question);
        return (w, question);
    }

    private BunitContext Context(AnnouncedConference w)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton(new RoutingService(db, w.Clock, new PortalLinks("https://portal.test")));
        return ctx;
    }

    private static async Task<IRenderedComponent<ContainerFragment>> ShowAsync(BunitContext ctx, AnnouncedConference w, long question)
    {
        var host = ctx.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
        });
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<ReassignDialog>
        {
            { d => d.Actor, w.Moderator },
            { d => d.QuestionIds, new List<long> { question } },
            { d => d.UnitId, w.Tree.CommuneA },
        };
        await host.InvokeAsync(() => dialogs.ShowAsync<ReassignDialog>("Chuyển ý kiến", parameters));
        host.WaitForAssertion(() => Assert.Single(host.FindAll(".reassign-confirm")));
        return host;
    }
}
