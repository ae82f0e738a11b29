using Portal.Domain.Units;

namespace Portal.Domain.Accounts;

/// <summary>What a staff member's own page shows: the roles they hold and the agencies they belong to.</summary>
public sealed record StaffWorkspace(IReadOnlyList<WorkspaceRole> Roles, IReadOnlyList<WorkspaceAgency> Agencies)
{
    public static readonly StaffWorkspace Empty = new([], []);
}

public sealed record WorkspaceRole(int GrantId, StaffRole Role, int UnitId, string UnitName, UnitLevel UnitLevel, DateTimeOffset GrantedAt);

public sealed record WorkspaceAgency(int Id, string Name, AgencyKind Kind, int UnitId, string UnitName, string? ContactEmail, bool IsActive);
