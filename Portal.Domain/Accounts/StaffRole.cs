namespace Portal.Domain.Accounts;

/// <summary>A role held on a unit and its whole subtree.</summary>
public enum StaffRole
{
    Official = 1,
    Leader = 2,
    FrontCommittee = 3,
    Moderator = 4,
    Admin = 5,
    /// <summary>Trưởng thôn / tổ trưởng tổ dân phố: relays residents' items and confirms pledges in their village.</summary>
    VillageHead = 6,
    /// <summary>Ban Giám sát đầu tư của cộng đồng: follows a campaign's spending and posts supervision notes on it.</summary>
    SupervisionBoard = 7,
}
