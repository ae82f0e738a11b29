using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Accounts;
using Portal.Domain.Dialogues;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;
using Portal.Web.Dialogues.Staff;
using Portal.Web.Units;

namespace Portal.Tests.Dialogues.Staff;

/// <summary>Planning and announcing a conference as its organiser: field validation in Vietnamese, Vietnam time, and the 7-day rule.</summary>
public class ConferencePlanFormTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ShouldShowVietnameseMessagesAndSaveNothingWhenThePlanIsEmpty()
    {
        var w = await StaffWorld.CreateAsync(db, _clock);
        await using var ctx = StaffUi.Context(db, _clock, w.LeaderA.UserId, w.LeaderA.Name);
        var host = ctx.RenderWithProviders<ConferencePlanForm>();
        var before = await CountAsync(w.Tree.CommuneA);

        await host.Find("button.plan-save").ClickAsync(new());

        host.WaitForAssertion(() =>
        {
            foreach (var message in new[] { "Vui lòng chọn đơn vị.", "Vui lòng nhập tên hội nghị.", "Vui lòng thêm ít nhất một chủ đề.",
                         "Vui lòng ghi người chủ trì.", "Vui lòng chọn ngày giờ.", "Vui lòng ghi địa điểm hoặc đường dẫn trực tuyến." })
                Assert.Contains(message, host.Markup);
        });
        Assert.Equal(before, await CountAsync(w.Tree.CommuneA));
    }

    [Fact]
    public async Task ShouldRefuseAWindowClosingAfterTheConferenceAndSaveAValidPlanInVietnamTime()
    {
        var w = await StaffWorld.CreateAsync(db, _clock);
        await using var ctx = StaffUi.Context(db, _clock, w.LeaderA.UserId, w.LeaderA.Name);
        var host = ctx.RenderWithProviders<ConferencePlanForm>();
        var title = "Đối thoại về đất đai " + Guid.NewGuid().ToString("N")[..6];
        await host.InvokeAsync(() => host.FindComponent<UnitPicker>().Instance.ValueChanged.InvokeAsync(
            new UnitChoice(w.Tree.CommuneA, "Thất Khê", "Thất Khê", UnitLevel.Commune, "Lạng Sơn", null)));
        await host.Find(".title input").ChangeAsync(new ChangeEventArgs { Value = title });
        var topics = host.Find(".topics-input input");
        await topics.InputAsync(new ChangeEventArgs { Value = "Đất đai" });
        await host.Find(".topics-input input").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });
        await host.Find(".hosts input").ChangeAsync(new ChangeEventArgs { Value = "Đồng chí Hoàng Văn Thành, Chủ tịch UBND xã" });
        await host.Find(".place input").ChangeAsync(new ChangeEventArgs { Value = "Hội trường UBND xã Thất Khê" });
        await host.Find(".starts-at input").ChangeAsync(new ChangeEventArgs { Value = "2026-04-15T08:00" });
        await host.Find(".questions-open input").ChangeAsync(new ChangeEventArgs { Value = "2026-03-10T07:00" });
        await host.Find(".questions-close input").ChangeAsync(new ChangeEventArgs { Value = "2026-04-16T17:00" });

        await host.Find("button.plan-save").ClickAsync(new());

        host.WaitForAssertion(() => Assert.Contains("Không được muộn hơn giờ tổ chức hội nghị.", host.Markup));
        await using (var check = db.CreateDbContext())
            Assert.False(await check.Conferences.AnyAsync(c => c.Title == title));

        await host.Find(".questions-close input").ChangeAsync(new ChangeEventArgs { Value = "2026-04-13T17:00" });
        await host.Find("button.plan-save").ClickAsync(new());

        await using var db2 = db.CreateDbContext();
        var saved = await db2.Conferences.SingleAsync(c => c.Title == title);
        Assert.Equal(ConferenceState.Draft, saved.State);
        Assert.Equal(["Đất đai"], saved.Topics);
        Assert.Equal(new DateTimeOffset(2026, 4, 15, 1, 0, 0, TimeSpan.Zero), saved.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 4, 13, 10, 0, 0, TimeSpan.Zero), saved.QuestionsCloseAt);
        Assert.Contains(await db2.Agencies.Where(a => a.Id == saved.OrganiserAgencyId).Select(a => a.Kind).ToListAsync(), k => k == AgencyKind.PeoplesCommittee);
    }

    [Fact]
    public async Task ShouldShowTheLawAndOfferNoOverrideWhenALeaderAnnouncesLessThanSevenDaysAhead()
    {
        var w = await StaffWorld.CreateAsync(db, _clock);
        var row = await DraftAsync(w, w.LeaderA, daysAhead: 5);
        await using var ctx = StaffUi.Context(db, _clock, w.LeaderA.UserId, w.LeaderA.Name);
        var host = ctx.RenderWithProviders<AnnounceButton>(new() { [nameof(AnnounceButton.Conference)] = row });

        var announcing = host.Find("button.announce").ClickAsync(new());
        await host.ClickDialogButtonAsync("Thông báo");

        host.WaitForAssertion(() => Assert.Contains("phải được thông báo ít nhất 7 ngày trước khi tổ chức (Luật Tổ chức chính quyền địa phương, Điều 43)", host.Markup));
        Assert.Empty(host.FindAll(".override-reason"));
        await host.ClickDialogButtonAsync("Đã hiểu");
        await announcing.WaitAsync(TimeSpan.FromSeconds(10));
        await using var check = db.CreateDbContext();
        Assert.Equal(ConferenceState.Draft, (await check.Conferences.SingleAsync(c => c.Id == row.Id)).State);
    }

    [Fact]
    public async Task ShouldLetAnAdministratorAnnounceLateWithAWrittenReason()
    {
        var w = await StaffWorld.CreateAsync(db, _clock);
        await new AccountService(db, _clock).GrantAsync(Actor.System, w.LeaderA.UserId!, w.Tree.Province, StaffRole.Admin);
        var row = await DraftAsync(w, w.LeaderA, daysAhead: 5);
        await using var ctx = StaffUi.Context(db, _clock, w.LeaderA.UserId, w.LeaderA.Name);
        var host = ctx.RenderWithProviders<AnnounceButton>(new() { [nameof(AnnounceButton.Conference)] = row });

        var announcing = host.Find("button.announce").ClickAsync(new());
        await host.ClickDialogButtonAsync("Thông báo");
        host.WaitForAssertion(() => Assert.Contains("ít nhất 7 ngày", host.Find(".law-text").TextContent));
        await host.Find(".override-reason textarea").InputAsync(new ChangeEventArgs { Value = "Bão" });
        await host.Find("button.override-confirm").ClickAsync(new());
        host.WaitForAssertion(() => Assert.Contains("Lý do cần ít nhất 10 ký tự.", host.Markup));
        await host.Find(".override-reason textarea").InputAsync(new ChangeEventArgs { Value = "Bão số 3 làm hoãn lịch, cần đối thoại sớm về khắc phục" });
        await host.Find("button.override-confirm").ClickAsync(new());
        await announcing.WaitAsync(TimeSpan.FromSeconds(10));

        await using var check = db.CreateDbContext();
        var conference = await check.Conferences.SingleAsync(c => c.Id == row.Id);
        Assert.NotEqual(ConferenceState.Draft, conference.State);
        Assert.StartsWith("Bão số 3", conference.AnnounceOverrideReason);
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == "conference.announce" && a.ItemId == row.Id.ToString()));
    }

    private async Task<StaffConferenceRow> DraftAsync(StaffWorld w, Actor leader, int daysAhead)
    {
        var plan = (await w.Reader.ConferenceAsync(leader, w.ConferenceA)).Plan;
        var start = _clock.GetUtcNow().AddDays(daysAhead);
        var id = await w.Service.PlanAsync(leader, plan with { StartsAt = start, QuestionsOpenAt = start.AddDays(-4), QuestionsCloseAt = start.AddDays(-1) });
        return (await w.Reader.ConferencesAsync(leader, pageSize: 100)).Items.Single(c => c.Id == id);
    }

    private async Task<int> CountAsync(int unit)
    {
        await using var check = db.CreateDbContext();
        return await check.Conferences.CountAsync(c => c.UnitId == unit);
    }
}
