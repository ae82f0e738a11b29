using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Units;

namespace Portal.Domain.Data.Configurations;

public sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> agency)
    {
        agency.Property(a => a.Name).HasMaxLength(200);
        agency.Property(a => a.ContactEmail).HasMaxLength(254);
        agency.Property(a => a.Kind).HasConversion<short>();
        agency.HasOne(a => a.Unit).WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        agency.HasIndex(a => new { a.UnitId, a.Name }).IsUnique();
        agency.HasMany(a => a.Members).WithOne().HasForeignKey(m => m.AgencyId).OnDelete(DeleteBehavior.Cascade);
        agency.Property(a => a.Version).IsRowVersion();
    }
}

public sealed class AgencyMemberConfiguration : IEntityTypeConfiguration<AgencyMember>
{
    public void Configure(EntityTypeBuilder<AgencyMember> member)
    {
        member.HasKey(m => new { m.AgencyId, m.UserId });
        member.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        member.HasIndex(m => m.UserId);
    }
}
