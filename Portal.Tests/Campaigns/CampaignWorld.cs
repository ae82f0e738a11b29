using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Campaigns;
using Portal.Domain.Data;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Campaigns;

/// <summary>
/// Arranges a campaign of commune A through the real services: the commune's Front committee organises it over villages
/// A1 (Nà Sla) and A2 (Pò Mã), with a money, a labour-day and a land goal; village heads of both villages, a resident of
/// A1. <see cref="OpenAsync"/> opens it with A1's decision passed.
/// </summary>
public sealed class CampaignWorld
{
    private readonly IDbContextFactory<PortalDb> _db;
    private readonly AccountService _accounts;

    private CampaignWorld(IDbContextFactory<PortalDb> db, TimeProvider clock, SmallTree tree)
    {
        _db = db;
        Clock = clock;
        Tree = tree;
        Service = new CampaignService(db, clock, new PortalLinks("https://portal.test"));
        Reader = new CampaignReader(db);
        _accounts = new AccountService(db, clock);
    }

    public TimeProvider Clock { get; }
    public SmallTree Tree { get; }
    public CampaignService Service { get; }
    public CampaignReader Reader { get; }
    public int Front { get; private set; }
    public Actor Organiser { get; private set; } = null!;
    public Actor HeadA1 { get; private set; } = null!;
    public Actor HeadA2 { get; private set; } = null!;
    public Actor Resident { get; private set; } = null!;
    public int Campaign { get; private set; }
    public int Money { get; private set; }
    public int Labour { get; private set; }
    public int Land { get; private set; }

    public static async Task<CampaignWorld> CreateAsync(IDbContextFactory<PortalDb> db, TimeProvider clock)
    {
        var w = new CampaignWorld(db, clock, await SmallTree.CreateAsync(db));
        var agencies = new AgencyService(db, clock);
        w.Front = await agencies.CreateAsync(Actor.System, "Ủy ban MTTQ xã Thất Khê " + Guid.NewGuid().ToString("N")[..6], AgencyKind.FrontCommittee, w.Tree.CommuneA, null);
        w.Organiser = await w.PersonAsync("Lương Thị Hằng", StaffRole.FrontCommittee, w.Tree.CommuneA);
        w.HeadA1 = await w.PersonAsync("Lộc Văn Sáng", StaffRole.VillageHead, w.Tree.VillageA1);
        w.HeadA2 = await w.PersonAsync("Vi Văn Hùng", StaffRole.VillageHead, w.Tree.VillageA2, home: w.Tree.VillageA2);
        w.Resident = await w.PersonAsync("Hoàng Thị Mai");
        var today = CampaignService.VietnamDate(clock.GetUtcNow());
        w.Campaign = await w.Service.CreateAsync(w.Organiser, w.Plan(today));
        w.Money = await w.Service.AddGoalAsync(w.Organiser, w.Campaign, new GoalPlan(GoalKind.Money, "Tiền mặt", null, 300_000_000m));
        w.Labour = await w.Service.AddGoalAsync(w.Organiser, w.Campaign, new GoalPlan(GoalKind.LabourDays, "Ngày công", null, 1_500m));
        w.Land = await w.Service.AddGoalAsync(w.Organiser, w.Campaign, new GoalPlan(GoalKind.Land, "Hiến đất mở rộng đường", null, 2_000m));
        return w;
    }

    public CampaignPlan Plan(DateOnly today, string title = "Bê tông hoá đường trục thôn") =>
        new(Tree.CommuneA, Front, title, "Cùng nhau làm **3 km** đường bê tông.", today, today.AddMonths(6), [Tree.VillageA1, Tree.VillageA2]);

    /// <summary>Opens the campaign with Nà Sla's households agreeing (45 of 60) and Pò Mã's not (36 of 60).</summary>
    public async Task OpenAsync()
    {
        await Service.OpenAsync(Organiser, Campaign);
        var today = CampaignService.VietnamDate(Clock.GetUtcNow());
        await Service.RecordDecisionAsync(HeadA1, Campaign, new DecisionRecord(Tree.VillageA1, DecisionMethod.Meeting, 60, 45, 10, 5, today));
        await Service.RecordDecisionAsync(HeadA2, Campaign, new DecisionRecord(Tree.VillageA2, DecisionMethod.HouseholdBallot, 60, 36, 20, 4, today));
    }

    public async Task<Actor> PersonAsync(string name, StaffRole? role = null, int? roleUnit = null, int? home = null)
    {
        var id = await TestUsers.CreateAsync(_db, name, home ?? Tree.VillageA1);
        if (role is not null) await _accounts.GrantAsync(Actor.System, id, roleUnit!.Value, role.Value);
        return new Actor(id, name);
    }

    public static PledgerInfo Household(string name = "Hoàng Thị Mai", string household = "Hộ ông Hoàng Văn Pó", PledgeVisibility visibility = PledgeVisibility.Household) =>
        new(name, true, household, visibility, null);

    public Task<PledgeResult> PledgeAsync(Actor who, params PledgeAmount[] amounts) =>
        Service.PledgeAsync(who, Campaign, Tree.VillageA1, new PledgerInfo(who.Name, false, null, PledgeVisibility.Name, null), amounts, Guid.NewGuid());
}
