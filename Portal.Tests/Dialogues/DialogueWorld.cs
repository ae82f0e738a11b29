using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Data;
using Portal.Domain.Dialogues;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Dialogues;

/// <summary>
/// Arranges dialogue conferences through the real services: the small tree, a commune committee and a roads board,
/// a leader, a moderator, a roads official and a village head of Nà Sla. Agencies get unique names, so several worlds
/// can share one database.
/// </summary>
public sealed class DialogueWorld
{
    private readonly IDbContextFactory<PortalDb> _db;
    private readonly AccountService _accounts;

    private DialogueWorld(IDbContextFactory<PortalDb> db, TimeProvider clock, SmallTree tree)
    {
        _db = db;
        Clock = clock;
        Tree = tree;
        Service = new DialogueService(db, clock, new PortalLinks("https://portal.test"));
        Reader = new DialogueReader(db, clock);
        _accounts = new AccountService(db, clock);
    }

    public TimeProvider Clock { get; }
    public SmallTree Tree { get; }
    public DialogueService Service { get; }
    public DialogueReader Reader { get; }
    public int Committee { get; private set; }
    public int Roads { get; private set; }
    public Actor Leader { get; private set; } = null!;
    public Actor Moderator { get; private set; } = null!;
    public Actor Official { get; private set; } = null!;
    public Actor VillageHead { get; private set; } = null!;

    public static async Task<DialogueWorld> CreateAsync(IDbContextFactory<PortalDb> db, TimeProvider clock)
    {
        var world = new DialogueWorld(db, clock, await SmallTree.CreateAsync(db));
        var agencies = new AgencyService(db, clock);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        world.Committee = await agencies.CreateAsync(Actor.System, "UBND xã Thất Khê " + suffix, AgencyKind.PeoplesCommittee, world.Tree.CommuneA, null);
        world.Roads = await agencies.CreateAsync(Actor.System, "Ban giao thông " + suffix, AgencyKind.SpecialisedDepartment, world.Tree.CommuneA, null);
        world.Leader = await world.PersonAsync("Chủ tịch xã", StaffRole.Leader, world.Tree.CommuneA);
        world.Moderator = await world.PersonAsync("Kiểm duyệt viên", StaffRole.Moderator, world.Tree.CommuneA);
        world.Official = await world.PersonAsync("Cán bộ giao thông", StaffRole.Official, world.Tree.CommuneA);
        await agencies.AddMemberAsync(Actor.System, world.Roads, world.Official.UserId!);
        world.VillageHead = await world.PersonAsync("Trưởng thôn Nà Sla", StaffRole.VillageHead, world.Tree.VillageA1);
        return world;
    }

    /// <summary>A resident living in Nà Sla unless told otherwise.</summary>
    public async Task<Actor> PersonAsync(string name, StaffRole? role = null, int? roleUnit = null, int? home = null)
    {
        var id = await TestUsers.CreateAsync(_db, name, home ?? Tree.VillageA1);
        if (role is not null) await _accounts.GrantAsync(Actor.System, id, roleUnit!.Value, role.Value);
        return new Actor(id, name);
    }

    /// <summary>A conference of commune A announced 30 days ahead whose question window is already open.</summary>
    public async Task<int> OpenConferenceAsync(ModerationMode moderation = ModerationMode.PreModeration, string title = "Đối thoại về giao thông nông thôn")
    {
        var now = Clock.GetUtcNow();
        return await AnnouncedAsync(Plan(now.AddDays(30), now.AddDays(-1), now.AddDays(28), moderation, title));
    }

    public ConferencePlan Plan(DateTimeOffset startsAt, DateTimeOffset opensAt, DateTimeOffset closesAt,
        ModerationMode moderation = ModerationMode.PreModeration, string title = "Đối thoại về giao thông nông thôn", int? unit = null, int? organiser = null) =>
        new(unit ?? Tree.CommuneA, title, "Lắng nghe ý kiến của bà con về đường sá.", ["Giao thông", "Đất đai"],
            "Đồng chí Hoàng Văn Thành, Chủ tịch UBND xã", organiser ?? Committee, null, startsAt, "Hội trường UBND xã Thất Khê",
            "https://meet.example/thatkhe", opensAt, closesAt, moderation);

    /// <summary>Planned and announced by the commune's leader (by the system for another unit).</summary>
    public async Task<int> AnnouncedAsync(ConferencePlan plan)
    {
        var by = plan.UnitId == Tree.CommuneA ? Leader : Actor.System;
        var id = await Service.PlanAsync(by, plan);
        await Service.AnnounceAsync(by, id);
        return id;
    }

    public Task<long> AskAsync(int conference, Actor who, string text, AuthorVisibility visibility = AuthorVisibility.InitialsAndVillage,
        string topic = "Giao thông", int? village = null) =>
        Service.AskAsync(who, conference, village ?? Tree.VillageA1, topic, text, visibility, Guid.NewGuid());
}
