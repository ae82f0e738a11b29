using Portal.Domain.Dialogues;
using Portal.Domain.Units;

namespace Portal.Web.Dialogues.Staff;

/// <summary>What the plan form edits: the <see cref="ConferencePlan"/> with times in Vietnam time and nothing chosen yet.</summary>
public sealed class ConferencePlanModel
{
    public UnitChoice? Unit { get; set; }
    public string Title { get; set; } = "";
    public string? Summary { get; set; }
    public List<string> Topics { get; set; } = [];
    public string Hosts { get; set; } = "";
    public int? OrganiserAgencyId { get; set; }
    public int? FrontAgencyId { get; set; }
    public DateTime? StartsAt { get; set; }
    public string? Place { get; set; }
    public string? OnlineLink { get; set; }
    public DateTime? QuestionsOpenAt { get; set; }
    public DateTime? QuestionsCloseAt { get; set; }
    public ModerationMode Moderation { get; set; } = ModerationMode.PreModeration;

    public static ConferencePlanModel From(StaffConference conference) => new()
    {
        Unit = new UnitChoice(conference.Plan.UnitId, conference.UnitName, conference.UnitName, UnitLevel.Commune, null, null),
        Title = conference.Plan.Title,
        Summary = conference.Plan.Summary,
        Topics = [.. conference.Plan.Topics],
        Hosts = conference.Plan.Hosts,
        OrganiserAgencyId = conference.Plan.OrganiserAgencyId,
        FrontAgencyId = conference.Plan.FrontAgencyId,
        StartsAt = VietnamTime.Local(conference.Plan.StartsAt),
        Place = conference.Plan.Place,
        OnlineLink = conference.Plan.OnlineLink,
        QuestionsOpenAt = VietnamTime.Local(conference.Plan.QuestionsOpenAt),
        QuestionsCloseAt = VietnamTime.Local(conference.Plan.QuestionsCloseAt),
        Moderation = conference.Plan.Moderation,
    };

    /// <summary>The plan for the service; call after the form validated (every required value is there).</summary>
    public ConferencePlan ToPlan() => new(Unit!.Id, Title, Summary, Topics, Hosts, OrganiserAgencyId!.Value, FrontAgencyId,
        VietnamTime.At(StartsAt!.Value), Place, OnlineLink, VietnamTime.At(QuestionsOpenAt!.Value), VietnamTime.At(QuestionsCloseAt!.Value), Moderation);

    public bool HasPlaceOrLink => !string.IsNullOrWhiteSpace(Place) || !string.IsNullOrWhiteSpace(OnlineLink);

    public static bool IsWebLink(string? link) =>
        string.IsNullOrWhiteSpace(link) || Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";
}
