using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Accounts;
using Portal.Domain.Audit;
using Portal.Domain.Data;
using Portal.Web.Accounts.Roles;

// In the Accounts namespace (like the Identity endpoints) so that Program.cs maps it with one line and no extra using.
namespace Portal.Web.Accounts;

public static class UnitAuditEndpoints
{
    /// <summary>GET /admin/units/{id}/audit.csv: the audit entries of a unit and its subtree, for an administrator of that unit.</summary>
    public static IEndpointConventionBuilder MapUnitAuditExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/admin/units/{id:int}/audit.csv", ExportAsync).RequireAuthorization();

    private static async Task<IResult> ExportAsync(int id, HttpContext context, IAuthorizationService authorization,
        IDbContextFactory<PortalDb> dbs, IStringLocalizer<RolesText> T, CancellationToken ct)
    {
        var allowed = await authorization.AuthorizeAsync(context.User, new UnitResource(id), new UnitScopeRequirement(StaffAction.ViewAudit));
        var actor = CurrentActor.From(context.User);
        // A plain 403 (not the cookie scheme's redirect to the access-denied page): this is a file download.
        if (!allowed.Succeeded || actor is null)
            return Results.Text(T["Bạn không có quyền xem nhật ký của đơn vị này."], "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.UnitAuditAsync(actor, id, ct: ct);
        string[] headers = [T["Thời điểm"], T["Người thực hiện"], T["Thao tác"], T["Loại đối tượng"], T["Mã đối tượng"], T["Đơn vị"],
            T["Trước"], T["Sau"], T["Lý do"]];
        context.Response.Headers.CacheControl = "no-store";
        return Results.File(AuditCsv.Write(rows, headers), "text/csv; charset=utf-8", $"nhat-ky-don-vi-{id}.csv");
    }
}
