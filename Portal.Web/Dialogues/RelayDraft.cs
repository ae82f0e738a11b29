using Portal.Domain.Dialogues;

namespace Portal.Web.Dialogues;

/// <summary>What a village head types when sending a question for a resident without internet.</summary>
public sealed class RelayDraft
{
    public bool On { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }

    public void Clear() => (On, Name, Phone) = (false, null, null);

    public RelayedFor? ToRelayedFor() => On ? new RelayedFor(Name ?? "", Phone) : null;
}
