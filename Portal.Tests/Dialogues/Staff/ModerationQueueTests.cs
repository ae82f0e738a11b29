using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Domain.Dialogues;
using Portal.Domain.Units;
using Portal.Web.Dialogues.Staff;

namespace Portal.Tests.Dialogues.Staff;

/// <summary>The moderation queue as a component: it is given items and what each action does, and guards the destructive ones.</summary>
public class ModerationQueueTests
{
    private static readonly ModerationItem Duplicate = new(41, "duong vao thon na sla bi sat lo, xin sua som", null, "Lộc Văn Sáng", "Thôn Nà Sla",
        null, "Giao thông", "Đã tiếp nhận", Color.Warning, new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero), 0,
        ModerationActions.Accept | ModerationActions.Refuse | ModerationActions.Merge | ModerationActions.Redact, 7);

    private sealed class Calls
    {
        public List<string> Refused { get; } = [];
        public List<(long Item, long Into)> Merged { get; } = [];
        public List<(long Item, int? Agency)> Accepted { get; } = [];
    }

    private Dictionary<string, object?> Parameters(Calls calls) => new()
    {
        [nameof(ModerationQueue.Items)] = new[] { Duplicate },
        [nameof(ModerationQueue.Agencies)] = new[]
        {
            new AgencyOption(7, "UBND xã Thất Khê", AgencyKind.PeoplesCommittee, 1, "Xã Thất Khê"),
            new AgencyOption(8, "Ban giao thông", AgencyKind.SpecialisedDepartment, 1, "Xã Thất Khê"),
        },
        [nameof(ModerationQueue.FindSimilar)] = new Func<ModerationItem, Task<IReadOnlyList<SimilarItem>>>(_ =>
            Task.FromResult<IReadOnlyList<SimilarItem>>([new SimilarItem(41, Duplicate.Text, 0), new SimilarItem(12, "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn", 5)])),
        [nameof(ModerationQueue.Accept)] = new Func<ModerationItem, int?, Task>((item, agency) => { calls.Accepted.Add((item.Id, agency)); return Task.CompletedTask; }),
        [nameof(ModerationQueue.Refuse)] = new Func<ModerationItem, string, Task>((_, reason) => { calls.Refused.Add(reason); return Task.CompletedTask; }),
        [nameof(ModerationQueue.Merge)] = new Func<ModerationItem, long, Task>((item, into) => { calls.Merged.Add((item.Id, into)); return Task.CompletedTask; }),
        [nameof(ModerationQueue.Redact)] = new Func<ModerationItem, string, Task>((_, _) => Task.CompletedTask),
    };

    [Fact]
    public async Task ShouldRequireAReasonTheAuthorWillSeeBeforeRefusing()
    {
        var calls = new Calls();
        await using var ctx = StaffUi.Context(null, TimeProvider.System);
        var host = ctx.RenderWithProviders<ModerationQueue>(Parameters(calls));

        var refusing = host.Find("button.refuse").ClickAsync(new());
        host.WaitForAssertion(() => Assert.Contains("Người gửi sẽ thấy lý do này.", host.Markup));
        await host.Find("button.prompt-confirm").ClickAsync(new());
        host.WaitForAssertion(() => Assert.Contains("Vui lòng ghi lý do từ chối.", host.Markup));
        await host.Find(".prompt-text textarea").InputAsync(new ChangeEventArgs { Value = "Trùng" });
        await host.Find("button.prompt-confirm").ClickAsync(new());
        host.WaitForAssertion(() => Assert.Contains("Cần ít nhất 10 ký tự.", host.Markup));
        Assert.Empty(calls.Refused);

        await host.Find(".prompt-text textarea").InputAsync(new ChangeEventArgs { Value = "Nội dung không thuộc phạm vi hội nghị này" });
        await host.Find("button.prompt-confirm").ClickAsync(new());
        await refusing.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["Nội dung không thuộc phạm vi hội nghị này"], calls.Refused);
    }

    [Fact]
    public async Task ShouldAskForConfirmationBeforeMergingIntoASimilarQuestion()
    {
        var calls = new Calls();
        await using var ctx = StaffUi.Context(null, TimeProvider.System);
        var host = ctx.RenderWithProviders<ModerationQueue>(Parameters(calls));

        host.WaitForAssertion(() => Assert.Single(host.FindAll("button.merge-into")));
        var cancelled = host.Find("button.merge-into").ClickAsync(new());
        host.WaitForAssertion(() => Assert.Contains("Gộp ý kiến #41 vào ý kiến #12?", host.Markup));
        await host.ClickDialogButtonAsync("Huỷ");
        await cancelled.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(calls.Merged);

        var merging = host.Find("button.merge-into").ClickAsync(new());
        await host.ClickDialogButtonAsync("Gộp");
        await merging.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([(41L, 12L)], calls.Merged);
    }

    [Fact]
    public async Task ShouldOfferTheRoutingRulesAgencyWhenAccepting()
    {
        var calls = new Calls();
        await using var ctx = StaffUi.Context(null, TimeProvider.System);
        var host = ctx.RenderWithProviders<ModerationQueue>(Parameters(calls));

        var accepting = host.Find("button.accept").ClickAsync(new());
        host.WaitForAssertion(() => Assert.Contains("Theo quy tắc phân công của đơn vị.", host.Markup));
        await host.Find("button.accept-confirm").ClickAsync(new());
        await accepting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([(41L, (int?)7)], calls.Accepted);
    }
}
