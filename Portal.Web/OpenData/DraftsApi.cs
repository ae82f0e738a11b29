using Portal.Domain;
using Portal.Domain.Drafts;

namespace Portal.Web.OpenData;

/// <summary>GET /api/v1/drafts and /api/v1/drafts/{id}: public drafts put to social criticism, and one with the sections
/// of its current version, the criticism report once sent and the table of receipt and explanation (read through
/// <see cref="DraftReader"/>, the public pages' own reader). Commenters never appear: the report and the table quote
/// comments by their public (redacted) text only, as the public pages do.</summary>
public static class DraftsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/drafts", ListAsync).WithTags("drafts").WithName("drafts")
            .WithSummary("Dự thảo lấy ý kiến, phản biện xã hội (drafts put to social criticism)")
            .WithDescription("Dự thảo công khai (không gồm dự thảo đang chuẩn bị), mới mở lấy ý kiến trước. Tham số: unit (đơn vị và các đơn vị trực thuộc), from, to (ngày mở lấy ý kiến, yyyy-MM-dd), page, pageSize (tối đa 100).");
        api.MapGet("/drafts/{id:int}", OneAsync).WithTags("drafts").WithName("draft")
            .WithSummary("Một dự thảo với các phần, văn bản phản biện và bảng tiếp thu, giải trình (one draft with its sections, report and table of receipt and explanation)")
            .WithDescription("Các phần của phiên bản hiện hành (Markdown) với số góp ý công khai; văn bản phản biện và các kiến nghị khi đã gửi; bảng tổng hợp tiếp thu, giải trình. Không có tham số truy vấn.");
    }

    private static async Task<IResult> ListAsync(HttpContext http, DraftReader reader, string? unit = null, string? from = null,
        string? to = null, string? page = null, string? pageSize = null)
    {
        var filter = ApiQuery.Read(http.Request, "unit", "from", "to", "page", "pageSize").Filter();
        var result = await reader.OpenDataAsync(filter, http.RequestAborted);
        var items = result.Items.Select(d => new ApiDraftSummary(d.Id, d.Title, d.Kind, d.UnitName, d.FrontName, d.DraftingAgencyName, d.State,
            d.OpensAt, d.ClosesAt, d.AnswerDueAt, d.Comments, $"/du-thao/{d.Id}")).ToList();
        return ApiResponse.Ok(http, new ApiList<ApiDraftSummary>(items, result.Page, result.PageSize, result.Total, result.PageCount));
    }

    private static async Task<IResult> OneAsync(int id, HttpContext http, DraftReader reader)
    {
        ApiQuery.Read(http.Request);
        var d = await reader.DraftAsync(id, null, http.RequestAborted);
        if (d is null) return ApiResponse.NotFound($"Không có dự thảo công khai {id}.");
        var table = await reader.TableAsync(id, http.RequestAborted);
        var report = table is null ? null : await reader.ReportAsync(id, null, http.RequestAborted);
        return ApiResponse.Ok(http, new ApiDraft(d.Id, d.Title, d.Kind, d.Summary, d.UnitId, d.UnitName, d.FrontName, d.DraftingAgencyName, d.State,
            d.Audience, d.OpensAt, d.ClosesAt, d.ReportSentAt, d.AnswerDueAt, d.AnsweredAt, d.Comments,
            new ApiDraftVersion(d.Current.Number, d.Current.ChangeNote, d.Current.PublishedAt),
            d.Sections.Select(s => new ApiDraftSection(s.Section.Anchor, s.Section.Title, s.Section.Level, s.Section.ParentAnchor,
                s.Section.Markdown, s.Comments)).ToList(),
            report is null ? null : Report(report), table?.Rows.Select(Row).ToList(), $"/du-thao/{d.Id}"));
    }

    private static ApiDraftReport Report(ReportView r) => new(r.Markdown is null ? null : MarkdownRenderer.ToHtml(r.Markdown), r.SentAt, r.AnswerDueAt,
        r.Recommendations.Select(m => new ApiRecommendation(m.Position, m.SectionAnchor, m.SectionTitle, m.Text, m.SourceCommentIds.Count, m.Decision,
            m.Explanation, m.AnsweredAt)).ToList());

    private static ApiReceiptRow Row(ReceiptRow r) => new(r.Position, r.Section, r.Recommendation, r.Comments, r.Examples, r.Decision, r.Explanation);
}

public sealed record ApiDraftSummary(int Id, string Title, DraftKind Kind, string UnitName, string Front, string DraftingAgency, DraftState State,
    DateTimeOffset OpensAt, DateTimeOffset ClosesAt, DateTimeOffset? AnswerDueAt, int CommentCount, string Link);

public sealed record ApiDraft(int Id, string Title, DraftKind Kind, string? Summary, int UnitId, string UnitName, string Front, string DraftingAgency,
    DraftState State, DraftAudience Audience, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, DateTimeOffset? ReportSentAt, DateTimeOffset? AnswerDueAt,
    DateTimeOffset? AnsweredAt, int CommentCount, ApiDraftVersion Version, IReadOnlyList<ApiDraftSection> Sections, ApiDraftReport? Report,
    IReadOnlyList<ApiReceiptRow>? ReceiptTable, string Link);

public sealed record ApiDraftVersion(int Number, string? ChangeNote, DateTimeOffset PublishedAt);

/// <summary>A section of the current version: its stable anchor, heading, level, parent and Markdown text, and how many
/// public comments it has.</summary>
public sealed record ApiDraftSection(string Anchor, string Title, int Level, string? ParentAnchor, string Markdown, int CommentCount);

/// <summary>The criticism report as sent (HTML made from its Markdown) with its recommendations and their answers.</summary>
public sealed record ApiDraftReport(string? Html, DateTimeOffset? SentAt, DateTimeOffset? AnswerDueAt, IReadOnlyList<ApiRecommendation> Recommendations);

public sealed record ApiRecommendation(int Position, string? SectionAnchor, string? SectionTitle, string Text, int CommentCount, Decision? Decision,
    string? Explanation, DateTimeOffset? AnsweredAt);

/// <summary>A row of the table of receipt and explanation; the examples are public comment texts, without their authors.</summary>
public sealed record ApiReceiptRow(int Position, string Section, string Recommendation, int CommentCount, IReadOnlyList<string> Examples,
    Decision? Decision, string? Explanation);
