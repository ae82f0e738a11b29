using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Portal.Domain;
using Portal.Domain.Dialogues;
using Portal.Tests.Infrastructure;
using Portal.Web.Accounts;
using Portal.Web.Dialogues.Routing;

namespace Portal.Tests.Dialogues;

/// <summary>The routing rules page: field messages, adding a rule, and removing it only after confirmation.</summary>
public class RoutingRulesPageTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldValidateAddARuleAndRemoveItAfterConfirmation()
    {
        var w = await AnnouncedConference.CreateAsync(db);
        var routing = new RoutingService(db, w.Clock, new PortalLinks("https://portal.test"));
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton(routing);
        ctx.Services.AddScoped<CurrentActor>();
        ctx.AddAuthorization().SetAuthorized(w.Leader.Name).SetClaims(new Claim(ClaimTypes.NameIdentifier, w.Leader.UserId!));
        var host = ctx.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<MudSnackbarProvider>(2);
            builder.CloseComponent();
            builder.OpenComponent<RoutingRulesPage>(3);
            builder.CloseComponent();
        });
        host.WaitForAssertion(() => Assert.Single(host.FindAll("table.routing-rules, .routing-rules table")), TimeSpan.FromSeconds(15));
        Assert.Contains("Giao thông", host.Markup);

        await host.InvokeAsync(() => host.Find(".routing-save").ClickAsync(new()));
        host.WaitForAssertion(() => Assert.Contains("Vui lòng nhập chủ đề (tối đa 80 ký tự).", host.Markup));
        Assert.Contains("Vui lòng chọn cơ quan trả lời.", host.Markup);

        var topic = "Môi trường " + Guid.NewGuid().ToString("N")[..6];
        await host.InvokeAsync(() => host.Find(".routing-topic input").InputAsync(new ChangeEventArgs { Value = topic }));
        var select = host.FindComponent<MudSelect<int?>>();
        await host.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(w.Committee));
        await host.InvokeAsync(() => host.Find(".routing-save").ClickAsync(new()));
        host.WaitForAssertion(() => Assert.Contains(topic, host.Find(".routing-rules").TextContent), TimeSpan.FromSeconds(15));

        var removing = host.InvokeAsync(() => host.FindAll("button").Single(b => b.GetAttribute("aria-label") == $"Xoá quy tắc {topic}").ClickAsync(new()));
        host.WaitForAssertion(() => Assert.Contains($"Xoá quy tắc \"{topic}\"", host.Markup));
        Assert.Contains(await routing.RulesAsync(w.Tree.CommuneA), r => r.Topic == topic);
        await host.InvokeAsync(() => host.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Xoá").ClickAsync(new()));
        await removing.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.DoesNotContain(await routing.RulesAsync(w.Tree.CommuneA), r => r.Topic == topic);
        host.WaitForAssertion(() => Assert.DoesNotContain(topic, host.Find(".routing-rules").TextContent));
    }
}
