using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Attachments;
using Portal.Domain.Campaigns;
using Portal.Tests.Attachments;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Campaigns;

/// <summary>Campaign files on the real PostgreSQL: the cover photo, update photos and decision minutes, and who may open them.</summary>
public class CampaignAttachmentsTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private AttachmentReader Files() => new(db, CampaignAttachmentAccess.All());

    [Fact]
    public async Task ShouldKeepOneCoverPhotoShownToThePublicOnlyOnceTheCampaignIsOpen()
    {
        var w = await CampaignWorld.CreateAsync(db, db.Clock);
        await w.Service.SetCoverAsync(w.Organiser, w.Campaign, new IncomingFile("duong-cu.jpg", SampleFiles.Jpeg()));
        await w.Service.SetCoverAsync(w.Organiser, w.Campaign, new IncomingFile("duong-moi.png", SampleFiles.Png()));
        await Assert.ThrowsAsync<Portal.Domain.Accounts.AccessDeniedException>(() =>
            w.Service.SetCoverAsync(w.HeadA1, w.Campaign, new IncomingFile("x.png", SampleFiles.Png())));

        var draft = (await w.Reader.DetailsAsync(w.Campaign, includeDraft: true))!.Cover!;
        Assert.Equal("duong-moi.png", draft.FileName);
        Assert.Null(await Files().OpenAsync(draft.Id, null));
        Assert.NotNull(await Files().OpenAsync(draft.Id, w.Organiser));
        await w.OpenAsync();
        Assert.NotNull(await Files().OpenAsync(draft.Id, null));
        await using var ctx = db.CreateDbContext();
        Assert.Equal(1, await ctx.Attachments.CountAsync(a => a.OwnerKind == CampaignAttachments.CoverKind && a.OwnerId == w.Campaign.ToString()));
    }

    [Fact]
    public async Task ShouldAttachPhotosToAnUpdateAndMinutesToADecisionAndRefuseOtherFiles()
    {
        var w = await CampaignWorld.CreateAsync(db, db.Clock);
        await w.OpenAsync();
        var today = CampaignService.VietnamDate(db.Clock.GetUtcNow());

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => w.Service.PostAsync(w.Organiser, w.Campaign, CampaignPostKind.Milestone,
            "Hoàn thành 1 km", "Đã đổ xong 1 km đường bê tông.", [new IncomingFile("bien-ban.pdf", SampleFiles.Pdf())]));
        await w.Service.PostAsync(w.Organiser, w.Campaign, CampaignPostKind.Milestone, "Hoàn thành 1 km", "Đã đổ xong 1 km đường bê tông.",
            [new IncomingFile("km1.jpg", SampleFiles.Jpeg()), new IncomingFile("km1-b.webp", SampleFiles.WebP())]);
        var village = await w.PersonAsync("Trưởng thôn mới", Portal.Domain.Accounts.StaffRole.VillageHead, w.Tree.VillageA2, home: w.Tree.VillageA2);
        await w.Service.RecordDecisionAsync(village, w.Campaign, new DecisionRecord(w.Tree.VillageA2, DecisionMethod.Meeting, 60, 41, 10, 9, today),
            [new IncomingFile("bien-ban-hop-thon.pdf", SampleFiles.Pdf())]);

        Assert.NotNull(refused.Key);
        var posts = await w.Reader.PostsAsync(w.Campaign);
        Assert.Equal(["km1.jpg", "km1-b.webp"], posts.Single().Photos.Select(p => p.FileName));
        var details = (await w.Reader.DetailsAsync(w.Campaign))!;
        var minutes = details.Villages.Single(v => v.VillageId == w.Tree.VillageA2).Decision!.Minutes.Single();
        Assert.Equal("bien-ban-hop-thon.pdf", minutes.FileName);
        Assert.NotNull(await Files().OpenAsync(minutes.Id, null));
    }
}
