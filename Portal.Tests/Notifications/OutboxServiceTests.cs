using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Notifications;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Notifications;

/// <summary>The administrators' outbox: lists by state, and revives a dead-lettered email for the national admin only.</summary>
public class OutboxServiceTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private OutboxService Service() => new(db, db.Clock);

    [Fact]
    public async Task ShouldReviveADeadLetteredEmailForTheNationalAdminAndAuditIt()
    {
        var admin = await NationalAdminAsync();
        var id = await QueueAsync(dead: true);

        await Service().ReviveAsync(admin, id);

        await using var check = db.CreateDbContext();
        var message = await check.Outbox.SingleAsync(m => m.Id == id);
        Assert.True(message.IsPending);
        Assert.Equal(0, message.Attempts);
        Assert.Equal(db.Clock.GetUtcNow(), message.NextAttemptAt);
        var audit = await check.AuditEntries.SingleAsync(a => a.Action == "outbox.retry" && a.ItemId == id.ToString());
        Assert.Equal(admin.UserId, audit.ActorId);
        Assert.Equal("outbox", audit.ItemType);
        Assert.Equal(OutboxMessage.MaxAttempts, JsonDocument.Parse(audit.Before!).RootElement.GetProperty("Attempts").GetInt32());
        Assert.Equal(0, JsonDocument.Parse(audit.After!).RootElement.GetProperty("Attempts").GetInt32());
    }

    [Fact]
    public async Task ShouldRefuseRetryToACommuneAdmin()
    {
        var tree = await SmallTree.CreateAsync(db);
        var communeAdmin = await StaffAsync("Quản trị xã Thất Khê", tree.CommuneA, StaffRole.Admin);
        var id = await QueueAsync(dead: true);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Service().ReviveAsync(communeAdmin, id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service().ListAsync(communeAdmin, OutboxState.Dead, 1));

        await using var check = db.CreateDbContext();
        Assert.NotNull((await check.Outbox.SingleAsync(m => m.Id == id)).DeadAt);
        Assert.False(await check.AuditEntries.AnyAsync(a => a.Action == "outbox.retry" && a.ItemId == id.ToString()));
    }

    [Fact]
    public async Task ShouldRefuseToSendAgainAnEmailAlreadySent()
    {
        var admin = await NationalAdminAsync();
        var id = await QueueAsync(dead: false, sent: true);

        var refusal = await Assert.ThrowsAsync<DomainRuleException>(() => Service().ReviveAsync(admin, id));

        Assert.Equal("outbox.retry.already-sent", refusal.Key);
    }

    [Fact]
    public async Task ShouldListEachStateOnItsOwnTabWithCountsAndPages()
    {
        var admin = await NationalAdminAsync();
        var before = await Service().CountsAsync(admin);
        var pending = await QueueAsync(dead: false);
        var sent = await QueueAsync(dead: false, sent: true);
        var dead = await QueueAsync(dead: true);
        for (var i = 0; i < OutboxService.PageSize; i++) await QueueAsync(dead: false);

        var counts = await Service().CountsAsync(admin);
        var deadPage = await Service().ListAsync(admin, OutboxState.Dead, 1);
        var sentPage = await Service().ListAsync(admin, OutboxState.Sent, 1);
        var firstPending = await Service().ListAsync(admin, OutboxState.Pending, 1);
        var secondPending = await Service().ListAsync(admin, OutboxState.Pending, 2);

        Assert.Equal(new OutboxCounts(before.Pending + 1 + OutboxService.PageSize, before.Sent + 1, before.Dead + 1), counts);
        var row = Assert.Single(deadPage.Rows, r => r.Id == dead);
        Assert.Equal(OutboxMessage.MaxAttempts, row.Attempts);
        Assert.Equal("SendGrid 500: Internal Server Error", row.LastError);
        Assert.DoesNotContain(deadPage.Rows, r => r.Id == pending || r.Id == sent);
        Assert.Contains(sentPage.Rows, r => r.Id == sent && r.ProviderMessageId == "sg-" + sent);
        Assert.Equal(OutboxService.PageSize, firstPending.Rows.Count);
        Assert.Equal(2, firstPending.PageCount);
        Assert.Empty(firstPending.Rows.Select(r => r.Id).Intersect(secondPending.Rows.Select(r => r.Id)));
        Assert.Contains(pending, firstPending.Rows.Concat(secondPending.Rows).Select(r => r.Id));
    }

    private async Task<Actor> NationalAdminAsync()
    {
        await SmallTree.CreateAsync(db);
        await using var ctx = db.CreateDbContext();
        var country = await ctx.Units.Where(u => u.Level == UnitLevel.Country).Select(u => u.Id).SingleAsync();
        return await StaffAsync("Quản trị toàn quốc", country, StaffRole.Admin);
    }

    private async Task<Actor> StaffAsync(string name, int unit, StaffRole role)
    {
        var id = await TestUsers.CreateAsync(db, name);
        await new AccountService(db, db.Clock).GrantAsync(Actor.System, id, unit, role);
        return new Actor(id, name);
    }

    /// <summary>Queues one email; dead-letters it after the last attempt, or marks it sent.</summary>
    private async Task<long> QueueAsync(bool dead, bool sent = false)
    {
        await using var ctx = db.CreateDbContext();
        var now = db.Clock.GetUtcNow();
        var message = new OutboxMessage("test:" + Guid.NewGuid(), "test", "dan@tinh.test", "Hoàng Thị Mai", "vi", "Thông báo", "Chào **chị Mai**.", now);
        Assert.True(await ctx.EnqueueAsync(message));
        if (dead)
            for (var i = 0; i < OutboxMessage.MaxAttempts; i++) message.AttemptFailed("SendGrid 500: Internal Server Error", now, null);
        await ctx.SaveChangesAsync();
        if (sent)
        {
            message.MarkSent("sg-" + message.Id, now);
            await ctx.SaveChangesAsync();
        }
        return message.Id;
    }
}
