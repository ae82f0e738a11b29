using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Data;
using Portal.Domain.Drafts;
using Portal.Domain.Units;

/// <summary>
/// The window-close compilation of a draft with N comments (default 20,000) over its sections: half are two mass campaigns
/// (one text, typed with and without accents, with punctuation changes), half distinct arguments. Times the pure
/// <see cref="OpinionCompiler"/> (median of 3 after a warm-up) and the whole <see cref="DraftService.CompileAsync"/> on
/// PostgreSQL (load, compile, recommendations, notifications and emails to 300 commenters, one transaction).
/// </summary>
static class DraftCompileBench
{
    private static readonly string[] Words =
        ("đường bê tông thôn xã hộ dân hiến đất ngày công mặt rộng hẹp rãnh thoát nước mùa mưa học sinh xe máy ô tô cứu thương " +
         "hỗ trợ xi măng cát đá ngân sách tỉnh giám sát cộng đồng khối lượng chất lượng hoa màu cây cối tường rào cổng nhà " +
         "người cao tuổi hộ nghèo khuyết tật miễn giảm đóng góp tiền mức quyết định hội nghị bàn bạc công khai minh bạch tiến độ " +
         "nghiệm thu bảo trì duy tu sạt lở taluy cống ngầm tràn suối dốc khúc cua biển báo đèn chiếu sáng chợ trường trạm y tế").Split(' ');

    private const string Plan = """
        # Mục 1. Mục đích

        Bê tông hoá đường trục thôn và ngõ xóm trong năm 2027.

        # Mục 2. Quy mô

        1. Đường trục thôn rộng 3,5 m.
        2. Đường ngõ xóm rộng 2,5 m.

        # Mục 3. Đóng góp của Nhân dân

        1. Hiến đất mở rộng nền đường.
        2. Mỗi lao động góp 5 ngày công.

        # Mục 4. Hỗ trợ của Nhà nước

        Ngân sách hỗ trợ xi măng, cát, đá.

        # Mục 5. Tổ chức thực hiện

        Ban phát triển thôn lập danh sách và báo cáo xã.
        """;

    public static async Task<int> RunAsync(int comments)
    {
        var sections = DraftSectionParser.Parse(Plan);
        var opinions = Opinions(comments, sections);
        OpinionCompiler.Compile("bench", sections, opinions); // warm-up
        var runs = Enumerable.Range(0, 3).Select(_ =>
        {
            var watch = Stopwatch.StartNew();
            var result = OpinionCompiler.Compile("bench", sections, opinions);
            watch.Stop();
            return (watch.Elapsed, result);
        }).OrderBy(r => r.Elapsed).ToList();
        var pure = runs[1];

        await using var pg = await EmbeddedPostgres.StartThrowawayAsync(_ => { });
        await pg.EnsureDatabaseAsync("portal_drafts");
        var cs = pg.ConnectionString("portal_drafts");
        var dbs = new Factory(cs);
        await using (var db = dbs.CreateDbContext()) await db.Database.MigrateAsync();
        NpgsqlConnection.ClearAllPools();
        var start = new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
        var clock = new FixedClock(start);
        await new UnitService(dbs, clock).ImportAsync(Actor.System, UnitFileParser.ParseCsv("20,Lạng Sơn,Province,\n06040,Thất Khê,Commune,20\n,Thôn Nà Sla,Village,06040"));
        await new Portal.Domain.Deadlines.DeadlineService(dbs, clock).SeedAsync();
        int commune, village;
        await using (var db = dbs.CreateDbContext())
            (commune, village) = (await db.Units.Where(u => u.Code == "06040").Select(u => u.Id).SingleAsync(), await db.Units.Where(u => u.Name == "Thôn Nà Sla").Select(u => u.Id).SingleAsync());
        var agencies = new AgencyService(dbs, clock);
        var front = await agencies.CreateAsync(Actor.System, "Ủy ban MTTQ xã", AgencyKind.FrontCommittee, commune, null);
        var committee = await agencies.CreateAsync(Actor.System, "UBND xã", AgencyKind.PeoplesCommittee, commune, "ubnd@bench.test");
        var service = new DraftService(dbs, clock, new PortalLinks("http://localhost"));
        var draft = await service.PrepareAsync(Actor.System, new DraftPlan(commune, front, committee, "Kế hoạch bê tông hoá đường thôn", DraftKind.Plan, null,
            start, start.AddDays(21), DraftAudience.Residents), Plan);
        await service.PublishAsync(Actor.System, draft);
        var authors = new List<string>();
        await using (var db = dbs.CreateDbContext())
        {
            for (var i = 0; i < 300; i++)
            {
                var email = $"dan{i}@bench.test";
                var user = new PortalUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                    EmailConfirmed = true, DisplayName = $"Người dân {i}", HomeUnitId = village, SecurityStamp = Guid.NewGuid().ToString() };
                db.Users.Add(user);
                authors.Add(user.Id);
            }
            await db.SaveChangesAsync();
        }
        int version;
        await using (var db = dbs.CreateDbContext()) version = await db.DraftVersions.Where(v => v.DraftId == draft).Select(v => v.Id).SingleAsync();
        await using (var conn = new NpgsqlConnection(cs))
        {
            await conn.OpenAsync();
            await using var copy = await conn.BeginBinaryImportAsync(
                "COPY draft_comments (draft_id, version_id, section_anchor, stance, body, proposed_wording, author_id, state, support_count, created_at, client_request_id) FROM STDIN (FORMAT BINARY)");
            var n = 0;
            foreach (var o in opinions)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(draft);
                await copy.WriteAsync(version);
                await copy.WriteAsync(o.SectionAnchor);
                await copy.WriteAsync((short)o.Stance);
                await copy.WriteAsync(o.Text);
                await copy.WriteAsync(o.ProposedWording);
                await copy.WriteAsync(authors[n++ % authors.Count]);
                await copy.WriteAsync((short)CommentState.Published);
                await copy.WriteAsync(o.Supports);
                await copy.WriteAsync(start.AddHours(1), NpgsqlTypes.NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(Guid.NewGuid());
            }
            await copy.CompleteAsync();
        }
        clock.Now = start.AddDays(21).AddMinutes(1);
        var whole = Stopwatch.StartNew();
        var compiled = await service.CompileAsync(draft);
        whole.Stop();
        int recommendations, emails;
        await using (var db = dbs.CreateDbContext())
            (recommendations, emails) = (await db.CriticismRecommendations.CountAsync(r => r.DraftId == draft), await db.Outbox.CountAsync());
        if (!compiled || await service.CompileAsync(draft)) throw new InvalidOperationException("compiled not exactly once");

        Console.WriteLine($"| draft compilation, {comments:N0} comments over {sections.Count} sections | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| OpinionCompiler.Compile (pure, median of 3) | {pure.Elapsed.TotalMilliseconds:F0} ms |");
        Console.WriteLine($"| clusters after collapsing near-identical comments | {pure.result.Sections.Sum(s => s.Clusters.Count):N0} |");
        Console.WriteLine($"| DraftService.CompileAsync on PostgreSQL (load, compile, {recommendations} recommendations, {emails} emails, one transaction) | {whole.Elapsed.TotalMilliseconds:F0} ms |");
        return 0;
    }

    private static List<Opinion> Opinions(int count, IReadOnlyList<DraftSection> sections)
    {
        var random = new Random(2026);
        var campaign = "Mặt đường trục thôn 3,5 m là quá rộng, nhiều hộ phải hiến quá nhiều đất; đề nghị giảm xuống 3 m.";
        var second = "Đề nghị Nhà nước hỗ trợ toàn bộ xi măng và đá, Nhân dân chỉ góp ngày công.";
        var list = new List<Opinion>(count);
        for (var i = 0; i < count; i++)
        {
            var section = sections[random.Next(sections.Count)].Anchor;
            var kind = i % 10;
            string text;
            Stance stance;
            if (kind < 4)
            {
                text = (i % 3) switch { 0 => campaign, 1 => DuplicateFold(campaign), _ => campaign.Replace(";", ",") + "!" };
                (section, stance) = ("muc-2-k1", Stance.Disagree);
            }
            else if (kind == 4)
            {
                (text, section, stance) = (second, "muc-4", Stance.ProposeAmendment);
            }
            else
            {
                text = string.Join(' ', Enumerable.Range(0, random.Next(12, 26)).Select(_ => Words[random.Next(Words.Length)])) + ".";
                stance = (Stance)random.Next(1, 4);
            }
            list.Add(new Opinion(i + 1, section, stance, text, stance == Stance.ProposeAmendment && kind > 4 ? text : null, random.Next(0, 5)));
        }
        return list;
    }

    private static string DuplicateFold(string text) => Portal.Domain.Dialogues.DuplicateScorer.Fold(text);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
