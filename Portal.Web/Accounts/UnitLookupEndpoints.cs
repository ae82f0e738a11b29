using Portal.Domain.Units;

namespace Portal.Web.Accounts;

/// <summary>A village as the register and profile pages' type-ahead shows it.</summary>
public sealed record VillageResult(int Id, string Name, string Where);

/// <summary>The public, read-only lookup behind the home-village picker of the (static) account pages.</summary>
public static class UnitLookupEndpoints
{
    public const int MaxResults = 20;

    public static IEndpointConventionBuilder MapUnitLookupEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/units/villages", async (string? q, UnitService units, CancellationToken ct) =>
        {
            var text = (q ?? "").Trim();
            if (text.Length < 2) return TypedResults.Ok(Array.Empty<VillageResult>());
            if (text.Length > 100) text = text[..100];
            var found = await units.SearchAsync(text, UnitLevel.Village, take: MaxResults, ct: ct);
            return TypedResults.Ok(found.Select(u => new VillageResult(u.Id, u.Name, u.Where)).ToArray());
        }).AllowAnonymous();
}
