namespace Portal.Domain.Campaigns;

/// <summary>An event of a campaign (e.g. the Great National Unity Festival on 18 November in each residential area), to which
/// households register how many people they bring.</summary>
public sealed class CampaignEvent
{
    public const int MaxTitle = 200;
    public const int MaxPlace = 300;

    private CampaignEvent() { }

    public CampaignEvent(int campaignId, string title, DateTimeOffset startsAt, string place, DateTimeOffset now)
    {
        var cleanTitle = Text.Clean(title);
        if (cleanTitle.Length is < 5 or > MaxTitle) throw new DomainRuleException("event.title.invalid", MaxTitle);
        var cleanPlace = Text.Clean(place);
        if (cleanPlace.Length is < 2 or > MaxPlace) throw new DomainRuleException("event.place.invalid", MaxPlace);
        if (startsAt <= now) throw new DomainRuleException("event.starts.past");
        CampaignId = campaignId;
        Title = cleanTitle;
        Place = cleanPlace;
        StartsAt = startsAt;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public string Title { get; private set; } = "";
    public DateTimeOffset StartsAt { get; private set; }
    public string Place { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>How many people a household (through one account) brings to an event; registering again changes the number.</summary>
public sealed class EventRegistration
{
    public const int MaxPeople = 30;

    public int EventId { get; set; }
    public string UserId { get; set; } = "";
    public int VillageId { get; set; }
    public int People { get; set; }
    public DateTimeOffset At { get; set; }

    public static int CheckPeople(int people) =>
        people is < 1 or > MaxPeople ? throw new DomainRuleException("event.people.invalid", MaxPeople) : people;
}
