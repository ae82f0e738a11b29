namespace Portal.Domain.Accounts;

/// <summary>Things staff do on an item belonging to a unit. Which roles may do each is in <see cref="ScopeRules"/>.</summary>
public enum StaffAction
{
    ManageUnits,
    ManageAgencies,
    ManageRoles,
    ViewAudit,
    Moderate,
    Answer,
    HostDialogue,
    PublishDraft,
    ManageCampaign,
    SeeWorkspace,
    /// <summary>Bend a legal timing rule with a written reason (e.g. announce a conference late).</summary>
    OverrideRules,
    /// <summary>Submit on behalf of a resident without internet (trưởng thôn).</summary>
    Relay,
    /// <summary>Confirm, fulfil or cancel the pledges of a village (trưởng thôn; organisers may too).</summary>
    ConfirmPledge,
    /// <summary>Post supervision notes on a campaign (Ban Giám sát đầu tư của cộng đồng).</summary>
    SuperviseCampaign,
}

/// <summary>Pure: which roles allow which action. A role on a unit covers its whole subtree.</summary>
public static class ScopeRules
{
    private static readonly Dictionary<StaffAction, StaffRole[]> Allowed = new()
    {
        [StaffAction.ManageUnits] = [StaffRole.Admin],
        [StaffAction.ManageAgencies] = [StaffRole.Admin],
        [StaffAction.ManageRoles] = [StaffRole.Admin],
        [StaffAction.ViewAudit] = [StaffRole.Admin],
        [StaffAction.Moderate] = [StaffRole.Moderator, StaffRole.Admin],
        [StaffAction.Answer] = [StaffRole.Official, StaffRole.Leader],
        [StaffAction.HostDialogue] = [StaffRole.Leader, StaffRole.FrontCommittee],
        [StaffAction.PublishDraft] = [StaffRole.FrontCommittee],
        [StaffAction.ManageCampaign] = [StaffRole.FrontCommittee, StaffRole.Leader],
        [StaffAction.SeeWorkspace] = Enum.GetValues<StaffRole>(),
        [StaffAction.OverrideRules] = [StaffRole.Admin],
        [StaffAction.Relay] = [StaffRole.VillageHead],
        [StaffAction.ConfirmPledge] = [StaffRole.VillageHead],
        [StaffAction.SuperviseCampaign] = [StaffRole.SupervisionBoard],
    };

    public static IReadOnlyList<StaffRole> RolesFor(StaffAction action) => Allowed[action];
}
