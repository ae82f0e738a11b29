using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Campaigns;
using Portal.Domain.Data;
using Portal.Domain.Units;

namespace Portal.Web.Hosting;

/// <summary>
/// Development-only campaigns in Lạng Sơn, made through the real services on a clock set back to when each step would
/// have happened: an open road-concreting campaign of Xã Thất Khê over three villages (two passed their household decision,
/// Pò Mã failed at 60% so it takes no contributions), with pledges of every kind in every state, two updates and a
/// supervision note; and the completed province-wide border-marker patrol-road campaign (122 roads, about 19.3 km) with
/// its ledgers. Idempotent: skipped when a campaign exists.
/// </summary>
public sealed class DemoCampaigns(IDbContextFactory<PortalDb> dbs, PortalLinks links, TimeProvider clock)
{
    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private CampaignService Service(DateTimeOffset at) => new(dbs, new At(at), links);

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.Campaigns.AnyAsync(ct)) return;
        var commune = await db.Units.SingleAsync(u => u.Code == "06040", ct);
        var villages = await db.Units.Where(u => u.ParentId == commune.Id).ToDictionaryAsync(u => u.Name, u => u.Id, ct);
        var front = await db.Agencies.SingleAsync(a => a.UnitId == commune.Id && a.Kind == AgencyKind.FrontCommittee, ct);
        Actor Person(string email) => db.Users.Where(u => u.Email == email).AsEnumerable().Select(u => new Actor(u.Id, u.DisplayName)).Single();
        var (resident, head, organiser, board) = (Person("dan@demo.test"), Person("truongthon@demo.test"), Person("mattran@demo.test"), Person("giamsat@demo.test"));
        var now = clock.GetUtcNow();
        var today = CampaignService.VietnamDate(now);

        await RoadCampaignAsync(villages, front.Id, commune.Id, resident, head, organiser, board, now, today, ct);
        await PatrolRoadsAsync(db, now, today, ct);
    }

    private async Task RoadCampaignAsync(Dictionary<string, int> villages, int front, int commune, Actor resident, Actor head, Actor organiser, Actor board,
        DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        var (naSla, khauPhay, poMa) = (villages["Thôn Nà Sla"], villages["Thôn Khau Phầy"], villages["Thôn Pò Mã"]);
        var start = Service(now.AddDays(-25));
        var id = await start.CreateAsync(organiser, new CampaignPlan(commune, front, "Bê tông hoá đường liên thôn Nà Sla – Khau Phầy – Pò Mã năm 2026",
            """
            Ủy ban MTTQ xã Thất Khê vận động Nhân dân cùng Nhà nước **bê tông hoá 3,2 km đường liên thôn** nối Nà Sla, Khau Phầy và Pò Mã,
            mặt đường rộng 3,5 m, theo phương châm *"Nhà nước và Nhân dân cùng làm"*.

            - Nhà nước hỗ trợ xi măng và một phần kinh phí.
            - Nhân dân đóng góp tiền, ngày công, cát sỏi và hiến đất mở rộng mặt đường.
            - Mọi khoản đóng góp được công khai tại nhà văn hoá thôn và trên cổng này.

            Liên hệ: đồng chí Lương Thị Hằng, Chủ tịch Ủy ban MTTQ xã.
            """, today.AddDays(-25), today.AddMonths(5), [naSla, khauPhay, poMa]), ct);
        var money = await start.AddGoalAsync(organiser, id, new GoalPlan(GoalKind.Money, "Tiền mặt", null, 450_000_000m), ct);
        var labour = await start.AddGoalAsync(organiser, id, new GoalPlan(GoalKind.LabourDays, "Ngày công làm đường", null, 2_400m), ct);
        var sand = await start.AddGoalAsync(organiser, id, new GoalPlan(GoalKind.Materials, "Cát vàng", "m³ cát", 600m), ct);
        var cement = await start.AddGoalAsync(organiser, id, new GoalPlan(GoalKind.Materials, "Xi măng", "tấn xi măng", 180m), ct);
        var land = await start.AddGoalAsync(organiser, id, new GoalPlan(GoalKind.Land, "Hiến đất mở rộng mặt đường", null, 3_000m), ct);
        var length = await start.AddGoalAsync(organiser, id, new GoalPlan(GoalKind.Length, "Đường bê tông hoàn thành", null, 3.2m), ct);
        await start.SetVillageTargetAsync(organiser, money, naSla, 180_000_000m, ct);
        await start.SetVillageTargetAsync(organiser, money, khauPhay, 150_000_000m, ct);
        await start.OpenAsync(organiser, id, ct);

        // The households decide: Nà Sla at a meeting, Khau Phầy by ballot, Pò Mã short of two thirds (45 of 75 = 60 %).
        await Service(now.AddDays(-22)).RecordDecisionAsync(head, id, new DecisionRecord(naSla, DecisionMethod.Meeting, 70, 56, 8, 6, today.AddDays(-23)), ct: ct);
        await Service(now.AddDays(-21)).RecordDecisionAsync(organiser, id, new DecisionRecord(khauPhay, DecisionMethod.HouseholdBallot, 64, 50, 10, 4, today.AddDays(-21)), ct: ct);
        await Service(now.AddDays(-20)).RecordDecisionAsync(organiser, id, new DecisionRecord(poMa, DecisionMethod.Meeting, 75, 45, 22, 8, today.AddDays(-20)), ct: ct);

        static PledgerInfo Household(string name, string household, PledgeVisibility visibility = PledgeVisibility.Household) => new(name, true, household, visibility, null);
        static PledgeAmount A(int goal, decimal amount) => new(goal, amount);
        var pledging = Service(now.AddDays(-18));
        var mai = await pledging.PledgeAsync(resident, id, naSla, Household(resident.Name, "Hộ ông Hoàng Văn Pó"), [A(money, 2_000_000m), A(labour, 5m)], Guid.NewGuid(), ct: ct);
        var po = await pledging.RecordPledgeAsync(head, id, naSla, Household("Lý Văn Pó", "Hộ ông Lý Văn Pó"), [A(land, 120m)], Guid.NewGuid(), ct: ct);
        var ly = await pledging.RecordPledgeAsync(head, id, naSla, new PledgerInfo("Nông Thị Lý", false, null, PledgeVisibility.Name, "Góp xi măng từ tiền bán lợn"), [A(cement, 2m)], Guid.NewGuid(), ct: ct);
        await pledging.RecordPledgeAsync(head, id, naSla, Household("Hoàng Văn Dũng", "Hộ ông Hoàng Văn Dũng"), [A(money, 1_000_000m), A(sand, 3m)], Guid.NewGuid(), ct: ct);
        var sinh = await pledging.RecordPledgeAsync(head, id, naSla, new PledgerInfo("Vi Văn Sình", false, null, PledgeVisibility.Name, null), [A(labour, 3m)], Guid.NewGuid(), ct: ct);
        var tam = await pledging.RecordPledgeAsync(organiser, id, khauPhay, Household("Lương Văn Tâm", "Hộ ông Lương Văn Tâm", PledgeVisibility.Anonymous), [A(money, 5_000_000m)], Guid.NewGuid(), ct: ct);
        var nga = await pledging.RecordPledgeAsync(organiser, id, khauPhay, Household("Hà Thị Nga", "Hộ bà Hà Thị Nga"), [A(land, 80m), A(labour, 10m)], Guid.NewGuid(), ct: ct);
        await pledging.RecordPledgeAsync(organiser, id, khauPhay, new PledgerInfo("Hà Văn Khánh", false, null, PledgeVisibility.Name, null), [A(sand, 4m)], Guid.NewGuid(), ct: ct);

        var confirming = Service(now.AddDays(-15));
        foreach (var (pledge, by) in new[] { (mai, head), (po, head), (ly, head), (tam, organiser), (nga, organiser) })
            await confirming.ConfirmAsync(by, pledge.PledgeId, ct);
        await confirming.CancelAsync(head, sinh.PledgeId, "Gia đình đi làm ăn xa, không tham gia được đợt này", ct);
        var giving = Service(now.AddDays(-9));
        await giving.FulfilAsync(head, po.PledgeId, new Dictionary<int, decimal>(), ct);
        await giving.FulfilAsync(head, ly.PledgeId, new Dictionary<int, decimal> { [cement] = 1.5m }, ct);
        await giving.FulfilAsync(organiser, tam.PledgeId, new Dictionary<int, decimal>(), ct);
        await giving.RecordAchievedAsync(organiser, length, 1.1m, ct);

        await Service(now.AddDays(-16)).PostAsync(organiser, id, CampaignPostKind.Update, "Khởi công đoạn đầu tiên tại thôn Nà Sla",
            "Sáng nay bà con thôn Nà Sla đã ra quân **giải phóng mặt bằng** đoạn đầu tiên. Cảm ơn các hộ đã hiến đất mở rộng đường.", ct: ct);
        await Service(now.AddDays(-8)).PostAsync(organiser, id, CampaignPostKind.Milestone, "Hoàn thành 1,1 km đầu tiên",
            "Đoạn từ trung tâm thôn Nà Sla đến cầu Khau Phầy (1,1 km) đã đổ bê tông xong. Đoạn tiếp theo khởi công sau khi cát về đủ.", ct: ct);
        var day = new DateTimeOffset(today.AddDays(12).ToDateTime(new TimeOnly(7, 30)), TimeSpan.FromHours(7));
        var works = await Service(now.AddDays(-6)).AddEventAsync(organiser, id, "Ra quân đổ bê tông đoạn 2 (Khau Phầy – Pò Mã)", day, "Đầu cầu Khau Phầy", ct);
        await Service(now.AddDays(-5)).RegisterForEventAsync(resident, works, naSla, 3, ct);
        await Service(now.AddDays(-7)).PostAsync(board, id, CampaignPostKind.SupervisionNote, "Kiểm tra khối lượng đoạn 1",
            "Ban Giám sát đầu tư của cộng đồng đã kiểm tra đoạn 1: mặt đường đủ **3,5 m**, dày 18 cm đúng thiết kế. Sổ thu chi của thôn Nà Sla khớp với chứng từ.", ct: ct);
    }

    /// <summary>The completed province-wide campaign: 122 border-marker patrol roads, about 19.3 km, a year's work.</summary>
    private async Task PatrolRoadsAsync(PortalDb db, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        var province = await db.Units.SingleAsync(u => u.Code == "20", ct);
        var front = await db.Agencies.SingleAsync(a => a.UnitId == province.Id && a.Kind == AgencyKind.FrontCommittee, ct);
        var by = new Actor(null, front.Name); // the provincial Front committee, acting as the system in the demo
        var taking = await db.Units.Where(u => u.Level == UnitLevel.Village && u.IsActive && u.Parent!.Parent!.Id == province.Id)
            .OrderBy(u => u.Id).Take(4).Select(u => u.Id).ToListAsync(ct);
        var start = Service(now.AddDays(-400));
        var id = await start.CreateAsync(by, new CampaignPlan(province.Id, front.Id, "Chung sức làm đường tuần tra đến các cột mốc biên giới",
            """
            Đợt vận động đặc biệt trong một năm của Ủy ban MTTQ Việt Nam tỉnh Lạng Sơn: cả hệ thống chính trị và Nhân dân cùng làm
            **122 tuyến đường tuần tra** đến các cột mốc biên giới, tổng chiều dài gần **19,3 km**.
            """, today.AddDays(-400), today.AddDays(-35), taking), ct);
        var money = await start.AddGoalAsync(by, id, new GoalPlan(GoalKind.Money, "Tiền mặt", null, 45_000_000m), ct);
        var labour = await start.AddGoalAsync(by, id, new GoalPlan(GoalKind.LabourDays, "Ngày công", null, 150m), ct);
        var land = await start.AddGoalAsync(by, id, new GoalPlan(GoalKind.Land, "Hiến đất làm đường", null, 600m), ct);
        var length = await start.AddGoalAsync(by, id, new GoalPlan(GoalKind.Length, "Đường tuần tra hoàn thành (122 tuyến)", null, 19.3m), ct);
        await start.OpenAsync(by, id, ct);
        var names = new[]
        {
            ("Hoàng Văn Nam", "Hộ ông Hoàng Văn Nam"), ("Lăng Thị Dung", "Hộ bà Lăng Thị Dung"), ("Vy Văn Thắng", "Hộ ông Vy Văn Thắng"),
            ("Chu Văn Lành", "Hộ ông Chu Văn Lành"), ("Nông Thị Hiền", "Hộ bà Nông Thị Hiền"), ("Đàm Văn Quý", "Hộ ông Đàm Văn Quý"),
            ("Lý Thị Mến", "Hộ bà Lý Thị Mến"), ("Hứa Văn Páo", "Hộ ông Hứa Văn Páo"), ("Triệu Văn Sơn", "Hộ ông Triệu Văn Sơn"),
            ("Mã Thị Lan", "Hộ bà Mã Thị Lan"), ("La Văn Cường", "Hộ ông La Văn Cường"), ("Hoàng Thị Thơm", "Hộ bà Hoàng Thị Thơm"),
        };
        var n = 0;
        foreach (var village in taking)
        {
            await Service(now.AddDays(-395)).RecordDecisionAsync(by, id, new DecisionRecord(village, DecisionMethod.Meeting, 60, 52, 5, 3, today.AddDays(-396)), ct: ct);
            for (var i = 0; i < 3; i++, n++)
            {
                var (name, household) = names[n % names.Length];
                var pledge = await Service(now.AddDays(-380 + n)).RecordPledgeAsync(by, id, village,
                    new PledgerInfo(name, true, household, n % 4 == 3 ? PledgeVisibility.Anonymous : PledgeVisibility.Household, null),
                    [new PledgeAmount(money, 3_000_000m + 500_000m * (n % 5)), new PledgeAmount(labour, 10m + n % 7), new PledgeAmount(land, 40m + 5 * (n % 6))], Guid.NewGuid(), ct: ct);
                await Service(now.AddDays(-370 + n)).ConfirmAsync(by, pledge.PledgeId, ct);
                await Service(now.AddDays(-200 + n)).FulfilAsync(by, pledge.PledgeId, new Dictionary<int, decimal>(), ct);
            }
        }
        await Service(now.AddDays(-40)).RecordAchievedAsync(by, length, 19.28m, ct);
        await Service(now.AddDays(-38)).PostAsync(by, id, CampaignPostKind.Milestone, "Hoàn thành 122 tuyến đường tuần tra",
            "Sau một năm, 122 tuyến đường tuần tra với tổng chiều dài 19,28 km đã hoàn thành và bàn giao cho lực lượng biên phòng.", ct: ct);
        await Service(now.AddDays(-35)).CloseAsync(by, id, ct);
        await Service(now.AddDays(-30)).CompleteAsync(by, id, ct);
    }
}
