using Portal.Domain.Dialogues;
using Portal.Domain.Reports;

namespace Portal.Web.OpenData;

/// <summary>GET /api/v1/conferences and /api/v1/conferences/{id}: public dialogue conferences, and one with its public
/// questions, answers and commitments (read through <see cref="DialogueReader"/>, the public pages' own reader).</summary>
public static class DialoguesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/conferences", ListAsync).WithTags("conferences").WithName("conferences")
            .WithSummary("Hội nghị đối thoại (dialogue conferences)")
            .WithDescription("Hội nghị công khai, mới nhất trước. Tham số: unit (đơn vị và các đơn vị trực thuộc), from, to (ngày bắt đầu hội nghị, yyyy-MM-dd), page, pageSize (tối đa 100).");
        api.MapGet("/conferences/{id:int}", OneAsync).WithTags("conferences").WithName("conference")
            .WithSummary("Một hội nghị với ý kiến, trả lời và cam kết (one conference with its questions, answers and commitments)");
    }

    private static async Task<IResult> ListAsync(HttpContext http, PublicDataReader reader, string? unit = null, string? from = null,
        string? to = null, string? page = null, string? pageSize = null)
    {
        var filter = ApiQuery.Read(http.Request, "unit", "from", "to", "page", "pageSize").Filter();
        var result = await reader.ConferencesAsync(filter, http.RequestAborted);
        var items = result.Items.Select(c => new ApiConferenceSummary(c.Id, c.Title, c.UnitId, c.UnitName, c.StartsAt, c.Place, c.Online,
            c.QuestionsOpenAt, c.QuestionsCloseAt, c.State, c.QuestionCount, $"/hoi-nghi/{c.Id}")).ToList();
        return ApiResponse.Ok(http, new ApiList<ApiConferenceSummary>(items, result.Page, result.PageSize, result.Total, result.PageCount));
    }

    private static async Task<IResult> OneAsync(int id, HttpContext http, DialogueReader reader)
    {
        ApiQuery.Read(http.Request);
        var c = await reader.ConferenceAsync(id, http.RequestAborted);
        if (c is null) return ApiResponse.NotFound($"Không có hội nghị đối thoại công khai {id}.");
        var questions = await reader.ResultsAsync(id, http.RequestAborted);
        return ApiResponse.Ok(http, new ApiConference(c.Id, c.Title, c.Summary, c.Topics, c.UnitId, c.UnitName, c.Hosts, c.OrganiserName, c.FrontName,
            c.StartsAt, c.Place, c.OnlineLink, c.QuestionsOpenAt, c.QuestionsCloseAt, c.State, $"/hoi-nghi/{c.Id}", questions.Select(Question).ToList()));
    }

    private static ApiQuestion Question(PublicQuestion q) => new(q.Id, q.Topic, q.Text, q.VillageId, q.VillageName,
        new ApiAuthor(q.Author.Name ?? DialogueReader.AnonymousName, q.Author.Village, q.Author.Relayed), q.State, q.SupportCount, q.ReceivedAt,
        q.AnswerHtml, q.AnsweredAt, q.Rating,
        q.Commitments.Select(m => new ApiCommitment(m.Id, m.What, m.AgencyName, m.DueAt, m.Progress, m.DoneAt)).ToList());
}
