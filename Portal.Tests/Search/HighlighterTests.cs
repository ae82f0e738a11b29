using Portal.Domain.Search;

namespace Portal.Tests.Search;

public sealed class HighlighterTests
{
    private static string Render(IReadOnlyList<TextSegment> segments) =>
        string.Concat(segments.Select(s => s.Marked ? $"[{s.Text}]" : s.Text));

    [Fact]
    public void ShouldMarkWordsWhateverTheirAccentsAndCase() =>
        Assert.Equal("[Đường] vào thôn bị [sạt] [lở]", Render(Highlighter.Mark("Đường vào thôn bị sạt lở", Folding.Words("duong sat lo"))));

    [Fact]
    public void ShouldMarkAWordTypedWithOneMistakeOrAsAPrefix()
    {
        Assert.Equal("Sửa [cầu] [treo] qua suối", Render(Highlighter.Mark("Sửa cầu treo qua suối", Folding.Words("cau treoo"))));
        Assert.Equal("[Giao] thông nông thôn", Render(Highlighter.Mark("Giao thông nông thôn", Folding.Words("gia"))));
    }

    [Fact]
    public void ShouldNotTakeAWordForATypoWhenTheTermItselfIsThere() =>
        Assert.Equal("Xây [dựng] [đường] mới", Render(Highlighter.Mark("Xây dựng đường mới", Folding.Words("duong dungg"))));

    [Fact]
    public void ShouldNotMarkShortWordsThatOnlyLookAlike() =>
        Assert.DoesNotContain(Highlighter.Mark("Lo lắng về lớp học", Folding.Words("lon")), s => s.Marked && s.Text == "Lo");

    [Fact]
    public void ShouldCutALongTextAroundTheFirstMatch()
    {
        var text = string.Join(' ', Enumerable.Repeat("chữ", 200)) + " sạt lở " + string.Join(' ', Enumerable.Repeat("chữ", 200));
        var segments = Highlighter.Mark(text, Folding.Words("sat lo"), 120);
        Assert.Equal("… ", segments[0].Text);
        Assert.Equal(" …", segments[^1].Text);
        Assert.Contains(segments, s => s.Marked && s.Text == "sạt");
        Assert.True(string.Concat(segments.Select(s => s.Text)).Length <= 126);
    }

    [Fact]
    public void ShouldFoldDecomposedTextOneCharacterForOne()
    {
        var nfd = "Đường sạt lở".Normalize(System.Text.NormalizationForm.FormD);
        Assert.Equal("duong sat lo", Folding.Fold(nfd));
    }
}
