using Microsoft.Extensions.Time.Testing;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Drafts;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Drafts;

/// <summary>
/// Commune A with its Front committee (agency and a FrontCommittee member), its People's Committee as the drafting agency
/// (an official member, a contact email), a moderator, two residents of A and one of commune B, and a Front committee member
/// of commune B. Agencies get unique names, so several worlds share one database.
/// </summary>
public sealed class DraftWorld
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private DraftWorld(DatabaseFixture db, FakeTimeProvider clock, SmallTree tree)
    {
        Db = db;
        Clock = clock;
        Tree = tree;
        Service = new DraftService(db, clock, new PortalLinks("https://portal.test"), hideAfterReports: 2);
        Reader = new DraftReader(db, clock);
    }

    public DatabaseFixture Db { get; }
    public FakeTimeProvider Clock { get; }
    public SmallTree Tree { get; }
    public DraftService Service { get; }
    public DraftReader Reader { get; }
    public int Front { get; private set; }
    public int Committee { get; private set; }
    public Actor Secretary { get; private set; } = null!;
    public Actor Official { get; private set; } = null!;
    public Actor Moderator { get; private set; } = null!;
    public Actor Resident { get; private set; } = null!;
    public Actor Neighbour { get; private set; } = null!;
    public Actor Outsider { get; private set; } = null!;
    public Actor OtherFront { get; private set; } = null!;

    public static async Task<DraftWorld> CreateAsync(DatabaseFixture db)
    {
        var world = new DraftWorld(db, new FakeTimeProvider(Start), await SmallTree.CreateAsync(db));
        var agencies = new AgencyService(db, world.Clock);
        var accounts = new AccountService(db, world.Clock);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        world.Front = await agencies.CreateAsync(Actor.System, "Ủy ban MTTQ xã Thất Khê " + suffix, AgencyKind.FrontCommittee, world.Tree.CommuneA, null);
        world.Committee = await agencies.CreateAsync(Actor.System, "UBND xã Thất Khê " + suffix, AgencyKind.PeoplesCommittee, world.Tree.CommuneA, $"ubnd{suffix}@xa.test");
        async Task<Actor> Person(string name, int home, StaffRole? role = null, int? unit = null, int? agency = null)
        {
            var id = await TestUsers.CreateAsync(db, name, home);
            if (role is not null) await accounts.GrantAsync(Actor.System, id, unit!.Value, role.Value);
            if (agency is not null) await agencies.AddMemberAsync(Actor.System, agency.Value, id);
            return new Actor(id, name);
        }
        world.Secretary = await Person("Lương Thị Hằng", world.Tree.VillageA1, StaffRole.FrontCommittee, world.Tree.CommuneA, world.Front);
        world.Official = await Person("Nông Văn Tuấn", world.Tree.VillageA1, StaffRole.Official, world.Tree.CommuneA, world.Committee);
        world.Moderator = await Person("Vi Thị Lan", world.Tree.VillageA1, StaffRole.Moderator, world.Tree.Province);
        world.Resident = await Person("Hoàng Thị Mai", world.Tree.VillageA1);
        world.Neighbour = await Person("Lộc Văn Sáng", world.Tree.VillageA2);
        world.Outsider = await Person("Trần Văn Bình", world.Tree.VillageB1);
        world.OtherFront = await Person("Mặt trận phường", world.Tree.VillageB1, StaffRole.FrontCommittee, world.Tree.CommuneB);
        return world;
    }

    public DraftPlan Plan(int days = 21, DraftAudience audience = DraftAudience.Residents, string title = "Kế hoạch bê tông hoá đường thôn năm 2027") =>
        new(Tree.CommuneA, Front, Committee, title, DraftKind.Plan, "Bê tông hoá các tuyến đường thôn với sự đóng góp của Nhân dân.",
            Clock.GetUtcNow(), Clock.GetUtcNow().AddDays(days), audience);

    /// <summary>A draft of commune A, published, its window open (the clock inside it).</summary>
    public async Task<int> OpenDraftAsync(int days = 21, DraftAudience audience = DraftAudience.Residents)
    {
        var id = await Service.PrepareAsync(Secretary, Plan(days, audience), DraftSectionParserTests.Regulation);
        await Service.PublishAsync(Secretary, id);
        return id;
    }

    public Task<long> CommentAsync(int draft, Actor who, string text, string? section = "dieu-3", Stance stance = Stance.Disagree, string? wording = null) =>
        Service.CommentAsync(who, draft, section, stance, text, wording, false, Guid.NewGuid());

    /// <summary>Moves past the window's close and compiles.</summary>
    public async Task<bool> CloseAsync(int draft, int days = 21)
    {
        Clock.Advance(TimeSpan.FromDays(days) + TimeSpan.FromMinutes(1));
        return await Service.CompileAsync(draft);
    }
}
