namespace Portal.Domain.Search;

/// <summary>
/// A search as typed: the words (any Unicode form, any accents), where (a unit and everything under it, or
/// everywhere) and which page. <see cref="Parse"/> checks the limits and returns the clean query or the reason it is
/// refused, so the page and the API give the same answer to the same bad input.
/// </summary>
public sealed record SearchQuery(string Text, int? UnitId, int Page)
{
    public const int MinLength = 2;
    public const int MaxLength = 100;
    public const int PageSize = 10;
    /// <summary>Results beyond this many pages are not served: refine the words instead.</summary>
    public const int MaxPage = 50;

    /// <summary>The words without accents, lower case, as the database compares them (see <see cref="Folding"/>).</summary>
    public IReadOnlyList<string> Terms => Folding.Words(Text);

    public static SearchQuery Parse(string? text, int? unitId, int? page)
    {
        var clean = Portal.Domain.Text.Clean(text);
        if (clean.Length < MinLength || Folding.Words(clean).Count == 0) throw new DomainRuleException("search.text.too-short", MinLength);
        if (clean.Length > MaxLength) throw new DomainRuleException("search.text.too-long", MaxLength);
        if (unitId is <= 0) throw new DomainRuleException("search.unit.invalid");
        var number = page ?? 1;
        if (number is < 1 or > MaxPage) throw new DomainRuleException("search.page.invalid", MaxPage);
        return new SearchQuery(clean, unitId, number);
    }
}
