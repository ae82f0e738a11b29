using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Data;
using Portal.Domain.Drafts;
using Portal.Domain.Units;

namespace Portal.Web.Hosting;

/// <summary>
/// Development-only drafts in Xã Thất Khê, made through the real services (like <see cref="DemoDialogues"/>, on a clock set
/// back for past steps): a plan to concrete the village roads open for comments now, with comments of every stance and a
/// proposed wording; and a regulation of village cultural houses whose criticism document was sent and answered, with its
/// table of receipt and explanation. Idempotent: skipped when Thất Khê already has a draft.
/// </summary>
public sealed class DemoDrafts(IDbContextFactory<PortalDb> dbs, PortalLinks links, TimeProvider clock, UserManager<PortalUser> users)
{
    /// <summary>Residents of Thôn Khau Phầy who wrote demo comments: accounts without a password, not for signing in.</summary>
    public static readonly IReadOnlyList<(string Email, string Name)> Commenters =
        [("nongdan.khauphay@demo.test", "Hoàng Văn Pảo"), ("giaovien.khauphay@demo.test", "Lương Thị Thu")];

    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    internal const string RoadsPlan = """
        # Mục 1. Mục đích, yêu cầu

        Bê tông hoá toàn bộ đường trục thôn và đường ngõ xóm còn lại của 4 thôn trong năm 2027, để bà con đi lại, vận chuyển nông sản thuận lợi trong mùa mưa.

        # Mục 2. Quy mô, tiêu chuẩn kỹ thuật

        1. Đường trục thôn: mặt đường bê tông rộng 3,5 m, dày 18 cm, nền đường rộng 5 m.
        2. Đường ngõ xóm: mặt đường bê tông rộng 2,5 m, dày 16 cm.
        3. Có rãnh thoát nước dọc ở đoạn qua khu dân cư.

        # Mục 3. Đóng góp của Nhân dân

        1. Các hộ có đất liền kề tự nguyện hiến đất để mở rộng nền đường; không bồi thường về đất.
        2. Mỗi lao động từ 18 đến 60 tuổi đóng góp 5 ngày công san nền, rải đá.
        3. Hộ không góp ngày công được góp bằng tiền theo mức do hội nghị thôn quyết định.

        # Mục 4. Hỗ trợ của Nhà nước

        Ngân sách xã và tỉnh hỗ trợ xi măng, cát, đá và chi phí máy trộn; hỗ trợ cây cối, hoa màu trên phần đất hiến theo đơn giá của tỉnh.

        # Mục 5. Tổ chức thực hiện

        Ban phát triển thôn họp dân bàn, lập danh sách hộ hiến đất và ngày công, báo cáo Ủy ban nhân dân xã trong 5 ngày làm việc. Ban giám sát đầu tư của cộng đồng giám sát khối lượng và chất lượng công trình.
        """;

    internal const string CulturalHouseRules = """
        # Chương I. Quy định chung

        ## Điều 1. Phạm vi điều chỉnh

        Quy chế này quy định việc quản lý, sử dụng nhà văn hoá các thôn của xã Thất Khê.

        # Chương II. Sử dụng nhà văn hoá

        ## Điều 2. Thời gian mở cửa

        Nhà văn hoá mở cửa từ 7 giờ đến 21 giờ hằng ngày.

        ## Điều 3. Thu phí sử dụng

        1. Hộ gia đình tổ chức việc hiếu, hỷ nộp 300.000 đồng mỗi ngày.
        2. Tiền thu được nộp vào quỹ thôn và công khai hằng quý.
        """;

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var commune = await db.Units.SingleAsync(u => u.Code == "06040", ct);
        if (await db.Drafts.AnyAsync(d => d.UnitId == commune.Id, ct)) return;
        var committee = await db.Agencies.SingleAsync(a => a.UnitId == commune.Id && a.Kind == AgencyKind.PeoplesCommittee, ct);
        var front = await db.Agencies.SingleAsync(a => a.UnitId == commune.Id && a.Kind == AgencyKind.FrontCommittee, ct);
        var khauPhay = await db.Units.Where(u => u.ParentId == commune.Id && u.Name == "Thôn Khau Phầy").Select(u => u.Id).SingleAsync(ct);
        Actor Person(string email) => db.Users.Where(u => u.Email == email).AsEnumerable().Select(u => new Actor(u.Id, u.DisplayName)).Single();
        var (resident, head, official, secretary) = (Person("dan@demo.test"), Person("truongthon@demo.test"), Person("canbo@demo.test"), Person("mattran@demo.test"));
        var farmer = await ResidentAsync(Commenters[0].Email, Commenters[0].Name, khauPhay);
        var teacher = await ResidentAsync(Commenters[1].Email, Commenters[1].Name, khauPhay);
        var now = clock.GetUtcNow();
        DraftService Service(DateTimeOffset at) => new(dbs, new At(at), links);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Portal.Domain.Deadlines.DeadlineCalculator.VietnamTime).DateTime);
        DateTimeOffset Day(int offset, int hour = 8) => new(today.AddDays(offset).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(7));

        // An answered regulation: comments, the close, the document sent and every recommendation answered.
        var rules = await Service(Day(-70)).PrepareAsync(secretary, new DraftPlan(commune.Id, front.Id, committee.Id,
            "Quy chế quản lý, sử dụng nhà văn hoá thôn xã Thất Khê", DraftKind.Regulation, "Quy định giờ mở cửa và mức thu phí sử dụng nhà văn hoá các thôn.",
            Day(-68), Day(-45, 17), DraftAudience.Residents), CulturalHouseRules, ct);
        await Service(Day(-69)).PublishAsync(secretary, rules, ct);
        async Task<long> Say(DraftService s, int draft, Actor who, string? section, Stance stance, string text, string? wording = null) =>
            await s.CommentAsync(who, draft, section, stance, text, wording, false, Guid.NewGuid(), ct);
        var fee = await Say(Service(Day(-60)), rules, resident, "dieu-3-k1", Stance.Disagree, "Mức 300.000 đồng một ngày là cao so với thu nhập của bà con vùng cao, nhất là việc hiếu.");
        await Say(Service(Day(-59)), rules, farmer, "dieu-3-k1", Stance.Disagree, "Mức 300.000 đồng một ngày là cao so với thu nhập của bà con vùng cao, nhất là việc hiếu!");
        await Service(Day(-58)).SupportAsync(head, fee, ct);
        await Say(Service(Day(-57)), rules, teacher, "dieu-2", Stance.ProposeAmendment, "Nên mở cửa sớm hơn để các cụ tập dưỡng sinh buổi sáng.",
            "Nhà văn hoá mở cửa từ 5 giờ 30 đến 21 giờ hằng ngày.");
        await Say(Service(Day(-56)), rules, head, "dieu-3-k2", Stance.Agree, "Đồng ý công khai quỹ thôn hằng quý tại nhà văn hoá.");
        await Service(Day(-45, 18)).CompileAsync(rules, ct);
        var compiled = await db.CriticismRecommendations.Where(r => r.DraftId == rules).ToDictionaryAsync(r => r.SectionAnchor ?? "", r => r.Id, ct);
        await Service(Day(-44)).EditRecommendationAsync(secretary, compiled["dieu-3-k1"],
            "Đề nghị miễn phí sử dụng nhà văn hoá cho việc hiếu và giảm mức thu cho việc hỷ xuống 150.000 đồng một ngày.", ct);
        await Service(Day(-44)).SendReportAsync(secretary, rules, ct);
        await Service(Day(-30)).AnswerAsync(official, compiled["dieu-3-k1"], Decision.PartlyAccepted,
            "Tiếp thu việc miễn phí cho việc hiếu. Giữ mức 200.000 đồng một ngày cho việc hỷ để đủ chi tiền điện, nước và vệ sinh.", ct);
        await Service(Day(-29)).AnswerAsync(official, compiled["dieu-2"], Decision.Accepted, null, ct);

        // The roads plan, open for comments now.
        var roads = await Service(Day(-6)).PrepareAsync(secretary, new DraftPlan(commune.Id, front.Id, committee.Id,
            "Kế hoạch bê tông hoá đường giao thông nông thôn các thôn xã Thất Khê năm 2027", DraftKind.Plan,
            "Nhân dân hiến đất và góp ngày công, Nhà nước hỗ trợ vật liệu để bê tông hoá đường trục thôn và ngõ xóm.",
            Day(-5), Day(20, 17), DraftAudience.Residents), RoadsPlan, ct);
        await Service(Day(-6)).PublishAsync(secretary, roads, ct);
        var width = await Say(Service(Day(-4)), roads, farmer, "muc-2-k1", Stance.Disagree,
            "Đoạn qua xóm Nà Lạn nhà cửa sát đường, nền 5 m thì nhiều hộ phải dỡ tường rào; đề nghị khảo sát từng đoạn.");
        await Say(Service(Day(-4)), roads, resident, "muc-3-k2", Stance.ProposeAmendment,
            "Người cao tuổi, hộ nghèo khó góp đủ 5 ngày công; nên miễn hoặc giảm cho các hộ này.",
            "Mỗi lao động từ 18 đến 60 tuổi đóng góp 5 ngày công san nền, rải đá; hộ nghèo, hộ có người khuyết tật được miễn ngày công.");
        await Say(Service(Day(-3)), roads, head, "muc-3-k1", Stance.Agree,
            "Bà con thôn Nà Sla đã bàn và đồng thuận hiến đất; đề nghị xã sớm cắm mốc để các hộ yên tâm.");
        await Say(Service(Day(-2)), roads, teacher, null, Stance.Agree, "Đường bê tông giúp học sinh đi học mùa mưa an toàn hơn, rất mong kế hoạch sớm thực hiện.");
        await Service(Day(-2)).SupportAsync(resident, width, ct);
        await Service(Day(-1)).SupportAsync(teacher, width, ct);
    }

    /// <summary>A demo resident with no password (an author of comments only, not an account to sign in with).</summary>
    private async Task<Actor> ResidentAsync(string email, string name, int home)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, HomeUnitId = home, CreatedAt = clock.GetUtcNow() };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        return new Actor(user.Id, name);
    }
}
