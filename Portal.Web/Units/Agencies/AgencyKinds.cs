using Microsoft.Extensions.Localization;
using Portal.Domain.Units;

namespace Portal.Web.Units.Agencies;

/// <summary>Kinds of agency as Vietnamese local government names them.</summary>
public static class AgencyKinds
{
    public static readonly AgencyKind[] All =
        [AgencyKind.PeoplesCommittee, AgencyKind.PartyCommittee, AgencyKind.FrontCommittee, AgencyKind.SpecialisedDepartment, AgencyKind.Other];

    public static string Of(AgencyKind kind, IStringLocalizer<AgenciesText> T) => kind switch
    {
        AgencyKind.PeoplesCommittee => T["UBND"],
        AgencyKind.PartyCommittee => T["Cấp ủy Đảng"],
        AgencyKind.FrontCommittee => T["Ủy ban MTTQ"],
        AgencyKind.SpecialisedDepartment => T["Cơ quan chuyên môn"],
        AgencyKind.Other => T["Khác"],
        _ => kind.ToString(),
    };
}
