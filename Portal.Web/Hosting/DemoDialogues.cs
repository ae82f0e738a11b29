using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Data;
using Portal.Domain.Dialogues;
using Portal.Domain.Units;

namespace Portal.Web.Hosting;

/// <summary>
/// Development-only dialogue history in Xã Thất Khê, made through the real services so every rule, deadline, audit entry and
/// email happens as it would: one conference open for questions (questions, supports, a merged pair) and one held
/// conference with answers, two commitments (one done, one overdue) and published results. Past steps run on a clock
/// set back to when they would have happened. Idempotent: skipped when Thất Khê already has a conference.
/// </summary>
public sealed class DemoDialogues(IDbContextFactory<PortalDb> dbs, PortalLinks links, TimeProvider clock)
{
    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var commune = await db.Units.SingleAsync(u => u.Code == "06040", ct);
        if (await db.Conferences.AnyAsync(c => c.UnitId == commune.Id, ct)) return;
        var villages = await db.Units.Where(u => u.ParentId == commune.Id).ToDictionaryAsync(u => u.Name, u => u.Id, ct);
        var committee = await db.Agencies.SingleAsync(a => a.UnitId == commune.Id && a.Kind == AgencyKind.PeoplesCommittee, ct);
        var front = await db.Agencies.SingleAsync(a => a.UnitId == commune.Id && a.Kind == AgencyKind.FrontCommittee, ct);
        var roads = await db.Agencies.SingleAsync(a => a.Name == "Sở Xây dựng tỉnh Lạng Sơn", ct);
        Actor Person(string email) => db.Users.Where(u => u.Email == email).AsEnumerable().Select(u => new Actor(u.Id, u.DisplayName)).Single();
        var (resident, head, official, leader, moderator) = (Person("dan@demo.test"), Person("truongthon@demo.test"),
            Person("canbo@demo.test"), Person("lanhdao@demo.test"), Person("kiemduyet@demo.test"));
        if (!await db.RoutingRules.AnyAsync(r => r.UnitId == commune.Id, ct))
        {
            db.RoutingRules.Add(new RoutingRule(commune.Id, "Giao thông", committee.Id));
            await db.SaveChangesAsync(ct);
        }
        var now = clock.GetUtcNow();
        DialogueService Service(DateTimeOffset at) => new(dbs, new At(at), links);
        // Conference times fall on the hour in Vietnam (08:00 on the day), as a commune would set them.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Portal.Domain.Deadlines.DeadlineCalculator.VietnamTime).DateTime);
        DateTimeOffset Day(int offset, int hour = 8) => new(today.AddDays(offset).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(7));

        // A conference held ten days ago, with its results published.
        var heldStart = Day(-10);
        var held = await Service(now.AddDays(-40)).PlanAsync(leader, new ConferencePlan(commune.Id,
            "Đối thoại với Nhân dân về xây dựng nông thôn mới năm 2026", "Chủ tịch UBND xã đối thoại trực tiếp với Nhân dân về giao thông, đất đai và y tế.",
            ["Giao thông", "Đất đai", "Y tế"], "Đồng chí Hoàng Văn Thành, Chủ tịch UBND xã; Đồng chí Lương Thị Hằng, Chủ tịch Ủy ban MTTQ xã",
            committee.Id, front.Id, heldStart, "Hội trường UBND xã Thất Khê", null, Day(-35), Day(-12, 17), ModerationMode.PreModeration), ct);
        await Service(now.AddDays(-40)).AnnounceAsync(leader, held, null, ct);
        var road = await Service(now.AddDays(-30)).AskAsync(resident, held, villages["Thôn Nà Sla"], "Giao thông",
            "Đường từ thôn Nà Sla ra trung tâm xã bị sạt lở taluy sau mưa lớn tháng 8, xe máy đi lại rất nguy hiểm. Đề nghị xã sớm khắc phục.",
            AuthorVisibility.InitialsAndVillage, Guid.NewGuid(), ct: ct);
        var health = await Service(now.AddDays(-29)).AskAsync(head, held, villages["Thôn Nà Sla"], "Y tế",
            "Trạm y tế xã thường thiếu thuốc điều trị huyết áp cho người cao tuổi; bà con phải đi xa mua thuốc.",
            AuthorVisibility.FullName, Guid.NewGuid(), new RelayedFor("Nông Thị Lý", null), ct: ct);
        var land = await Service(now.AddDays(-28)).AskAsync(resident, held, villages["Thôn Pò Mã"], "Đất đai",
            "Hộ tôi đã nộp hồ sơ cấp giấy chứng nhận quyền sử dụng đất từ năm ngoái nhưng chưa được giải quyết, đề nghị cho biết lý do.",
            AuthorVisibility.Anonymous, Guid.NewGuid(), ct: ct);
        await Service(now.AddDays(-27)).SupportAsync(head, road, true, ct);
        await Service(now.AddDays(-27)).SupportAsync(official, road, true, ct);
        await Service(now.AddDays(-26)).AcceptAsync(moderator, road, null, ct);
        await Service(now.AddDays(-26)).AcceptAsync(moderator, health, null, ct);
        await new WindowCloser(dbs, new At(Day(-12, 18)), links).RunAsync(ct);
        var live = Service(heldStart.AddHours(1));
        await live.GoLiveAsync(leader, road, ct);
        await live.RecordLiveAnswerAsync(leader, road,
            "Chủ tịch UBND xã trả lời: xã đã khảo sát đoạn sạt lở dài 200 m; sẽ gia cố taluy bằng rọ đá và làm rãnh thoát nước trước mùa mưa năm sau.",
            [new CommitmentPlan("Gia cố 200 m taluy đường Nà Sla bằng rọ đá", committee.Id, now.AddDays(-2)),
             new CommitmentPlan("Làm rãnh thoát nước dọc tuyến đường Nà Sla", committee.Id, now.AddDays(60))], ct);
        await Service(heldStart.AddHours(3)).MarkHeldAsync(leader, held, ct);
        await Service(now.AddDays(-8)).AnswerAsync(official, health,
            "Trạm y tế xã đã bổ sung **thuốc điều trị tăng huyết áp** theo danh mục bảo hiểm y tế từ ngày 15; người cao tuổi được cấp thuốc định kỳ hằng tháng tại trạm.",
            [], ct: ct);
        await Service(now.AddDays(-7)).AnswerAsync(official, land,
            "Hồ sơ của hộ gia đình còn thiếu bản đo đạc địa chính. Văn phòng đăng ký đất đai sẽ liên hệ để bổ sung trong tháng này.", [], ct: ct);
        await Service(now.AddDays(-5)).PublishResultsAsync(leader, held, ct);
        await Service(now.AddDays(-4)).RateAsync(head, health, Satisfaction.Satisfied, null, ct);
        var commitments = await db.Commitments.Where(c => c.QuestionId == road).OrderBy(c => c.DueAt).Select(c => c.Id).ToListAsync(ct);
        await Service(now.AddDays(-3)).ReportProgressAsync(Actor.System, commitments[1], 100,
            "Đã đào xong **1,2 km rãnh thoát nước** dọc tuyến; nghiệm thu cùng Ban giám sát đầu tư của cộng đồng thôn Nà Sla.", ct: ct);
        await Service(now.AddDays(-2)).ReportProgressAsync(Actor.System, commitments[0], 40,
            "Đã tập kết rọ đá và gia cố 80 m đầu tuyến; phần còn lại chờ hết mưa để thi công.", ct: ct);

        // A conference open for questions now.
        var open = await Service(now.AddDays(-6)).PlanAsync(leader, new ConferencePlan(commune.Id,
            "Đối thoại về chuẩn bị Ngày hội Đại đoàn kết và kế hoạch năm 2027", null,
            ["Giao thông", "Điện chiếu sáng", "Văn hóa - xã hội"], "Đồng chí Hoàng Văn Thành, Chủ tịch UBND xã", committee.Id, front.Id,
            Day(20), "Nhà văn hóa thôn Nà Sla", "https://meet.example.gov.vn/thatkhe-2027", Day(-5), Day(15, 17),
            ModerationMode.PostModeration), ct);
        await Service(now.AddDays(-6)).AnnounceAsync(leader, open, null, ct);
        var light = await Service(now.AddDays(-4)).AskAsync(resident, open, villages["Thôn Nà Sla"], "Điện chiếu sáng",
            "Đề nghị lắp đèn chiếu sáng đường liên thôn từ Nà Sla đến Khau Phầy, buổi tối học sinh đi học về rất tối.",
            AuthorVisibility.FullName, Guid.NewGuid(), ct: ct);
        var lightTwin = await Service(now.AddDays(-3)).AskAsync(head, open, villages["Thôn Khau Phầy"], "Điện chiếu sáng",
            "de nghi lap den chieu sang duong lien thon Na Sla - Khau Phay vi buoi toi hoc sinh di hoc ve rat toi",
            AuthorVisibility.InitialsAndVillage, Guid.NewGuid(), ct: ct);
        await Service(now.AddDays(-3)).AskAsync(head, open, villages["Thôn Nà Sla"], "Văn hóa - xã hội",
            "Nhà văn hóa thôn Nà Sla xuống cấp, mái dột; đề nghị hỗ trợ sửa chữa trước Ngày hội Đại đoàn kết.",
            AuthorVisibility.FullName, Guid.NewGuid(), new RelayedFor("Hoàng Văn Pảo", null), ct: ct);
        await Service(now.AddDays(-2)).SupportAsync(official, light, true, ct);
        await Service(now.AddDays(-2)).SupportAsync(leader, light, true, ct);
        await Service(now.AddDays(-1)).MergeAsync(moderator, lightTwin, light, ct);
    }
}
