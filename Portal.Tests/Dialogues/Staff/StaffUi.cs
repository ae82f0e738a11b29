using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Portal.Domain;
using Portal.Domain.Data;
using Portal.Domain.Dialogues;
using Portal.Domain.Units;
using Portal.Web.Accounts;

namespace Portal.Tests.Dialogues.Staff;

/// <summary>A bUnit context for the staff dialogue components: MudBlazor, the real services on the test database, and a
/// signed-in person. The services get the fake clock directly (not as the TimeProvider: MudBlazor times its debounce with that).</summary>
internal static class StaffUi
{
    public static BunitContext Context(IDbContextFactory<PortalDb>? dbs, TimeProvider clock, string? userId = null, string name = "Cán bộ")
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization();
        if (dbs is not null)
        {
            ctx.Services.AddSingleton(new UnitService(dbs, clock));
            ctx.Services.AddSingleton(new StaffDialogueReader(dbs, clock));
            ctx.Services.AddSingleton(new DialogueService(dbs, clock, new PortalLinks("https://portal.test")));
        }
        ctx.Services.AddScoped<CurrentActor>();
        var auth = ctx.AddAuthorization();
        if (userId is not null) auth.SetAuthorized(name).SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        return ctx;
    }

    /// <summary>Renders the component under test beside the popover, dialog and snackbar providers it needs.</summary>
    public static IRenderedComponent<ContainerFragment> RenderWithProviders<TComponent>(this BunitContext ctx, Dictionary<string, object?>? parameters = null)
        where TComponent : IComponent => ctx.Render(builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<MudDialogProvider>(1);
        builder.CloseComponent();
        builder.OpenComponent<MudSnackbarProvider>(2);
        builder.CloseComponent();
        builder.OpenComponent<TComponent>(3);
        foreach (var (name, value) in parameters ?? []) builder.AddAttribute(4, name, value);
        builder.CloseComponent();
    });

    /// <summary>Clicks the dialog button with that text (the dialog must be open).</summary>
    public static Task ClickDialogButtonAsync(this IRenderedComponent<ContainerFragment> host, string text)
    {
        host.WaitForAssertion(() => Assert.Contains(host.FindAll(".mud-dialog button"), b => b.TextContent.Trim() == text));
        return host.FindAll(".mud-dialog button").First(b => b.TextContent.Trim() == text).ClickAsync(new());
    }
}
