using Portal.Domain.Reports;
using Portal.Domain.Units;

namespace Portal.Web.OpenData;

/// <summary>GET /api/v1/units and /api/v1/units/{id}: the administrative units (provinces, communes, villages).</summary>
public static class UnitsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/units", ListAsync).WithTags("units").WithName("units")
            .WithSummary("Đơn vị hành chính (units)")
            .WithDescription("Tham số: parent (mã số đơn vị cấp trên), level (Province, District, Commune, Village), page, pageSize (tối đa 100).");
        api.MapGet("/units/{id:int}", OneAsync).WithTags("units").WithName("unit").WithSummary("Một đơn vị hành chính (one unit)");
    }

    private static async Task<IResult> ListAsync(HttpContext http, PublicDataReader reader, string? parent = null, string? level = null,
        string? page = null, string? pageSize = null)
    {
        var query = ApiQuery.Read(http.Request, "parent", "level", "page", "pageSize");
        var result = await reader.UnitsAsync(query.Int("parent"), query.Enum<UnitLevel>("level"), query.Int("page", 1, ApiQuery.MaxPage) ?? 1,
            query.Int("pageSize", 1, DataFilter.MaxPageSize) ?? DataFilter.DefaultPageSize, http.RequestAborted);
        return ApiResponse.Ok(http, new ApiList<ApiUnit>(result.Items.Select(Unit).ToList(), result.Page, result.PageSize, result.Total, result.PageCount));
    }

    private static async Task<IResult> OneAsync(int id, HttpContext http, PublicDataReader reader)
    {
        ApiQuery.Read(http.Request);
        var unit = await reader.UnitAsync(id, http.RequestAborted);
        return unit is null ? ApiResponse.NotFound($"Không có đơn vị {id}.") : ApiResponse.Ok(http, Unit(unit));
    }

    private static ApiUnit Unit(PublicUnit u) => new(u.Id, u.Code, u.Name, u.FullName, u.Level, u.ParentId);
}
