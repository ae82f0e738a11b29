namespace Portal.Web.Dialogues.Staff;

/// <summary>A commitment being written into an answer: what, which agency carries it out, by which day (Vietnam time).</summary>
public sealed class CommitmentDraft
{
    public string What { get; set; } = "";
    public int? AgencyId { get; set; }
    public DateTime? Due { get; set; }
}
