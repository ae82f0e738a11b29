using Bunit;
using MudBlazor;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Portal.Web.Reports;

namespace Portal.Tests.Reports;

/// <summary>The chart-plus-table component: the chart for the eye, the same numbers in an accessible table.</summary>
public sealed class ChartTableTests : IDisposable
{
    private readonly BunitContext ctx = new();

    public ChartTableTests()
    {
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization();
    }

    public void Dispose() => ctx.Dispose();

    private IRenderedComponent<ChartTable> Render(IReadOnlyList<string> labels, IReadOnlyList<ChartTable.Line> series, Func<int, string?>? link = null) =>
        ctx.Render<ChartTable>(p => p.Add(c => c.Title, "Theo tháng").Add(c => c.LabelHeader, "Tháng").Add(c => c.Labels, labels)
            .Add(c => c.Series, series).Add(c => c.RowLink, link).Add(c => c.EmptyText, "Chưa có số liệu"));

    [Fact]
    public void ShouldShowEveryValueInATableWithHeadersAndCaption()
    {
        var chart = Render(["02/2026", "03/2026"], [new("Tiếp nhận", [4, 0]), new("Đã trả lời", [1, 1])]);

        Assert.Equal("Theo tháng", chart.Find("table caption").TextContent);
        Assert.Equal(["Tháng", "Tiếp nhận", "Đã trả lời"], chart.FindAll("thead th").Select(th => th.TextContent));
        Assert.All(chart.FindAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        var rows = chart.FindAll("tbody tr");
        Assert.Equal(["02/2026", "4", "1"], rows[0].Children.Select(c => c.TextContent.Trim()));
        Assert.Equal(["03/2026", "0", "1"], rows[1].Children.Select(c => c.TextContent.Trim()));
        Assert.Equal("row", rows[0].Children[0].GetAttribute("scope"));
    }

    [Fact]
    public void ShouldDrawTheChartHiddenFromScreenReaders()
    {
        var chart = Render(["02/2026"], [new("Tiếp nhận", [4])]);
        var figure = chart.Find("div.chart");
        Assert.Equal("true", figure.GetAttribute("aria-hidden"));
        Assert.NotEmpty(chart.FindComponents<MudChart<double>>());
    }

    [Fact]
    public void ShouldLinkRowsWhenAskedAndFormatValues()
    {
        var chart = ctx.Render<ChartTable>(p => p.Add(c => c.Title, "Tỷ lệ đúng hạn").Add(c => c.LabelHeader, "Cơ quan")
            .Add(c => c.Labels, ["Ban giao thông", "UBND xã"]).Add(c => c.Series, [new ChartTable.Line("Đúng hạn", [1.0, 0.25])])
            .Add(c => c.Kind, ChartType.Bar).Add(c => c.Format, v => $"{v * 100:0}%").Add(c => c.RowLink, i => i == 0 ? "/co-quan/1" : null));

        Assert.Equal("/co-quan/1", chart.Find("tbody tr:first-child th a").GetAttribute("href"));
        Assert.Empty(chart.FindAll("tbody tr:last-child th a"));
        Assert.Equal(["100%", "25%"], chart.FindAll("tbody td").Select(td => td.TextContent));
    }

    [Fact]
    public void ShouldSaySoWhenThereIsNothingToShow()
    {
        var chart = Render([], []);
        Assert.Contains("Chưa có số liệu", chart.Markup);
        Assert.Empty(chart.FindAll("table"));
    }
}
