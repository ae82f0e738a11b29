namespace Portal.Domain.Units;

public enum AgencyKind
{
    PeoplesCommittee = 1,
    PartyCommittee = 2,
    FrontCommittee = 3,
    SpecialisedDepartment = 4,
    Other = 9,
}

/// <summary>A body that answers things: a People's Committee, a department, a Front committee. Belongs to a unit.</summary>
public sealed class Agency
{
    private Agency() { }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public AgencyKind Kind { get; private set; }
    public int UnitId { get; private set; }
    public Unit Unit { get; private set; } = null!;
    public string? ContactEmail { get; private set; }
    public bool IsActive { get; private set; } = true;
    public uint Version { get; private set; }
    public List<AgencyMember> Members { get; private set; } = [];

    public static Agency Create(string name, AgencyKind kind, Unit unit, string? contactEmail)
    {
        var agency = new Agency { Unit = unit, UnitId = unit.Id };
        agency.Update(name, kind, contactEmail);
        return agency;
    }

    public void Update(string name, AgencyKind kind, string? contactEmail)
    {
        name = Text.Clean(name);
        if (name.Length == 0) throw new DomainRuleException("agency.name.required");
        if (name.Length > 200) throw new DomainRuleException("agency.name.too-long", 200);
        if (!Enum.IsDefined(kind)) throw new DomainRuleException("agency.kind.invalid");
        var email = Text.CleanOrNull(contactEmail);
        if (email is not null && !Accounts.EmailAddress.IsValid(email)) throw new DomainRuleException("agency.email.invalid", email);
        Name = name;
        Kind = kind;
        ContactEmail = email;
    }

    public void Deactivate() => IsActive = false;
    public void Activate() => IsActive = true;
}

/// <summary>An official's membership of an agency.</summary>
public sealed class AgencyMember
{
    public int AgencyId { get; set; }
    public string UserId { get; set; } = "";
    public Accounts.PortalUser User { get; set; } = null!;
}
