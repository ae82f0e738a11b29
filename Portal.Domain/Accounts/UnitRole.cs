using Portal.Domain.Units;

namespace Portal.Domain.Accounts;

/// <summary>Grants <see cref="Role"/> to a user on <see cref="Unit"/> and everything under it.</summary>
public sealed class UnitRole
{
    private UnitRole() { }

    public UnitRole(string userId, Unit unit, StaffRole role, string? grantedById, DateTimeOffset grantedAt)
    {
        if (!Enum.IsDefined(role)) throw new DomainRuleException("role.invalid");
        UserId = userId;
        Unit = unit;
        UnitId = unit.Id;
        Role = role;
        GrantedById = grantedById;
        GrantedAt = grantedAt;
    }

    public int Id { get; private set; }
    public string UserId { get; private set; } = "";
    public PortalUser User { get; private set; } = null!;
    public int UnitId { get; private set; }
    public Unit Unit { get; private set; } = null!;
    public StaffRole Role { get; private set; }
    public string? GrantedById { get; private set; }
    public DateTimeOffset GrantedAt { get; private set; }
}
