using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Deadlines;

namespace Portal.Domain.Data.Configurations;

public sealed class HolidayConfiguration : IEntityTypeConfiguration<Holiday>
{
    public void Configure(EntityTypeBuilder<Holiday> holiday)
    {
        holiday.Property(h => h.Name).HasMaxLength(120);
        holiday.Property(h => h.Kind).HasConversion<short>();
        holiday.HasIndex(h => h.Date).IsUnique();
    }
}

public sealed class DeadlinePolicyConfiguration : IEntityTypeConfiguration<DeadlinePolicy>
{
    public void Configure(EntityTypeBuilder<DeadlinePolicy> policy)
    {
        policy.Property(p => p.Kind).HasConversion<short>();
        policy.Property(p => p.Level).HasConversion<short?>();
        policy.Property(p => p.Counting).HasConversion<short>();
        policy.Property(p => p.Basis).HasMaxLength(300);
        policy.HasIndex(p => new { p.Kind, p.Level }).IsUnique().AreNullsDistinct(false);
        policy.Property(p => p.Version).IsRowVersion();
    }
}
