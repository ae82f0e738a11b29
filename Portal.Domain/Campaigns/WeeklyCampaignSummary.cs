using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.Notifications;

namespace Portal.Domain.Campaigns;

/// <summary>
/// The organisers' weekly summary of each open campaign: totals against the targets, pledges of the past seven days, pledges
/// waiting for a village head, villages without a decision. One email per campaign, member of the organising agency and ISO
/// week (the outbox key), so running it twice in a week sends nothing more.
/// </summary>
public sealed class WeeklyCampaignSummary(IDbContextFactory<PortalDb> dbs, CampaignReader reader, PortalLinks links)
{
    /// <returns>How many emails were queued.</returns>
    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var today = CampaignService.VietnamDate(now);
        var week = $"{ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue)):00}";
        await using var db = await dbs.CreateDbContextAsync(ct);
        var open = await db.Campaigns.Where(c => c.State == CampaignState.Open).Select(c => new { c.Id, c.OrganiserAgencyId }).ToListAsync(ct);
        var queued = 0;
        foreach (var campaign in open)
        {
            var details = await reader.DetailsAsync(campaign.Id, ct: ct);
            if (details is null) continue;
            var since = now.AddDays(-7);
            var fresh = await db.Pledges.CountAsync(p => p.CampaignId == campaign.Id && p.CreatedAt >= since, ct);
            var waiting = await db.Pledges.CountAsync(p => p.CampaignId == campaign.Id && p.State == PledgeState.Pledged, ct);
            var members = await db.AgencyMembers.Where(m => m.AgencyId == campaign.OrganiserAgencyId)
                .Select(m => m.User).Where(u => u.DeletedAt == null && u.Email != null).ToListAsync(ct);
            var body = Body(details, fresh, waiting);
            foreach (var member in members)
                if (await db.EnqueueAsync(new OutboxMessage($"campaign-weekly:{campaign.Id}:{week}:{member.Id}", "campaign.weekly", member.Email!,
                        member.DisplayName, "vi", $"Tổng hợp tuần {week}: {Text.Shorten(details.Title, 120)}", body, now), ct))
                    queued++;
        }
        await db.SaveChangesAsync(ct);
        return queued;
    }

    private string Body(CampaignDetails details, int fresh, int waiting)
    {
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"**{details.Title}** — tổng hợp tuần qua.").AppendLine();
        foreach (var goal in details.Goals)
            text.AppendLine(goal.Kind == GoalKind.Length
                ? string.Format(vi, "- {0}: đã hoàn thành {1:#,##0.###} / {2:#,##0.###} {3}", goal.Title, goal.Achieved, goal.Target, goal.UnitText)
                : string.Format(vi, "- {0}: đã đóng góp {1:#,##0.###} / {2:#,##0.###} {3} (đã đăng ký {4:#,##0.###})", goal.Title, goal.Fulfilled, goal.Target, goal.UnitText, goal.Pledged));
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Đăng ký mới trong 7 ngày: {fresh}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Đăng ký đang chờ trưởng thôn xác nhận: {waiting}");
        var undecided = details.Villages.Where(v => v.Decision is null).Select(v => v.Name).ToList();
        if (undecided.Count > 0) text.AppendLine(CultureInfo.InvariantCulture, $"- Thôn chưa bàn bạc: {string.Join(", ", undecided)}");
        var failed = details.Villages.Where(v => v.Decision is { Passed: false }).Select(v => v.Name).ToList();
        if (failed.Count > 0) text.AppendLine(CultureInfo.InvariantCulture, $"- Thôn chưa đạt 2/3 số hộ đồng ý: {string.Join(", ", failed)}");
        text.AppendLine().Append(CultureInfo.InvariantCulture, $"[Mở cuộc vận động]({links.BaseUrl}{links.Campaign(details.Id)})");
        return text.ToString();
    }
}
