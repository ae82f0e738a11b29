using System.Text.Json;
using Portal.Domain.Accounts;

namespace Portal.Domain.Audit;

/// <summary>Who did what to which item, when, with the state before and after. Written by services in the
/// same transaction as the change.</summary>
public sealed class AuditEntry
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private AuditEntry() { }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? ActorId { get; private set; }
    public string ActorName { get; private set; } = "";
    /// <summary>Dotted verb, e.g. "unit.rename", "role.grant".</summary>
    public string Action { get; private set; } = "";
    public string ItemType { get; private set; } = "";
    public string ItemId { get; private set; } = "";
    public int? UnitId { get; private set; }
    public string? Before { get; private set; }
    public string? After { get; private set; }
    public string? Reason { get; private set; }

    public static AuditEntry Of(Actor actor, DateTimeOffset at, string action, string itemType, object itemId,
        int? unitId, object? before, object? after, string? reason = null) => new()
    {
        At = at,
        ActorId = actor.UserId,
        ActorName = actor.Name,
        Action = action,
        ItemType = itemType,
        ItemId = Convert.ToString(itemId, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        UnitId = unitId,
        Before = before is null ? null : JsonSerializer.Serialize(before, Json),
        After = after is null ? null : JsonSerializer.Serialize(after, Json),
        Reason = reason,
    };
}
