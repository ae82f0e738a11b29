using Portal.Domain.Dialogues;

namespace Portal.Web.Dialogues;

/// <summary>The question filter in the page's address (?chu-de=…&amp;thon=…&amp;trang-thai=…&amp;tra-loi=co&amp;trang=2), so a
/// filtered list is prerendered, bookmarkable and shareable.</summary>
public static class QuestionFilterQuery
{
    private static readonly Dictionary<string, QuestionState> States = new()
    {
        ["tiep-nhan"] = QuestionState.Received,
        ["thu-ly"] = QuestionState.Accepted,
        ["chuyen"] = QuestionState.Transferred,
        ["tra-loi"] = QuestionState.Answered,
        ["cong-khai"] = QuestionState.Published,
    };

    /// <summary>The states a visitor can filter by (refused and merged questions are not public).</summary>
    public static IEnumerable<QuestionState> PublicStates => States.Values;

    public static QuestionFilter From(string? topic, int? village, string? state, string? answered, int? mine, int? page) => new(
        string.IsNullOrWhiteSpace(topic) ? null : topic,
        village,
        state is not null && States.TryGetValue(state, out var s) ? s : null,
        answered switch { "co" => true, "chua" => false, _ => null },
        mine == 1,
        page is > 0 ? page.Value : 1);

    public static IReadOnlyDictionary<string, object?> ToQuery(QuestionFilter filter) => new Dictionary<string, object?>
    {
        ["chu-de"] = filter.Topic,
        ["thon"] = filter.VillageId,
        ["trang-thai"] = filter.State is QuestionState state ? States.First(kv => kv.Value == state).Key : null,
        ["tra-loi"] = filter.Answered switch { true => "co", false => "chua", null => null },
        ["cua-toi"] = filter.MineOnly ? 1 : null,
        ["trang"] = filter.Page > 1 ? filter.Page : null,
    };
}
