using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Portal.Domain.Dialogues;
using Portal.Tests.Infrastructure;
using Portal.Web.Dialogues.Results;

namespace Portal.Tests.Dialogues;

/// <summary>The conference page's link to the printable village sheet, for village heads only.</summary>
public class VillageSheetLinksTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldLinkAVillageHeadToTheirVillagesSheetAndNobodyElse()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        var w = await DialogueWorld.CreateAsync(db, TimeProvider.System);
        var conference = await w.OpenConferenceAsync();
        var resident = await w.PersonAsync("Hoàng Thị Mai");
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton(w.Reader);

        var forHead = ctx.Render<VillageSheetLinks>(p => p.Add(c => c.ConferenceId, conference).Add(c => c.Viewer, w.VillageHead));
        var forResident = ctx.Render<VillageSheetLinks>(p => p.Add(c => c.ConferenceId, conference).Add(c => c.Viewer, resident));

        forHead.WaitForAssertion(() => Assert.Equal($"/hoi-nghi/{conference}/thon/{w.Tree.VillageA1}", forHead.Find("nav.village-sheets a").GetAttribute("href")));
        Assert.Empty(forResident.FindAll("nav.village-sheets"));
    }
}
