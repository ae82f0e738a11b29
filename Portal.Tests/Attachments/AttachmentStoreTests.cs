using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Attachments;
using Portal.Domain.Audit;
using Portal.Domain.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Attachments;

/// <summary>Attachments on the real PostgreSQL: written with the owner's change or not at all, listed without bytes,
/// opened only through the owner kind's access rule.</summary>
public class AttachmentStoreTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly AttachmentLimits Limits = new(AttachmentLimits.ImagesAndPdf, 3, AttachmentLimits.MegaByte);
    private static readonly Actor Mai = new("user-mai", "Hoàng Thị Mai");
    private static readonly DateTimeOffset At = new(2026, 2, 2, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ShouldWriteTheFilesOnlyWhenTheOwnersChangeCommits()
    {
        var rolledBack = AttachmentOwner.Of("question", 1001);
        await using (var context = db.CreateDbContext())
        {
            await using var tx = await context.Database.BeginTransactionAsync();
            context.AuditEntries.Add(AuditEntry.Of(Mai, At, "question.ask", "question", 1001, null, null, null));
            await context.AttachAsync(rolledBack, [new("duong.jpg", SampleFiles.Jpeg())], Limits, Mai, At);
            await context.SaveChangesAsync();
            await tx.RollbackAsync(); // the owner's change failed: no file may remain
        }
        var kept = AttachmentOwner.Of("question", 1002);
        var bytes = SampleFiles.Pdf(5000);
        await using (var context = db.CreateDbContext())
        {
            await context.AttachAsync(kept, [new("đơn đề nghị.pdf", bytes)], Limits, Mai, At);
            await context.SaveChangesAsync();
        }

        await using var check = db.CreateDbContext();
        Assert.False(await check.Attachments.AnyAsync(a => a.OwnerId == rolledBack.Id));
        var row = await check.Attachments.SingleAsync(a => a.OwnerId == kept.Id);
        Assert.Equal(("đơn đề nghị.pdf", "application/pdf", 5000L, Mai.UserId), (row.FileName, row.ContentType, row.Size, row.UploadedById));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), row.Sha256);
        Assert.Equal(bytes, await check.AttachmentContents.Where(c => c.AttachmentId == row.Id).Select(c => c.Bytes).SingleAsync());
    }

    [Fact]
    public async Task ShouldCountTheOwnersExistingFilesTowardsTheLimit()
    {
        var owner = AttachmentOwner.Of("progress", 7);
        await using (var context = db.CreateDbContext())
        {
            await context.AttachAsync(owner, [new("1.png", SampleFiles.Png()), new("2.png", SampleFiles.Png())], Limits, Mai, At);
            await context.SaveChangesAsync();
        }

        await using var again = db.CreateDbContext();
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            again.AttachAsync(owner, [new("3.png", SampleFiles.Png()), new("4.png", SampleFiles.Png())], Limits, Mai, At));
        Assert.Equal("attachment.too-many", refused.Key);
    }

    [Fact]
    public async Task ShouldListTheFilesOfManyOwnersInUploadOrder()
    {
        await using (var context = db.CreateDbContext())
        {
            await context.AttachAsync(AttachmentOwner.Of("answer", 1), [new("b.png", SampleFiles.Png())], Limits, Mai, At);
            await context.AttachAsync(AttachmentOwner.Of("answer", 2), [new("c.pdf", SampleFiles.Pdf())], Limits, Mai, At.AddMinutes(1));
            await context.AttachAsync(AttachmentOwner.Of("answer", 1), [new("a.gif", SampleFiles.Gif())], Limits, Mai, At.AddMinutes(2));
            await context.SaveChangesAsync();
        }

        var reader = new AttachmentReader(db, []);
        var files = await reader.ListAsync("answer", ["1", "2", "3"]);

        Assert.Equal(["b.png", "a.gif"], files["1"].Select(f => f.FileName));
        Assert.True(files["1"].First().IsImage);
        Assert.Equal(["c.pdf"], files["2"].Select(f => f.FileName));
        Assert.Empty(files["3"]);
        Assert.StartsWith("/tep/", files["2"].Single().Url);
    }

    [Fact]
    public async Task ShouldOpenAFileOnlyWhenTheOwnersRuleLetsTheViewerSeeIt()
    {
        Guid shown, hidden, unruled;
        await using (var context = db.CreateDbContext())
        {
            shown = (await context.AttachAsync(new AttachmentOwner("note", "public"), [new("a.png", SampleFiles.Png())], Limits, Mai, At)).Single().Id;
            hidden = (await context.AttachAsync(new AttachmentOwner("note", "mai-only"), [new("b.pdf", SampleFiles.Pdf())], Limits, Mai, At)).Single().Id;
            unruled = (await context.AttachAsync(new AttachmentOwner("other", "public"), [new("c.png", SampleFiles.Png())], Limits, Mai, At)).Single().Id;
            await context.SaveChangesAsync();
        }
        var reader = new AttachmentReader(db, [new NoteAccess()]);

        var file = await reader.OpenAsync(shown, null);
        Assert.Equal(("a.png", "image/png", true), (file!.FileName, file.ContentType, file.Inline));
        Assert.Null(await reader.OpenAsync(hidden, null));
        Assert.Null(await reader.OpenAsync(hidden, new Actor("someone-else", "Người khác")));
        Assert.Equal("b.pdf", (await reader.OpenAsync(hidden, Mai))!.FileName);
        Assert.Null(await reader.OpenAsync(unruled, Mai)); // no rule for its kind: never served
        Assert.Null(await reader.OpenAsync(Guid.NewGuid(), Mai));
    }

    /// <summary>"public" notes are public; others only for Mai.</summary>
    internal sealed class NoteAccess : IAttachmentAccess
    {
        public string OwnerKind => "note";

        public Task<bool> MayViewAsync(PortalDb db, Actor? viewer, string ownerId, CancellationToken ct) =>
            Task.FromResult(ownerId == "public" || viewer?.UserId == Mai.UserId);
    }
}
