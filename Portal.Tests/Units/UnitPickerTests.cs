using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Domain.Accounts;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;
using Portal.Web.Units;

namespace Portal.Tests.Units;

public class UnitPickerTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldOfferThatKheForTextWithoutDiacriticsAndRaiseValueChangedWhenChosen()
    {
        var tree = await SmallTree.CreateAsync(db);
        await using var ctx = UnitsUi.Context(db);
        UnitChoice? chosen = null;
        var page = ctx.Render(WithPopovers(Picker(onChosen: u => chosen = u)));

        page.Find("input").Input("that khe");

        page.WaitForAssertion(() => Assert.Contains("Thất Khê", Options(page)), TimeSpan.FromSeconds(5));
        Assert.DoesNotContain("Đông Kinh", Options(page));
        page.FindAll(".mud-popover .mud-list-item").First(item => item.TextContent.Contains("Thất Khê")).Click();
        page.WaitForAssertion(() => Assert.Equal(tree.CommuneA, chosen?.Id));
        Assert.Equal("Thất Khê", chosen!.Name);
    }

    [Fact]
    public async Task ShouldOfferRetiredUnitsOnlyWhenAskedTo()
    {
        var tree = await OwnTree.CreateAsync(db);
        await new UnitService(db, db.Clock).SetActiveAsync(Actor.System, tree.VillageA2, false);

        Assert.Equal(["Thôn Một"], await OfferedAsync(Picker(within: tree.CommuneA), "thon"));
        Assert.Equal(["Thôn Hai", "Thôn Một"], await OfferedAsync(Picker(within: tree.CommuneA, includeRetired: true), "thon"));
    }

    /// <summary>Types into the picker and returns the names it offers, once the search has answered.</summary>
    private async Task<List<string>> OfferedAsync(RenderFragment picker, string text)
    {
        await using var ctx = UnitsUi.Context(db);
        var page = ctx.Render(WithPopovers(picker));
        page.Find("input").Input(text);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".mud-popover .mud-list-item")), TimeSpan.FromSeconds(5));
        return page.FindAll(".mud-popover .mud-list-item .unit-option-name").Select(e => e.TextContent.Trim()).Order().ToList();
    }

    private static string Options(IRenderedComponent<IComponent> page) =>
        string.Join("\n", page.FindAll(".mud-popover .mud-list-item").Select(i => i.TextContent));

    private static RenderFragment Picker(int? within = null, bool includeRetired = false, Action<UnitChoice?>? onChosen = null) => builder =>
    {
        builder.OpenComponent<UnitPicker>(0);
        builder.AddAttribute(1, nameof(UnitPicker.Label), "Đơn vị");
        builder.AddAttribute(2, nameof(UnitPicker.Within), within);
        builder.AddAttribute(3, nameof(UnitPicker.IncludeRetired), includeRetired);
        builder.AddAttribute(4, nameof(UnitPicker.ValueChanged), EventCallback.Factory.Create<UnitChoice?>(new object(), u => onChosen?.Invoke(u)));
        builder.CloseComponent();
    };

    /// <summary>MudBlazor renders the options in the popover provider: render both under one root.</summary>
    private static RenderFragment WithPopovers(RenderFragment content) => builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.AddContent(1, content);
    };
}
