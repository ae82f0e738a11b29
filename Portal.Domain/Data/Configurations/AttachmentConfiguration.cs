using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Attachments;

namespace Portal.Domain.Data.Configurations;

public sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> attachment)
    {
        attachment.Property(a => a.Id).ValueGeneratedNever();
        attachment.Property(a => a.OwnerKind).HasMaxLength(40);
        attachment.Property(a => a.OwnerId).HasMaxLength(60);
        attachment.Property(a => a.FileName).HasMaxLength(AttachmentRules.MaxNameLength);
        attachment.Property(a => a.ContentType).HasMaxLength(100);
        attachment.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
        attachment.HasIndex(a => new { a.OwnerKind, a.OwnerId });
        attachment.HasOne(a => a.Content).WithOne().HasForeignKey<AttachmentContent>(c => c.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AttachmentContentConfiguration : IEntityTypeConfiguration<AttachmentContent>
{
    public void Configure(EntityTypeBuilder<AttachmentContent> content)
    {
        content.HasKey(c => c.AttachmentId);
        content.Property(c => c.Bytes).HasColumnType("bytea");
    }
}
