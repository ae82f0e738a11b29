namespace Portal.Domain;

/// <summary>The portal's public URLs, for emails and notifications (which leave the site and need absolute links).</summary>
public sealed class PortalLinks(string baseUrl)
{
    public string BaseUrl { get; } = baseUrl.TrimEnd('/');

    public string Conference(int id) => $"/hoi-nghi/{id}";
    public string Question(int conferenceId, long questionId) => $"/hoi-nghi/{conferenceId}#y-kien-{questionId}";

    public string Campaign(int id) => $"/van-dong/{id}";
    public string CampaignVillage(int id, int villageId) => $"/van-dong/{id}/thon/{villageId}";
}
