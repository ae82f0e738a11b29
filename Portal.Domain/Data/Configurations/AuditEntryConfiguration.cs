using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Audit;

namespace Portal.Domain.Data.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.Property(e => e.Action).HasMaxLength(60);
        entry.Property(e => e.ItemType).HasMaxLength(60);
        entry.Property(e => e.ItemId).HasMaxLength(60);
        entry.Property(e => e.ActorName).HasMaxLength(200);
        entry.Property(e => e.Before).HasColumnType("jsonb");
        entry.Property(e => e.After).HasColumnType("jsonb");
        entry.HasIndex(e => new { e.ItemType, e.ItemId });
        entry.HasIndex(e => e.At);
    }
}
