using Portal.Domain.Dialogues;
using Portal.Domain.Units;

namespace Portal.Web.OpenData;

// What the open-data API returns: the public pages' data, nothing more (no email, phone, account id or hidden text).

public sealed record ApiList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, int PageCount);

public sealed record ApiUnit(int Id, string? Code, string Name, string FullName, UnitLevel Level, int? ParentId);

public sealed record ApiConferenceSummary(int Id, string Title, int UnitId, string UnitName, DateTimeOffset StartsAt, string? Place, bool Online,
    DateTimeOffset QuestionsOpenAt, DateTimeOffset QuestionsCloseAt, ConferenceState State, int QuestionCount, string Link);

public sealed record ApiConference(int Id, string Title, string? Summary, IReadOnlyList<string> Topics, int UnitId, string UnitName, string Hosts,
    string Organiser, string? Front, DateTimeOffset StartsAt, string? Place, string? OnlineLink, DateTimeOffset QuestionsOpenAt,
    DateTimeOffset QuestionsCloseAt, ConferenceState State, string Link, IReadOnlyList<ApiQuestion> Questions);

/// <summary>The author as the public page shows them: a name (null when anonymous), the village when they chose
/// initials and village, and whether a village head relayed the question.</summary>
public sealed record ApiAuthor(string? Name, string? Village, bool Relayed);

public sealed record ApiQuestion(long Id, string Topic, string Text, int VillageId, string VillageName, ApiAuthor Author, QuestionState State,
    int SupportCount, DateTimeOffset ReceivedAt, string? AnswerHtml, DateTimeOffset? AnsweredAt, Satisfaction? Rating,
    IReadOnlyList<ApiCommitment> Commitments);

public sealed record ApiCommitment(long Id, string What, string Agency, DateTimeOffset DueAt, int Progress, DateTimeOffset? DoneAt);

public sealed record ApiSearchHit(string Kind, long Id, string Title, string Snippet, string UnitName, DateTimeOffset At, string Link);
