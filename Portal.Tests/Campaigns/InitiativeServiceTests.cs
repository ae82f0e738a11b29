using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Campaigns;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Campaigns;

/// <summary>Recording a residents' initiative on the real PostgreSQL: who may, the 10% rule kept, replacing, audit.</summary>
public class InitiativeServiceTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldLetTheVillageHeadRecordTheirVillagesInitiativeAndRefuseTheHeadOfAnotherVillage()
    {
        var w = await CampaignWorld.CreateAsync(db, db.Clock);
        await w.OpenAsync();
        var today = CampaignService.VietnamDate(db.Clock.GetUtcNow());
        var record = new InitiativeRecord(w.Tree.VillageA1, "Làm thêm rãnh thoát nước dọc đường", 60, 6, today);

        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Service.RecordInitiativeAsync(w.HeadA2, w.Campaign, record));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Service.RecordInitiativeAsync(w.Resident, w.Campaign, record));
        var id = await w.Service.RecordInitiativeAsync(w.HeadA1, w.Campaign, record);

        var village = (await w.Reader.DetailsAsync(w.Campaign))!.Villages.Single(v => v.VillageId == w.Tree.VillageA1);
        Assert.Equal(id, village.Initiative!.Id);
        Assert.True(village.Initiative.Reaches);
        Assert.Equal(today.AddMonths(3), village.Initiative.ValidUntil);
        Assert.Null((await w.Reader.DetailsAsync(w.Campaign))!.Villages.Single(v => v.VillageId == w.Tree.VillageA2).Initiative);
        await using var ctx = db.CreateDbContext();
        Assert.Equal(1, await ctx.VillageInitiatives.CountAsync(i => i.CampaignId == w.Campaign));
        Assert.Equal(1, await ctx.AuditEntries.CountAsync(a => a.Action == "village-initiative.record" && a.ItemId == id.ToString()));
    }

    [Fact]
    public async Task ShouldReplaceTheInitiativeWhenTheOrganiserRecordsItAgainAndKeepTheTenPercentRule()
    {
        var w = await CampaignWorld.CreateAsync(db, db.Clock);
        var today = CampaignService.VietnamDate(db.Clock.GetUtcNow());
        var id = await w.Service.RecordInitiativeAsync(w.Organiser, w.Campaign, new InitiativeRecord(w.Tree.VillageA2, "  Lắp đèn đường  ", 60, 5, today));
        var again = await w.Service.RecordInitiativeAsync(w.Organiser, w.Campaign, new InitiativeRecord(w.Tree.VillageA2, "Lắp đèn đường", 60, 9, today));
        var bad = await Assert.ThrowsAsync<DomainRuleException>(() =>
            w.Service.RecordInitiativeAsync(w.Organiser, w.Campaign, new InitiativeRecord(w.Tree.VillageA2, "Lắp đèn đường", 60, 61, today)));

        Assert.Equal(id, again);
        Assert.Equal("initiative.proposing.invalid", bad.Key);
        await using var ctx = db.CreateDbContext();
        var initiative = await ctx.VillageInitiatives.SingleAsync(i => i.Id == id);
        Assert.Equal(("Lắp đèn đường", 9, true), (initiative.Proposal, initiative.Proposing, initiative.Reaches));
        Assert.Equal(1, await ctx.AuditEntries.CountAsync(a => a.Action == "village-initiative.replace" && a.ItemId == id.ToString()));
    }
}
