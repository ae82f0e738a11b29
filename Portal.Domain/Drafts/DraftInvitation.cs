namespace Portal.Domain.Drafts;

/// <summary>An organisation or expert the Front committee invited by email to comment; the reviewer comments under the
/// organisation's name when signed in with that email.</summary>
public sealed class DraftInvitation
{
    private DraftInvitation() { }

    public DraftInvitation(int draftId, string email, string organisation, DateTimeOffset at)
    {
        var address = Text.Clean(email).ToLowerInvariant();
        if (!Accounts.EmailAddress.IsValid(address)) throw new DomainRuleException("invitation.email.invalid", address);
        var name = Text.Clean(organisation);
        if (name.Length is < 2 or > 200) throw new DomainRuleException("invitation.organisation.invalid");
        DraftId = draftId;
        Email = address;
        Organisation = name;
        InvitedAt = at;
    }

    public long Id { get; private set; }
    public int DraftId { get; private set; }
    public string Email { get; private set; } = "";
    public string Organisation { get; private set; } = "";
    public DateTimeOffset InvitedAt { get; private set; }
}

/// <summary>Plans the compilation of a draft at the instant its window closes (a Hangfire job in the hosts). The recurring
/// sweep compiles anything due as well, so a lost schedule only delays the report by a minute.</summary>
public interface IDraftScheduler
{
    void ScheduleClose(int draftId, DateTimeOffset at);
}
