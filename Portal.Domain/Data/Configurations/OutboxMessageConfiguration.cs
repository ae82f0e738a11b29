using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Notifications;

namespace Portal.Domain.Data.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("outbox");
        message.Property(m => m.Key).HasMaxLength(200);
        message.HasIndex(m => m.Key).IsUnique();
        message.Property(m => m.Kind).HasMaxLength(60);
        message.Property(m => m.ToEmail).HasMaxLength(254);
        message.Property(m => m.ToName).HasMaxLength(200);
        message.Property(m => m.Language).HasMaxLength(5);
        message.Property(m => m.Subject).HasMaxLength(300);
        message.Property(m => m.UnsubscribeUrl).HasMaxLength(500);
        // The dispatcher's query: pending messages whose time has come.
        message.HasIndex(m => m.NextAttemptAt).HasFilter("sent_at IS NULL AND dead_at IS NULL");
    }
}
