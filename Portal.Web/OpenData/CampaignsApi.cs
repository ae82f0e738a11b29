using Portal.Domain.Campaigns;

namespace Portal.Web.OpenData;

/// <summary>GET /api/v1/campaigns and /api/v1/campaigns/{id}: public mobilisation campaigns (never drafts) with their goals
/// and totals, overall and per village (read through <see cref="CampaignReader"/>, the public pages' own reader). Only
/// sums and the villages' public decisions: no pledger appears.</summary>
public static class CampaignsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/campaigns", ListAsync).WithTags("campaigns").WithName("campaigns")
            .WithSummary("Cuộc vận động (mobilisation campaigns)")
            .WithDescription("Cuộc vận động công khai, mới nhất trước, với mục tiêu và tổng đăng ký, đã đóng góp. Tham số: unit (đơn vị, các đơn vị trực thuộc "
                + "và cuộc vận động có thôn thuộc đơn vị tham gia), from, to (ngày bắt đầu, yyyy-MM-dd), page, pageSize (tối đa 100).");
        api.MapGet("/campaigns/{id:int}", OneAsync).WithTags("campaigns").WithName("campaign")
            .WithSummary("Một cuộc vận động với mục tiêu và tổng theo thôn (one campaign with its goals and totals per village)")
            .WithDescription("Mục tiêu với tổng đăng ký (không tính đăng ký đã huỷ) và đã đóng góp, theo cả cuộc vận động và theo từng thôn, cùng kết quả "
                + "biểu quyết của các hộ ở mỗi thôn. Không có tham số truy vấn.");
    }

    private static async Task<IResult> ListAsync(HttpContext http, CampaignReader reader, string? unit = null, string? from = null,
        string? to = null, string? page = null, string? pageSize = null)
    {
        var filter = ApiQuery.Read(http.Request, "unit", "from", "to", "page", "pageSize").Filter();
        var result = await reader.PublicListAsync(filter, http.RequestAborted);
        var items = result.Items.Select(c => new ApiCampaignSummary(c.Id, c.Title, c.UnitName, c.State, c.StartsOn, c.EndsOn, c.Villages,
            c.Goals.Select(Goal).ToList(), $"/van-dong/{c.Id}")).ToList();
        return ApiResponse.Ok(http, new ApiList<ApiCampaignSummary>(items, result.Page, result.PageSize, result.Total, result.PageCount));
    }

    private static async Task<IResult> OneAsync(int id, HttpContext http, CampaignReader reader)
    {
        ApiQuery.Read(http.Request);
        var c = await reader.DetailsAsync(id, ct: http.RequestAborted);
        if (c is null) return ApiResponse.NotFound($"Không có cuộc vận động công khai {id}.");
        return ApiResponse.Ok(http, new ApiCampaign(c.Id, c.Title, c.DescriptionMarkdown, c.DescriptionHtml, c.UnitId, c.UnitName, c.OrganiserName,
            c.StartsOn, c.EndsOn, c.State, $"/van-dong/{c.Id}", c.Goals.Select(Goal).ToList(), c.Villages.Select(Village).ToList()));
    }

    private static ApiCampaignGoal Goal(GoalProgress g) => new(g.Id, g.Kind, g.Title, g.UnitText, g.Target, g.Pledged, g.Fulfilled, g.Achieved);

    private static ApiCampaignVillage Village(VillageProgress v) => new(v.VillageId, v.Name,
        v.Decision is { } d ? new ApiVillageDecision(d.Method, d.Households, d.Agreeing, d.Disagreeing, d.NotVoting, d.DecidedOn, d.Passed) : null,
        v.Pledges, v.Goals.Select(g => new ApiVillageGoal(g.GoalId, g.Target, g.Pledged, g.Fulfilled)).ToList());
}

public sealed record ApiCampaignSummary(int Id, string Title, string UnitName, CampaignState State, DateOnly StartsOn, DateOnly EndsOn, int Villages,
    IReadOnlyList<ApiCampaignGoal> Goals, string Link);

public sealed record ApiCampaign(int Id, string Title, string DescriptionMarkdown, string DescriptionHtml, int UnitId, string UnitName, string Organiser,
    DateOnly StartsOn, DateOnly EndsOn, CampaignState State, string Link, IReadOnlyList<ApiCampaignGoal> Goals, IReadOnlyList<ApiCampaignVillage> Villages);

/// <summary>A goal with its totals: pledged (not cancelled), fulfilled (what was actually given), achieved (km built).</summary>
public sealed record ApiCampaignGoal(int Id, GoalKind Kind, string Title, string Unit, decimal Target, decimal Pledged, decimal Fulfilled, decimal Achieved);

public sealed record ApiCampaignVillage(int Id, string Name, ApiVillageDecision? Decision, int Pledges, IReadOnlyList<ApiVillageGoal> Goals);

/// <summary>The households' decision as the public page shows it (counts only).</summary>
public sealed record ApiVillageDecision(DecisionMethod Method, int Households, int Agreeing, int Disagreeing, int NotVoting, DateOnly DecidedOn, bool Passed);

public sealed record ApiVillageGoal(int GoalId, decimal? Target, decimal Pledged, decimal Fulfilled);
