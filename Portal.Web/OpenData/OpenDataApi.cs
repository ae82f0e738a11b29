using Microsoft.AspNetCore.OpenApi;
using Portal.Domain;

namespace Portal.Web.OpenData;

/// <summary>
/// The read-only open-data API under /api/v1 and its OpenAPI document at /openapi/v1.json. Each pillar maps its
/// endpoints into the one group (<see cref="UnitsApi"/>, <see cref="DialoguesApi"/>, <see cref="SearchApi"/>,
/// <see cref="StatisticsApi"/>, ...),
/// reads its query through <see cref="ApiQuery"/> and answers through <see cref="ApiResponse"/>; the group turns bad
/// input into 400 problem details and sets the rate limit (see <see cref="PublicRateLimits"/>).
/// </summary>
public static class OpenDataApi
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddOpenDataApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Cổng đối thoại — dữ liệu mở (Portal open data)";
                document.Info.Version = "v1";
                document.Info.Description = "Dữ liệu công khai của cổng: đơn vị hành chính, hội nghị đối thoại với ý kiến, trả lời và cam kết, tìm kiếm. "
                    + "Chỉ đọc; phân trang (pageSize tối đa 100); lọc theo đơn vị (unit, gồm cả đơn vị trực thuộc) và ngày (from, to: yyyy-MM-dd); "
                    + "ETag và 304; tham số lạ hoặc giá trị sai trả về 400 (problem details); giới hạn số yêu cầu theo địa chỉ IP (429). "
                    + "Người gửi ý kiến chỉ hiện như trên trang công khai.";
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static void MapOpenDataApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        var api = app.MapGroup("/api/v1").AddEndpointFilter(RefuseBadInput);
        UnitsApi.Map(api);
        DialoguesApi.Map(api);
        CampaignsApi.Map(api);
        DraftsApi.Map(api);
        SearchApi.Map(api);
        StatisticsApi.Map(api);
    }

    private static async ValueTask<object?> RefuseBadInput(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ApiInputException e)
        {
            return Problem(e.Parameter, e.Message);
        }
        catch (DomainRuleException e)
        {
            return Problem("q", e.Key);
        }
    }

    private static IResult Problem(string parameter, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Yêu cầu không hợp lệ (bad request)", detail: detail,
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });
}
