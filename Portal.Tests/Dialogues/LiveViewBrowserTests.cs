using System.Diagnostics;
using Microsoft.Playwright;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Dialogues;
using Portal.Domain.Units;
using Portal.Tests.Browser;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Dialogues;

/// <summary>Two browsers on a live conference: the secretary puts a question on stage and records the answer; the
/// projector screen open in another browser follows without reloading.</summary>
public sealed class LiveViewBrowserTests(SmallTreeSite site, ITestOutputHelper output) : IClassFixture<SmallTreeSite>
{
    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task ShouldShowTheSecretarysChangeOnTheViewersScreenWithoutReloading()
    {
        var now = DateTimeOffset.UtcNow;
        var links = new PortalLinks(site.BaseAddress);
        var committee = await new AgencyService(site, TimeProvider.System).CreateAsync(Actor.System, "UBND xã Thất Khê", AgencyKind.PeoplesCommittee, site.Tree.CommuneA, null);
        var leader = await site.Portal.CreateAccountAsync("Chủ tịch xã", site.Tree.CommuneA, StaffRole.Leader);
        var resident = new Actor(await TestUsers.CreateAsync(site, "Hoàng Thị Mai", site.Tree.VillageA1), "Hoàng Thị Mai");
        // Announced twelve days ago, window closed an hour ago, the conference starts now: run on a clock set back.
        var past = new DialogueService(site, new At(now.AddDays(-12)), links);
        var conference = await past.PlanAsync(new Actor(leader.Id, leader.Name), new ConferencePlan(site.Tree.CommuneA, "Đối thoại trực tiếp tháng 11",
            null, ["Giao thông"], "Chủ tịch UBND xã", committee, null, now.AddMinutes(1), "Hội trường xã", null, now.AddDays(-11), now.AddHours(-1),
            ModerationMode.PreModeration));
        await past.AnnounceAsync(new Actor(leader.Id, leader.Name), conference);
        var question = await new DialogueService(site, new At(now.AddDays(-10)), links).AskAsync(resident, conference, site.Tree.VillageA1,
            "Giao thông", "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn", AuthorVisibility.FullName, Guid.NewGuid());
        await new DialogueService(site, new At(now.AddDays(-9)), links).AcceptAsync(Actor.System, question);

        var viewer = await site.NewPageAsync();
        await viewer.GotoAsync($"/hoi-nghi/{conference}/truc-tiep");
        await Expect(viewer.Locator(".host-screen[data-live=on]")).ToBeVisibleAsync();
        await Expect(viewer.Locator(".host-waiting")).ToBeVisibleAsync();

        var secretary = await site.NewPageAsync();
        await secretary.SignInAsync(leader.Email, leader.Password);
        await secretary.GotoAsync($"/quan-ly/hoi-nghi/{conference}/truc-tiep");
        // Buttons of the prerendered page do nothing until the circuit has taken over.
        await Expect(secretary.Locator(".secretary-panel[data-live=on]")).ToBeVisibleAsync();
        var watch = Stopwatch.StartNew();
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Đưa lên trả lời" }).ClickAsync();
        await Expect(viewer.Locator(".host-question")).ToContainTextAsync("Đường vào thôn Nà Sla bị sạt lở", new() { Timeout = 5000 });
        output.WriteLine($"The viewer's screen changed {watch.ElapsedMilliseconds} ms after the secretary's click.");

        await secretary.GetByLabel("Tóm tắt câu trả lời").FillAsync("Xã sẽ gia cố taluy trước mùa mưa năm sau.");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận đã trả lời" }).ClickAsync();
        await Expect(viewer.Locator(".host-answer")).ToContainTextAsync("gia cố taluy", new() { Timeout = 5000 });
    }
}
