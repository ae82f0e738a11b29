using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Reports;

namespace Portal.Domain.Data.Configurations;

public sealed class StatisticsSnapshotConfiguration : IEntityTypeConfiguration<StatisticsSnapshot>
{
    public void Configure(EntityTypeBuilder<StatisticsSnapshot> snapshot)
    {
        snapshot.ToTable("statistics_snapshots");
        snapshot.Property(s => s.Figure).HasMaxLength(60);
        snapshot.HasIndex(s => new { s.Month, s.UnitId, s.AgencyId, s.Figure }).IsUnique().AreNullsDistinct(false);
        snapshot.HasIndex(s => new { s.AgencyId, s.Month });
        snapshot.HasOne<Portal.Domain.Units.Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}
