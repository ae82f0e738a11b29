using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Campaigns;
using Portal.Domain.Deadlines;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Campaigns;

/// <summary>The campaign service on the real PostgreSQL: scope, decisions, pledges and their states, totals.</summary>
public class CampaignServiceTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private async Task<CampaignWorld> OpenWorldAsync()
    {
        var w = await CampaignWorld.CreateAsync(db, db.Clock);
        await w.OpenAsync();
        return w;
    }

    [Fact]
    public async Task ShouldLetOnlyOrganisersOfTheCommuneEditTheCampaign()
    {
        var w = await CampaignWorld.CreateAsync(db, db.Clock);
        var otherFront = await w.PersonAsync("Mặt trận phường Đông Kinh", StaffRole.FrontCommittee, w.Tree.CommuneB);
        var today = CampaignService.VietnamDate(db.Clock.GetUtcNow());

        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Service.ReviseAsync(w.HeadA1, w.Campaign, w.Plan(today, "Đường mới của thôn")));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Service.AddGoalAsync(otherFront, w.Campaign, new GoalPlan(GoalKind.Money, "Tiền", null, 1_000_000m)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Service.OpenAsync(w.Resident, w.Campaign));
        await w.Service.ReviseAsync(w.Organiser, w.Campaign, w.Plan(today, "Đường mới của thôn"));

        var details = await w.Reader.DetailsAsync(w.Campaign, includeDraft: true);
        Assert.Equal("Đường mới của thôn", details!.Title);
        await using var ctx = db.CreateDbContext();
        Assert.Equal(1, await ctx.AuditEntries.CountAsync(a => a.Action == "campaign.revise" && a.ItemId == w.Campaign.ToString()));
    }

    [Fact]
    public async Task ShouldRefuseAVillageOutsideTheCommune()
    {
        var w = await CampaignWorld.CreateAsync(db, db.Clock);
        var today = CampaignService.VietnamDate(db.Clock.GetUtcNow());
        var plan = w.Plan(today) with { VillageIds = [w.Tree.VillageA1, w.Tree.VillageB1] };

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => w.Service.CreateAsync(w.Organiser, plan));

        Assert.Equal("campaign.village.outside", error.Key);
    }

    [Fact]
    public async Task ShouldTakePledgesOnlyInVillagesWhoseHouseholdsDecidedToContribute()
    {
        var w = await OpenWorldAsync();
        var inPoMa = await w.PersonAsync("Vi Thị Hoa", home: w.Tree.VillageA2);

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => w.Service.PledgeAsync(inPoMa, w.Campaign, w.Tree.VillageA2,
            new PledgerInfo("Vi Thị Hoa", false, null, PledgeVisibility.Name, null), [new PledgeAmount(w.Money, 200_000m)], Guid.NewGuid()));
        var done = await w.PledgeAsync(w.Resident, new PledgeAmount(w.Money, 200_000m));

        Assert.Equal("pledge.village.not-decided", error.Key);
        Assert.True(done.PledgeId > 0);
        var details = await w.Reader.DetailsAsync(w.Campaign);
        Assert.True(details!.Villages.Single(v => v.VillageId == w.Tree.VillageA1).TakesContributions);
        var poMa = details.Villages.Single(v => v.VillageId == w.Tree.VillageA2);
        Assert.False(poMa.TakesContributions);
        Assert.StartsWith("Không đạt: 36/60 hộ đồng ý (60%)", poMa.Decision!.ExplanationVi);
    }

    [Fact]
    public async Task ShouldTrackTheVillagesReportToTheCommuneWithinFiveWorkingDaysUntilAcknowledged()
    {
        var w = await OpenWorldAsync();
        await using var ctx = db.CreateDbContext();
        var decision = await ctx.VillageDecisions.SingleAsync(d => d.CampaignId == w.Campaign && d.VillageId == w.Tree.VillageA1);
        var tracked = await ctx.TrackedDeadlines.Include(t => t.Reminders).SingleAsync(t => t.ItemType == "village-decision" && t.ItemId == decision.Id.ToString());
        Assert.Equal(DeadlineKind.ReportVillageDecision, tracked.Kind);
        Assert.Equal(w.Front, tracked.AgencyId);
        Assert.StartsWith("5 ngày làm việc", tracked.Deadline.ExplanationVi);
        Assert.NotEmpty(tracked.Reminders);
        Assert.Null(tracked.Deadline.MetAt);

        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Service.AcknowledgeDecisionAsync(w.HeadA1, decision.Id));
        await w.Service.AcknowledgeDecisionAsync(w.Organiser, decision.Id);

        await using var after = db.CreateDbContext();
        Assert.NotNull((await after.TrackedDeadlines.SingleAsync(t => t.Id == tracked.Id)).Deadline.MetAt);
    }

    [Fact]
    public async Task ShouldNotLetAVillageHeadRecordTheDecisionOfAnotherVillage()
    {
        var w = await CampaignWorld.CreateAsync(db, db.Clock);
        await w.Service.OpenAsync(w.Organiser, w.Campaign);
        var today = CampaignService.VietnamDate(db.Clock.GetUtcNow());

        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Service.RecordDecisionAsync(w.HeadA1, w.Campaign,
            new DecisionRecord(w.Tree.VillageA2, DecisionMethod.Meeting, 60, 50, 5, 5, today)));
    }

    [Fact]
    public async Task ShouldRefuseAVillageHeadOfAnotherVillageConfirmingItsPledges()
    {
        var w = await OpenWorldAsync();
        var pledge = await w.PledgeAsync(w.Resident, new PledgeAmount(w.Labour, 3m));

        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Service.ConfirmAsync(w.HeadA2, pledge.PledgeId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Service.ConfirmAsync(w.Resident, pledge.PledgeId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Reader.VillagePledgesAsync(w.HeadA2, w.Campaign, w.Tree.VillageA1));
        await w.Service.ConfirmAsync(w.HeadA1, pledge.PledgeId);

        var rows = await w.Reader.VillagePledgesAsync(w.HeadA1, w.Campaign, w.Tree.VillageA1);
        Assert.Equal(PledgeState.Confirmed, rows.Single().State);
    }

    [Fact]
    public async Task ShouldCreateOnePledgeWhenTheSameFormIsSubmittedTwiceEvenAtOnce()
    {
        var w = await OpenWorldAsync();
        var request = Guid.NewGuid();
        var who = new PledgerInfo("Hoàng Thị Mai", false, null, PledgeVisibility.Name, null);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            w.Service.PledgeAsync(w.Resident, w.Campaign, w.Tree.VillageA1, who, [new PledgeAmount(w.Money, 500_000m)], request)));

        Assert.Single(results.Select(r => r.PledgeId).Distinct());
        await using var ctx = db.CreateDbContext();
        Assert.Equal(1, await ctx.Pledges.CountAsync(p => p.CampaignId == w.Campaign));
    }

    [Fact]
    public async Task ShouldAskBeforeAHouseholdPledgesTwiceToTheSameGoalAndUpdateWhenTold()
    {
        var w = await OpenWorldAsync();
        var first = await w.Service.PledgeAsync(w.Resident, w.Campaign, w.Tree.VillageA1, CampaignWorld.Household(),
            [new PledgeAmount(w.Money, 500_000m)], Guid.NewGuid());
        var spouse = await w.PersonAsync("Hoàng Văn Pó");

        var asked = await Assert.ThrowsAsync<DuplicatePledgeException>(() => w.Service.PledgeAsync(spouse, w.Campaign, w.Tree.VillageA1,
            CampaignWorld.Household("Hoàng Văn Pó", "hộ ông  Hoàng Văn Pó"), [new PledgeAmount(w.Money, 800_000m)], Guid.NewGuid()));
        var updated = await w.Service.PledgeAsync(w.Resident, w.Campaign, w.Tree.VillageA1, CampaignWorld.Household(),
            [new PledgeAmount(w.Money, 800_000m), new PledgeAmount(w.Labour, 2m)], Guid.NewGuid(), updateExisting: true);

        Assert.Equal(first.PledgeId, asked.ExistingId);
        Assert.Equal(new PledgeResult(first.PledgeId, true), updated);
        var mine = await w.Reader.MyPledgesAsync(w.Resident.UserId!, w.Campaign);
        Assert.Equal([800_000m, 2m], mine.Single().Lines.Select(l => l.Amount));
    }

    [Fact]
    public async Task ShouldCorrectAConfirmedPledgeOnlyAsAnAuditedChangeAndTellThePledger()
    {
        var w = await OpenWorldAsync();
        var pledge = await w.PledgeAsync(w.Resident, new PledgeAmount(w.Money, 500_000m));
        await w.Service.ConfirmAsync(w.HeadA1, pledge.PledgeId);

        await Assert.ThrowsAsync<DuplicatePledgeException>(() => w.Service.PledgeAsync(w.Resident, w.Campaign, w.Tree.VillageA1,
            new PledgerInfo(w.Resident.Name, false, null, PledgeVisibility.Name, null), [new PledgeAmount(w.Money, 100_000m)], Guid.NewGuid(), updateExisting: true));
        await w.Service.CorrectAsync(w.HeadA1, pledge.PledgeId, [new PledgeAmount(w.Money, 700_000m)], "Gia đình báo tăng thêm 200.000 đồng");

        await using var ctx = db.CreateDbContext();
        var audit = await ctx.AuditEntries.SingleAsync(a => a.Action == "pledge.correct" && a.ItemId == pledge.PledgeId.ToString());
        Assert.Contains("500000", audit.Before);
        Assert.Contains("700000", audit.After);
        Assert.Equal("Gia đình báo tăng thêm 200.000 đồng", audit.Reason);
        var titles = await ctx.Notifications.Where(n => n.UserId == w.Resident.UserId).Select(n => n.TitleVi).ToListAsync();
        Assert.Contains("Đăng ký đóng góp của bạn đã được xác nhận", titles);
        Assert.Contains("Đăng ký đóng góp của bạn đã được điều chỉnh", titles);
    }

    [Fact]
    public async Task ShouldSumPledgedAndFulfilledAmountsInTheDatabaseLeavingCancelledOut()
    {
        var w = await OpenWorldAsync();
        var a = await w.PledgeAsync(w.Resident, new PledgeAmount(w.Money, 500_000m), new PledgeAmount(w.Land, 120.5m));
        var other = await w.PersonAsync("Lý Văn Pó");
        var b = await w.PledgeAsync(other, new PledgeAmount(w.Money, 300_000m));
        var offline = await w.Service.RecordPledgeAsync(w.HeadA1, w.Campaign, w.Tree.VillageA1,
            CampaignWorld.Household("Nông Văn Dìn", "Hộ ông Nông Văn Dìn", PledgeVisibility.Anonymous), [new PledgeAmount(w.Labour, 4.5m)], Guid.NewGuid());
        await w.Service.ConfirmAsync(w.HeadA1, a.PledgeId);
        await w.Service.FulfilAsync(w.HeadA1, a.PledgeId, new Dictionary<int, decimal> { [w.Money] = 450_000m });
        await w.Service.CancelAsync(other, b.PledgeId, "Tôi đóng góp qua thôn khác");
        await w.Service.ConfirmAsync(w.Organiser, offline.PledgeId);

        var details = await w.Reader.DetailsAsync(w.Campaign);
        var money = details!.Goals.Single(g => g.Id == w.Money);
        Assert.Equal((500_000m, 450_000m), (money.Pledged, money.Fulfilled));
        Assert.Equal((120.5m, 120.5m), (details.Goals.Single(g => g.Id == w.Land).Pledged, details.Goals.Single(g => g.Id == w.Land).Fulfilled));
        Assert.Equal((4.5m, 0m), (details.Goals.Single(g => g.Id == w.Labour).Pledged, details.Goals.Single(g => g.Id == w.Labour).Fulfilled));
        var naSla = details.Villages.Single(v => v.VillageId == w.Tree.VillageA1);
        Assert.Equal(2, naSla.Pledges);
        var board = await w.Reader.HonourBoardAsync(w.Campaign, 0);
        Assert.Equal(2, board.Total);
        Assert.Contains(board.Items, e => e.ShownName == "Hoàng Thị Mai" && e.State == PledgeState.Fulfilled);
        Assert.Contains(board.Items, e => e.ShownName is null && e.State == PledgeState.Confirmed);
        var ledger = await w.Reader.LedgerAsync(w.Campaign, w.Tree.VillageA1);
        Assert.Equal(450_000m, ledger.Single().Lines.Single(l => l.GoalId == w.Money).Fulfilled);
    }

    [Fact]
    public async Task ShouldGiveExactTotalsForAHundredParallelPledges()
    {
        var w = await OpenWorldAsync();
        var people = new List<Actor>();
        for (var i = 0; i < 100; i++) people.Add(await w.PersonAsync($"Người dân {i}"));

        await Task.WhenAll(people.Select((p, i) => Task.Run(() => w.PledgeAsync(p, new PledgeAmount(w.Money, 100_001m + i), new PledgeAmount(w.Labour, 0.5m)))));

        var details = await w.Reader.DetailsAsync(w.Campaign);
        Assert.Equal(100 * 100_001m + 4_950m, details!.Goals.Single(g => g.Id == w.Money).Pledged);
        Assert.Equal(50m, details.Goals.Single(g => g.Id == w.Labour).Pledged);
    }

    [Fact]
    public async Task ShouldMoveTheCampaignThroughItsStatesAndStopPledgesOnceClosed()
    {
        var w = await CampaignWorld.CreateAsync(db, db.Clock);
        Assert.Equal("pledge.campaign.not-open", (await Assert.ThrowsAsync<DomainRuleException>(() => w.PledgeAsync(w.Resident, new PledgeAmount(w.Money, 1m)))).Key);
        Assert.Null(await w.Reader.DetailsAsync(w.Campaign));
        await w.OpenAsync();
        var pledge = await w.PledgeAsync(w.Resident, new PledgeAmount(w.Money, 100_000m));
        await Assert.ThrowsAsync<DomainRuleException>(() => w.Service.CompleteAsync(w.Organiser, w.Campaign));

        await w.Service.CloseAsync(w.Organiser, w.Campaign);
        await Assert.ThrowsAsync<DomainRuleException>(() => w.PledgeAsync(w.Resident, new PledgeAmount(w.Labour, 1m)));
        await w.Service.ConfirmAsync(w.HeadA1, pledge.PledgeId); // contributions are still recorded after closing
        await w.Service.CompleteAsync(w.Organiser, w.Campaign);

        Assert.Equal("campaign.completed", (await Assert.ThrowsAsync<DomainRuleException>(() =>
            w.Service.FulfilAsync(w.HeadA1, pledge.PledgeId, new Dictionary<int, decimal>()))).Key);
        Assert.Equal(CampaignState.Completed, (await w.Reader.DetailsAsync(w.Campaign))!.State);
    }

    [Fact]
    public async Task ShouldLetTheSupervisionBoardPostNotesAndTellFollowersOfUpdates()
    {
        var w = await OpenWorldAsync();
        var board = await w.PersonAsync("Ban giám sát Nà Sla", StaffRole.SupervisionBoard, w.Tree.VillageA1);
        await w.PledgeAsync(w.Resident, new PledgeAmount(w.Money, 100_000m)); // pledgers follow

        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Service.PostAsync(w.HeadA1, w.Campaign, CampaignPostKind.SupervisionNote, "Ghi nhận", "Đã kiểm tra sổ sách thu chi."));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Service.PostAsync(board, w.Campaign, CampaignPostKind.Update, "Tin mới", "Đã đổ xong 1 km đường."));
        await w.Service.PostAsync(board, w.Campaign, CampaignPostKind.SupervisionNote, "Kiểm tra vật liệu", "Xi măng nhập về **đúng chủng loại**, đủ số lượng.");
        await w.Service.PostAsync(w.Organiser, w.Campaign, CampaignPostKind.Milestone, "Hoàn thành 1 km", "Đã đổ xong 1 km đường bê tông.");

        var posts = await w.Reader.PostsAsync(w.Campaign);
        Assert.Equal(2, posts.Count);
        Assert.Contains("<strong>đúng chủng loại</strong>", posts.Single(p => p.Kind == CampaignPostKind.SupervisionNote).BodyHtml);
        await using var ctx = db.CreateDbContext();
        Assert.Equal(2, await ctx.Notifications.CountAsync(n => n.UserId == w.Resident.UserId && n.Kind == "campaign.update"));
    }
}
