using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Domain.Accounts;
using Portal.Domain.Data;
using Portal.Domain.Dialogues;
using Portal.Domain.Search;
using Portal.Domain.Units;

/// <summary>
/// Search latency over N generated questions (default 1,000,000; 40% answered, so 1.4 N searchable texts with the
/// answers) in 20 communes of one province. Texts are 12–24 words drawn from a Vietnamese vocabulary of rural
/// public-works words. The search indexes are dropped for the bulk insert and rebuilt from their own definitions
/// (the build is timed too), then every query of a fixed set runs 5 times after a warm-up, through SearchService
/// exactly as the page calls it.
/// </summary>
static class SearchBench
{
    private static readonly string[] Vocabulary =
    [
        "đường", "giao", "thông", "nông", "thôn", "sạt", "lở", "mưa", "lũ", "cầu", "treo", "suối", "cống", "thoát", "nước", "chợ", "trường",
        "học", "trạm", "y", "tế", "điện", "chiếu", "sáng", "đất", "đai", "rừng", "ruộng", "lúa", "ngô", "giống", "phân", "bón", "vay", "vốn",
        "hộ", "nghèo", "bảo", "hiểm", "xã", "hội", "người", "cao", "tuổi", "trẻ", "em", "nhà", "văn", "hóa", "sân", "bóng", "rác", "thải",
        "môi", "trường", "ô", "nhiễm", "giếng", "khoan", "bể", "chứa", "kênh", "mương", "thủy", "lợi", "đê", "kè", "bê", "tông", "hóa",
        "xin", "đề", "nghị", "sửa", "chữa", "xây", "dựng", "hỗ", "trợ", "khắc", "phục", "sớm", "kịp", "thời", "bà", "con", "thôn", "bản",
        "hư", "hỏng", "xuống", "cấp", "nặng", "ngập", "úng", "tắc", "nghẽn", "mất", "an", "toàn", "học", "sinh", "qua", "lại", "khó", "khăn",
    ];

    private static readonly (string Name, string Text, bool Scoped)[] Queries =
    [
        ("không dấu, 3 từ", "duong sat lo", false),
        ("có dấu, 3 từ", "đường sạt lở", false),
        ("gõ sai một chữ", "duongg sat lo", false),
        ("một từ phổ biến", "cau", false),
        ("cụm 5 từ", "xin sua chua cau treo", false),
        ("không dấu, trong một xã", "duong sat lo", true),
        ("gõ sai, trong một xã", "khac phucc cong thoat nuooc", true),
        ("không có kết quả", "tàu vũ trụ", false),
    ];

    public static async Task<int> RunAsync(int rows)
    {
        await using var pg = await EmbeddedPostgres.StartThrowawayAsync(_ => { });
        await pg.EnsureDatabaseAsync("portal_search");
        var cs = pg.ConnectionString("portal_search");
        var dbs = new Factory(cs);
        await using (var db = dbs.CreateDbContext()) await db.Database.MigrateAsync();
        NpgsqlConnection.ClearAllPools();
        var clock = TimeProvider.System;
        var csv = "20,Lạng Sơn,Province,\n" + string.Join("\n", Enumerable.Range(0, 20).Select(i => $"{10000 + i},Xã số {i},Commune,20\n,Thôn {i},Village,{10000 + i}"));
        await new UnitService(dbs, clock).ImportAsync(Actor.System, UnitFileParser.ParseCsv(csv));
        var agencies = new AgencyService(dbs, clock);
        var dialogue = new DialogueService(dbs, clock, new Portal.Domain.PortalLinks("http://bench"));
        var conferences = new List<int>();
        List<(int Commune, int Village)> places;
        await using (var db = dbs.CreateDbContext())
            places = (await db.Units.Where(u => u.Level == UnitLevel.Village).Select(u => new { Commune = u.ParentId!.Value, Village = u.Id }).ToListAsync())
                .Select(p => (p.Commune, p.Village)).OrderBy(p => p.Commune).ToList();
        var now = clock.GetUtcNow();
        foreach (var (commune, _) in places)
        {
            var committee = await agencies.CreateAsync(Actor.System, $"UBND xã {commune}", AgencyKind.PeoplesCommittee, commune, null);
            var plan = new ConferencePlan(commune, $"Đối thoại với nhân dân xã {commune}", "Lắng nghe ý kiến về giao thông, thủy lợi, môi trường.",
                ["Giao thông"], "Chủ tịch UBND xã", committee, null, now.AddDays(30), "Hội trường xã", null, now.AddDays(-1), now.AddDays(20),
                ModerationMode.PostModeration);
            var id = await dialogue.PlanAsync(Actor.System, plan);
            await dialogue.AnnounceAsync(Actor.System, id);
            conferences.Add(id);
        }
        string author;
        await using (var db = dbs.CreateDbContext())
        {
            var user = new PortalUser { UserName = "bench@bench.test", NormalizedUserName = "BENCH@BENCH.TEST", Email = "bench@bench.test",
                NormalizedEmail = "BENCH@BENCH.TEST", EmailConfirmed = true, DisplayName = "Bench", SecurityStamp = Guid.NewGuid().ToString() };
            db.Users.Add(user);
            await db.SaveChangesAsync();
            author = user.Id;
        }

        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        var indexes = new List<(string Name, string Definition)>();
        await using (var list = new NpgsqlCommand("SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE 'ix_%search_fts'", conn))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        foreach (var (name, _) in indexes) await Exec(conn, $"DROP INDEX {name}");

        var fill = Stopwatch.StartNew();
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO questions (conference_id, village_id, topic, body, visibility, author_id, client_request_id, state, support_count,
                received_at, answer_markdown, answered_at, answered_live, times_reopened)
            SELECT (@conferences)[1 + g % 20], (@villages)[1 + g % 20], 'Giao thông',
                   (SELECT string_agg((@words)[1 + floor(random() * array_length(@words, 1))::int], ' ') FROM generate_series(1, 12 + g % 13) w WHERE g > 0),
                   2, @author, gen_random_uuid(), CASE WHEN g % 5 < 2 THEN 6 ELSE 2 END, g % 7, @now - (g % 300) * interval '1 hour',
                   CASE WHEN g % 5 < 2 THEN (SELECT 'Trả lời: ' || string_agg((@words)[1 + floor(random() * array_length(@words, 1))::int], ' ') FROM generate_series(1, 20) w WHERE g > 0) END,
                   CASE WHEN g % 5 < 2 THEN @now END, false, 0
            FROM generate_series(1, @rows) g
            """, conn))
        {
            cmd.Parameters.AddWithValue("conferences", conferences.ToArray());
            cmd.Parameters.AddWithValue("villages", places.Select(p => p.Village).ToArray());
            cmd.Parameters.AddWithValue("words", Vocabulary);
            cmd.Parameters.AddWithValue("author", author);
            cmd.Parameters.AddWithValue("now", now);
            cmd.Parameters.AddWithValue("rows", rows);
            cmd.CommandTimeout = 3600;
            await cmd.ExecuteNonQueryAsync();
        }
        fill.Stop();
        var build = Stopwatch.StartNew();
        foreach (var (_, definition) in indexes) await Exec(conn, definition);
        await Exec(conn, "ANALYZE");
        build.Stop();
        NpgsqlConnection.ClearAllPools();

        var search = new SearchService(dbs, DialogueSearch.Sources());
        var words = Stopwatch.StartNew();
        await search.RefreshWordsAsync();
        words.Stop();
        var scope = places[7].Commune;
        Console.WriteLine($"{rows:N0} câu hỏi (questions), 40% có trả lời: nạp (insert) {fill.Elapsed.TotalSeconds:F0} s, chỉ mục (indexes) {build.Elapsed.TotalSeconds:F0} s, từ điển (search-words job) {words.Elapsed.TotalSeconds:F0} s");
        Console.WriteLine();
        Console.WriteLine("| Truy vấn (query) | Trang | Kết quả | Trung vị (median) | Lớn nhất (max) |");
        Console.WriteLine("|---|---|---|---|---|");
        var all = new List<double>();
        foreach (var (name, text, scoped) in Queries)
            foreach (var page in new[] { 1, 5 })
            {
                var query = SearchQuery.Parse(text, scoped ? scope : null, page);
                var warm = await search.SearchAsync(query);
                var times = new List<double>();
                for (var i = 0; i < 5; i++)
                {
                    var watch = Stopwatch.StartNew();
                    await search.SearchAsync(query);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
                times.Sort();
                all.AddRange(times);
                Console.WriteLine($"| {name}: `{text}` | {page} | {(warm.TotalCapped ? "> " : "")}{warm.Total:N0} | {times[2]:F0} ms | {times[^1]:F0} ms |");
            }
        all.Sort();
        Console.WriteLine($"| **Tất cả** | | | **{all[all.Count / 2]:F0} ms** | p95 {all[(int)(all.Count * 0.95)]:F0} ms |");
        return 0;
    }

    private static async Task Exec(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 3600 };
        await cmd.ExecuteNonQueryAsync();
    }
}
