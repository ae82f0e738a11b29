using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Dialogues;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Dialogues;

/// <summary>A commune (A) with a People's Committee, a roads board routed "Giao thông", a leader, a moderator, an official of
/// the roads board, two residents, an official of commune B and a provincial leader; and a conference of A, announced, with
/// its question window open (the clock stands inside it).</summary>
public sealed record AnnouncedConference(DialogueService Service, FakeTimeProvider Clock, SmallTree Tree, int Conference, int Committee, int Roads,
        Actor Leader, Actor Moderator, Actor Official, Actor Resident, Actor Neighbour, Actor OtherOfficial, Actor ProvinceLeader)
{
    public static readonly DateTimeOffset Planned = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    public static async Task<AnnouncedConference> CreateAsync(DatabaseFixture db)
    {
        var clock = new FakeTimeProvider(Planned);
        var service = new DialogueService(db, clock, new PortalLinks("https://portal.test"));
        var tree = await SmallTree.CreateAsync(db);
        var agencies = new AgencyService(db, clock);
        var accounts = new AccountService(db, clock);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var committee = await agencies.CreateAsync(Actor.System, "UBND xã Thất Khê " + suffix, AgencyKind.PeoplesCommittee, tree.CommuneA, null);
        var roads = await agencies.CreateAsync(Actor.System, "Ban giao thông " + suffix, AgencyKind.SpecialisedDepartment, tree.CommuneA, null);
        var otherCommittee = await agencies.CreateAsync(Actor.System, "UBND phường Đông Kinh " + suffix, AgencyKind.PeoplesCommittee, tree.CommuneB, null);
        async Task<Actor> Person(string name, StaffRole? role = null, int? unit = null, int? agency = null)
        {
            var id = await TestUsers.CreateAsync(db, name, tree.VillageA1);
            if (role is not null) await accounts.GrantAsync(Actor.System, id, unit!.Value, role.Value);
            if (agency is not null) await agencies.AddMemberAsync(Actor.System, agency.Value, id);
            return new Actor(id, name);
        }
        var leader = await Person("Chủ tịch xã", StaffRole.Leader, tree.CommuneA);
        var world = new AnnouncedConference(service, clock, tree, 0, committee, roads, leader,
            await Person("Kiểm duyệt", StaffRole.Moderator, tree.CommuneA),
            await Person("Cán bộ giao thông", StaffRole.Official, tree.CommuneA, roads),
            await Person("Hoàng Thị Mai"), await Person("Lộc Văn Sáng"),
            await Person("Cán bộ phường", StaffRole.Official, tree.CommuneB, otherCommittee),
            await Person("Chủ tịch tỉnh", StaffRole.Leader, tree.Province));
        await using (var ctx = db.CreateDbContext())
        {
            // Tests of this class share the database (and the small tree): the last arrangement's rule wins.
            var rule = await ctx.RoutingRules.SingleOrDefaultAsync(r => r.UnitId == tree.CommuneA && r.Topic == "Giao thông");
            if (rule is null) ctx.RoutingRules.Add(new RoutingRule(tree.CommuneA, "Giao thông", roads));
            else rule.AgencyId = roads;
            await ctx.SaveChangesAsync();
        }
        var plan = ConferenceRulesTests.Plan(Planned.AddDays(30), tree.CommuneA, committee);
        var conference = await service.PlanAsync(leader, plan);
        await service.AnnounceAsync(leader, conference);
        clock.SetUtcNow(plan.QuestionsOpenAt.AddHours(1));
        return world with { Conference = conference };
    }
}
