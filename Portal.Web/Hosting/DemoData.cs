using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Data;
using Portal.Domain.Units;

namespace Portal.Web.Hosting;

public sealed record DemoAccount(string Role, string Email, string Name);

/// <summary>Development-only sample data: Lạng Sơn with three real communes from the national list, invented
/// villages, agencies, and one account per role. Idempotent: running it again adds nothing.</summary>
public sealed class DemoData(IDbContextFactory<PortalDb> dbs, UnitService units, AccountService accounts, UserManager<PortalUser> users, TimeProvider clock)
{
    public const string Password = "Demo@2026";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("Người dân (resident)", "dan@demo.test", "Hoàng Thị Mai"),
        new("Trưởng thôn (village head)", "truongthon@demo.test", "Lộc Văn Sáng"),
        new("Cán bộ (official)", "canbo@demo.test", "Nông Văn Tuấn"),
        new("Lãnh đạo (leader)", "lanhdao@demo.test", "Hoàng Văn Thành"),
        new("Mặt trận (Front committee)", "mattran@demo.test", "Lương Thị Hằng"),
        new("Kiểm duyệt (moderator)", "kiemduyet@demo.test", "Vi Thị Lan"),
        new("Quản trị (admin)", "quantri@demo.test", "Đinh Công Minh"),
        new("Ban Giám sát đầu tư cộng đồng (supervision board)", "giamsat@demo.test", "Triệu Văn Lợi"),
    ];

    // Official codes from Decision 19/2025/QĐ-TTg; village names are invented for the demo.
    private static readonly (string Code, string Name, string Full, string[] Villages)[] Communes =
    [
        ("05977", "Đông Kinh", "Phường Đông Kinh", ["Tổ dân phố 1", "Tổ dân phố 2", "Tổ dân phố 3"]),
        ("05983", "Lương Văn Tri", "Phường Lương Văn Tri", ["Tổ dân phố Đại Huề", "Tổ dân phố Trần Quang Khải"]),
        ("06040", "Thất Khê", "Xã Thất Khê", ["Thôn Nà Sla", "Thôn Khau Phầy", "Thôn Bản Slẳng", "Thôn Pò Mã"]),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var csv = "code,name,level,parent_code\n20,Lạng Sơn,Province,\n" +
            string.Join("\n", Communes.Select(c => $"{c.Code},{c.Name},Commune,20"));
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            if (!await db.Units.AnyAsync(u => u.Code == "20", ct))
            {
                var parsed = UnitFileParser.ParseCsv(csv);
                await units.ImportAsync(Actor.System, parsed, ct);
                foreach (var (code, _, full, _) in Communes)
                    await db.Units.Where(u => u.Code == code).ExecuteUpdateAsync(s => s.SetProperty(u => u.FullName, full), ct);
                await db.Units.Where(u => u.Code == "20").ExecuteUpdateAsync(s => s.SetProperty(u => u.FullName, "Tỉnh Lạng Sơn"), ct);
            }
        }
        await using var data = await dbs.CreateDbContextAsync(ct);
        var province = await data.Units.SingleAsync(u => u.Code == "20", ct);
        foreach (var (code, _, full, villages) in Communes)
        {
            var commune = await data.Units.SingleAsync(u => u.Code == code, ct);
            foreach (var village in villages)
                if (!await data.Units.AnyAsync(u => u.ParentId == commune.Id && u.Name == village, ct))
                    await units.AddVillageAsync(Actor.System, commune.Id, village, ct);
            await EnsureAgency(data, $"Ủy ban nhân dân {full.ToLowerFirst()}", AgencyKind.PeoplesCommittee, commune, $"ubnd.{code}@demo.test", ct);
            await EnsureAgency(data, $"Ủy ban MTTQ Việt Nam {full.ToLowerFirst()}", AgencyKind.FrontCommittee, commune, $"mttq.{code}@demo.test", ct);
        }
        await EnsureAgency(data, "Ủy ban nhân dân tỉnh Lạng Sơn", AgencyKind.PeoplesCommittee, province, "ubnd.20@demo.test", ct);
        await EnsureAgency(data, "Ủy ban MTTQ Việt Nam tỉnh Lạng Sơn", AgencyKind.FrontCommittee, province, "mttq.20@demo.test", ct);
        await EnsureAgency(data, "Sở Xây dựng tỉnh Lạng Sơn", AgencyKind.SpecialisedDepartment, province, "soxaydung.20@demo.test", ct);

        var thatKhe = await data.Units.SingleAsync(u => u.Code == "06040", ct);
        var naSla = await data.Units.SingleAsync(u => u.ParentId == thatKhe.Id && u.Name == "Thôn Nà Sla", ct);
        var country = await data.Units.SingleAsync(u => u.Level == UnitLevel.Country, ct);
        var ubndThatKhe = await data.Agencies.SingleAsync(a => a.UnitId == thatKhe.Id && a.Kind == AgencyKind.PeoplesCommittee, ct);
        var mttqThatKhe = await data.Agencies.SingleAsync(a => a.UnitId == thatKhe.Id && a.Kind == AgencyKind.FrontCommittee, ct);

        var grants = new (int Account, StaffRole? Role, Unit? On, Agency? Agency)[]
        {
            (0, null, null, null),
            (1, StaffRole.VillageHead, naSla, null),
            (2, StaffRole.Official, thatKhe, ubndThatKhe),
            (3, StaffRole.Leader, thatKhe, ubndThatKhe),
            (4, StaffRole.FrontCommittee, thatKhe, mttqThatKhe),
            (5, StaffRole.Moderator, province, null),
            (6, StaffRole.Admin, country, null),
            (7, StaffRole.SupervisionBoard, thatKhe, null),
        };
        foreach (var (index, role, on, agency) in grants)
        {
            var account = Accounts[index];
            var user = await users.FindByEmailAsync(account.Email);
            if (user is null)
            {
                user = new PortalUser
                {
                    UserName = account.Email, Email = account.Email, EmailConfirmed = true, DisplayName = account.Name,
                    HomeUnitId = naSla.Id, PreferredLanguage = "vi", CreatedAt = clock.GetUtcNow(),
                };
                var created = await users.CreateAsync(user, Password);
                if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }
            if (role is not null) await accounts.GrantAsync(Actor.System, user.Id, on!.Id, role.Value, ct);
            if (agency is not null && !await data.AgencyMembers.AnyAsync(m => m.AgencyId == agency.Id && m.UserId == user.Id, ct))
            {
                data.AgencyMembers.Add(new AgencyMember { AgencyId = agency.Id, UserId = user.Id });
                await data.SaveChangesAsync(ct);
            }
        }
    }

    private static async Task EnsureAgency(PortalDb db, string name, AgencyKind kind, Unit unit, string email, CancellationToken ct)
    {
        if (await db.Agencies.AnyAsync(a => a.UnitId == unit.Id && a.Name == name, ct)) return;
        db.Agencies.Add(Agency.Create(name, kind, unit, email));
        await db.SaveChangesAsync(ct);
    }
}

internal static class StringCase
{
    /// <summary>"Phường Đông Kinh" → "phường Đông Kinh", as it reads inside an agency's name.</summary>
    public static string ToLowerFirst(this string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
