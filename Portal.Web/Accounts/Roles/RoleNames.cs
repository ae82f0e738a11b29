using Microsoft.Extensions.Localization;
using Portal.Domain.Accounts;

namespace Portal.Web.Accounts.Roles;

/// <summary>The roles as people in Vietnamese local government call them.</summary>
public static class RoleNames
{
    /// <summary>In the order an administrator picks them.</summary>
    public static readonly StaffRole[] All =
        [StaffRole.Official, StaffRole.Leader, StaffRole.FrontCommittee, StaffRole.VillageHead, StaffRole.SupervisionBoard, StaffRole.Moderator, StaffRole.Admin];

    public static string Of(StaffRole role, IStringLocalizer<RolesText> T) => role switch
    {
        StaffRole.Official => T["Cán bộ"],
        StaffRole.Leader => T["Lãnh đạo"],
        StaffRole.FrontCommittee => T["Ủy ban MTTQ"],
        StaffRole.Moderator => T["Kiểm duyệt viên"],
        StaffRole.Admin => T["Quản trị"],
        StaffRole.VillageHead => T["Trưởng thôn/Tổ trưởng"],
        StaffRole.SupervisionBoard => T["Ban Giám sát đầu tư của cộng đồng"],
        _ => role.ToString(),
    };
}
