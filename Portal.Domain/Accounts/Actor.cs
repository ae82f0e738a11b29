namespace Portal.Domain.Accounts;

/// <summary>Who is acting: a signed-in user, or the system itself (importer on the command line, jobs, seeding).</summary>
public sealed record Actor(string? UserId, string Name)
{
    public static readonly Actor System = new(null, "system");
    public bool IsSystem => UserId is null;
}
