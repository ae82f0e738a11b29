using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Accounts;

namespace Portal.Domain.Data.Configurations;

public sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(100);
        user.Property(u => u.PreferredLanguage).HasMaxLength(5);
        user.HasOne(u => u.HomeUnit).WithMany().HasForeignKey(u => u.HomeUnitId).OnDelete(DeleteBehavior.Restrict);
        user.HasMany(u => u.UnitRoles).WithOne(r => r.User).HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class UnitRoleConfiguration : IEntityTypeConfiguration<UnitRole>
{
    public void Configure(EntityTypeBuilder<UnitRole> role)
    {
        role.Property(r => r.Role).HasConversion<short>();
        role.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        role.HasIndex(r => new { r.UserId, r.UnitId, r.Role }).IsUnique();
        role.HasIndex(r => r.UnitId);
    }
}
