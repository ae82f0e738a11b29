using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Data;
using Portal.Domain.Dialogues;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Dialogues.Staff;

/// <summary>
/// Two communes, each with a People's Committee and a conference open for questions; commune A also has a roads board that
/// receives "Giao thông" questions. One person per staff role, and a resident of village A1. Every call builds its own
/// agencies, people and conferences, so tests sharing a database never see each other's data.
/// </summary>
public sealed record StaffWorld(DialogueService Service, StaffDialogueReader Reader, TimeProvider Clock, SmallTree Tree,
    int ConferenceA, int ConferenceB, int CommitteeA, int FrontA, int Roads, int CommitteeB,
    Actor LeaderA, Actor ModeratorA, Actor ModeratorB, Actor RoadsOfficial, Actor CommitteeOfficial, Actor OfficialB, Actor Resident)
{
    public const string Road = "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn, xe máy không qua được";

    /// <param name="createUser">Creates an account from a display name and returns its id (tests that sign in give passwords).</param>
    public static async Task<StaffWorld> CreateAsync(IDbContextFactory<PortalDb> dbs, TimeProvider clock,
        Func<string, int?, Task<string>>? createUser = null, bool openWindow = true)
    {
        createUser ??= (name, home) => TestUsers.CreateAsync(dbs, name, home);
        var service = new DialogueService(dbs, clock, new PortalLinks("https://portal.test"));
        var tree = await SmallTree.CreateAsync(dbs);
        var agencies = new AgencyService(dbs, clock);
        var accounts = new AccountService(dbs, clock);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var committeeA = await agencies.CreateAsync(Actor.System, "UBND xã Thất Khê " + tag, AgencyKind.PeoplesCommittee, tree.CommuneA, null);
        var frontA = await agencies.CreateAsync(Actor.System, "MTTQ xã Thất Khê " + tag, AgencyKind.FrontCommittee, tree.CommuneA, null);
        var roads = await agencies.CreateAsync(Actor.System, "Ban giao thông " + tag, AgencyKind.SpecialisedDepartment, tree.CommuneA, null);
        var committeeB = await agencies.CreateAsync(Actor.System, "UBND phường Đông Kinh " + tag, AgencyKind.PeoplesCommittee, tree.CommuneB, null);
        async Task<Actor> Person(string name, StaffRole? role = null, int? unit = null, int? agency = null)
        {
            var id = await createUser(name, tree.VillageA1);
            if (role is not null) await accounts.GrantAsync(Actor.System, id, unit!.Value, role.Value);
            if (agency is not null) await agencies.AddMemberAsync(Actor.System, agency.Value, id);
            return new Actor(id, name);
        }
        await using (var db = await dbs.CreateDbContextAsync())
        {
            // The tree is shared by the tests of a class: the latest world's roads board takes the topic.
            var rule = await db.RoutingRules.SingleOrDefaultAsync(r => r.UnitId == tree.CommuneA && r.Topic == "Giao thông");
            if (rule is null) db.RoutingRules.Add(new RoutingRule(tree.CommuneA, "Giao thông", roads));
            else rule.AgencyId = roads;
            await db.SaveChangesAsync();
        }
        var leaderA = await Person("Hoàng Văn Thành " + tag, StaffRole.Leader, tree.CommuneA, committeeA);
        var leaderB = await Person("Chủ tịch phường " + tag, StaffRole.Leader, tree.CommuneB, committeeB);
        var now = clock.GetUtcNow();
        var start = now.AddDays(30);
        ConferencePlan Plan(int unit, int organiser, int? front) => new(unit, "Đối thoại về giao thông nông thôn " + tag, null,
            ["Giao thông", "Đất đai"], "Đồng chí Hoàng Văn Thành, Chủ tịch UBND xã", organiser, front, start, "Hội trường UBND xã", null,
            openWindow ? now.AddHours(-1) : now.AddDays(10), start.AddDays(-2), ModerationMode.PreModeration);
        var conferenceA = await service.PlanAsync(leaderA, Plan(tree.CommuneA, committeeA, frontA));
        var conferenceB = await service.PlanAsync(leaderB, Plan(tree.CommuneB, committeeB, null));
        await service.AnnounceAsync(leaderA, conferenceA);
        await service.AnnounceAsync(leaderB, conferenceB);
        return new StaffWorld(service, new StaffDialogueReader(dbs, clock), clock, tree, conferenceA, conferenceB, committeeA, frontA, roads, committeeB,
            leaderA,
            await Person("Vi Thị Lan " + tag, StaffRole.Moderator, tree.CommuneA),
            await Person("Kiểm duyệt phường " + tag, StaffRole.Moderator, tree.CommuneB),
            await Person("Nông Văn Tuấn " + tag, StaffRole.Official, tree.CommuneA, roads),
            await Person("Cán bộ văn phòng " + tag, StaffRole.Official, tree.CommuneA, committeeA),
            await Person("Cán bộ phường " + tag, StaffRole.Official, tree.CommuneB, committeeB),
            await Person("Hoàng Thị Mai " + tag));
    }

    public Task<long> AskAsync(string text = Road, string topic = "Giao thông", Actor? who = null, int? village = null) =>
        Service.AskAsync(who ?? Resident, ConferenceA, village ?? Tree.VillageA1, topic, text, AuthorVisibility.InitialsAndVillage, Guid.NewGuid());
}
