using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Units;

namespace Portal.Domain.Data.Configurations;

public sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> unit)
    {
        // Ids come from a sequence the service draws from before the insert, so the ltree path (made of ids) is known up front.
        unit.Property(u => u.Id).UseSequence("unit_ids");
        unit.Property(u => u.Code).HasMaxLength(20);
        unit.HasIndex(u => u.Code).IsUnique().HasFilter("code IS NOT NULL");
        unit.Property(u => u.Name).HasMaxLength(Unit.MaxNameLength);
        unit.Property(u => u.FullName).HasMaxLength(Unit.MaxNameLength);
        unit.Property(u => u.NameEn).HasMaxLength(Unit.MaxNameLength);
        unit.Property(u => u.Level).HasConversion<short>();
        unit.Property(u => u.Path).HasColumnType("ltree");
        unit.HasIndex(u => u.Path).HasMethod("gist");
        unit.HasIndex(u => u.ParentId);
        unit.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        unit.Property(u => u.Version).IsRowVersion();
    }
}
