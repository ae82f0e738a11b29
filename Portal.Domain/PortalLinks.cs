namespace Portal.Domain;

/// <summary>The portal's public URLs, for emails and notifications (which leave the site and need absolute links).</summary>
public sealed class PortalLinks(string baseUrl)
{
    public string BaseUrl { get; } = baseUrl.TrimEnd('/');

    public string Conference(int id) => $"/hoi-nghi/{id}";
    public string Question(int conferenceId, long questionId) => $"/hoi-nghi/{conferenceId}#y-kien-{questionId}";

    public string Draft(int id) => $"/du-thao/{id}";
    public string DraftTable(int id) => $"/du-thao/{id}/bang-tiep-thu";
    public string DraftReport(int id) => $"/du-thao/{id}/van-ban-phan-bien";
    public string DraftDesk(int id) => $"/quan-ly/du-thao/{id}";
    public string DraftAnswer(int id) => $"/quan-ly/du-thao/{id}/tra-loi";
    public string Campaign(int id) => $"/van-dong/{id}";
    public string CampaignVillage(int id, int villageId) => $"/van-dong/{id}/thon/{villageId}";
}
