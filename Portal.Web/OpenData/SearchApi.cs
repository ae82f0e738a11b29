using Portal.Domain.Search;

namespace Portal.Web.OpenData;

/// <summary>GET /api/v1/search: the search page's search (same sources, visibility and ranking) as JSON.</summary>
public static class SearchApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/search", SearchAsync).WithTags("search").WithName("search")
            .WithSummary("Tìm kiếm (search)")
            .WithDescription("Tham số: q (2–100 ký tự, có dấu hoặc không dấu), unit (đơn vị và các đơn vị trực thuộc), page (1–50); 10 kết quả mỗi trang.");

    private static async Task<IResult> SearchAsync(HttpContext http, SearchService search, string? q = null, string? unit = null, string? page = null)
    {
        var query = ApiQuery.Read(http.Request, "q", "unit", "page");
        var text = query.Text("q", SearchQuery.MaxLength);
        var unitId = query.Int("unit");
        var pageNumber = query.Int("page", 1, SearchQuery.MaxPage);
        SearchQuery parsed;
        try
        {
            parsed = SearchQuery.Parse(text, unitId, pageNumber);
        }
        catch (Portal.Domain.DomainRuleException)
        {
            throw new ApiInputException("q", $"'q' phải có ít nhất {SearchQuery.MinLength} ký tự chữ hoặc số.");
        }
        var result = await search.SearchAsync(parsed, http.RequestAborted);
        var items = result.Items.Select(r => new ApiSearchHit(r.Hit.Kind, r.Hit.Id, r.Hit.Title, string.Concat(r.Snippet.Select(s => s.Text)),
            r.Hit.UnitName, r.Hit.At, r.Hit.Link)).ToList();
        return ApiResponse.Ok(http, new ApiList<ApiSearchHit>(items, parsed.Page, SearchQuery.PageSize, result.Total, result.PageCount));
    }
}
