using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Campaigns;
using Portal.Domain.Units;

namespace Portal.Domain.Data.Configurations;

// Amounts are numeric(18,3): exact decimals (whole đồng up to 10^15, three places for tonnes and km), never floating point.

public sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> campaign)
    {
        campaign.Property(c => c.Title).HasMaxLength(Campaign.MaxTitle);
        campaign.Property(c => c.DescriptionMarkdown).HasMaxLength(Campaign.MaxDescription);
        campaign.Property(c => c.State).HasConversion<short>();
        campaign.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        campaign.HasOne<Agency>().WithMany().HasForeignKey(c => c.OrganiserAgencyId).OnDelete(DeleteBehavior.Restrict);
        campaign.HasMany(c => c.Villages).WithOne().HasForeignKey(v => v.CampaignId).OnDelete(DeleteBehavior.Cascade);
        campaign.HasMany(c => c.Goals).WithOne().HasForeignKey(g => g.CampaignId).OnDelete(DeleteBehavior.Cascade);
        campaign.HasIndex(c => new { c.UnitId, c.State });
        campaign.Property(c => c.Version).IsRowVersion();
    }
}

public sealed class CampaignVillageConfiguration : IEntityTypeConfiguration<CampaignVillage>
{
    public void Configure(EntityTypeBuilder<CampaignVillage> village)
    {
        village.HasKey(v => new { v.CampaignId, v.VillageId });
        village.HasOne<Unit>().WithMany().HasForeignKey(v => v.VillageId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CampaignGoalConfiguration : IEntityTypeConfiguration<CampaignGoal>
{
    public void Configure(EntityTypeBuilder<CampaignGoal> goal)
    {
        goal.Property(g => g.Kind).HasConversion<short>();
        goal.Property(g => g.Title).HasMaxLength(CampaignGoal.MaxTitle);
        goal.Property(g => g.UnitText).HasMaxLength(40);
        goal.Property(g => g.Target).HasPrecision(18, 3);
        goal.Property(g => g.Achieved).HasPrecision(18, 3);
        goal.HasMany(g => g.VillageTargets).WithOne().HasForeignKey(t => t.GoalId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class GoalVillageTargetConfiguration : IEntityTypeConfiguration<GoalVillageTarget>
{
    public void Configure(EntityTypeBuilder<GoalVillageTarget> target)
    {
        target.HasKey(t => new { t.GoalId, t.VillageId });
        target.Property(t => t.Target).HasPrecision(18, 3);
        target.HasOne<Unit>().WithMany().HasForeignKey(t => t.VillageId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class VillageDecisionConfiguration : IEntityTypeConfiguration<VillageDecision>
{
    public void Configure(EntityTypeBuilder<VillageDecision> decision)
    {
        decision.Property(d => d.Method).HasConversion<short>();
        decision.Property(d => d.ExplanationVi).HasMaxLength(400);
        decision.Property(d => d.ExplanationEn).HasMaxLength(400);
        decision.HasOne<Campaign>().WithMany().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Cascade);
        decision.HasOne<Unit>().WithMany().HasForeignKey(d => d.VillageId).OnDelete(DeleteBehavior.Restrict);
        decision.HasIndex(d => new { d.CampaignId, d.VillageId }).IsUnique();
        decision.Property(d => d.Version).IsRowVersion();
    }
}

public sealed class VillageInitiativeConfiguration : IEntityTypeConfiguration<VillageInitiative>
{
    public void Configure(EntityTypeBuilder<VillageInitiative> initiative)
    {
        initiative.Property(i => i.Proposal).HasMaxLength(VillageInitiative.MaxProposal);
        initiative.Property(i => i.ExplanationVi).HasMaxLength(400);
        initiative.Property(i => i.ExplanationEn).HasMaxLength(400);
        initiative.HasOne<Campaign>().WithMany().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Cascade);
        initiative.HasOne<Unit>().WithMany().HasForeignKey(i => i.VillageId).OnDelete(DeleteBehavior.Restrict);
        initiative.HasIndex(i => new { i.CampaignId, i.VillageId }).IsUnique();
        initiative.Property(i => i.Version).IsRowVersion();
    }
}

public sealed class PledgeConfiguration : IEntityTypeConfiguration<Pledge>
{
    public void Configure(EntityTypeBuilder<Pledge> pledge)
    {
        pledge.Property(p => p.PledgerName).HasMaxLength(Pledge.MaxName);
        pledge.Property(p => p.HouseholdName).HasMaxLength(Pledge.MaxName);
        pledge.Property(p => p.Note).HasMaxLength(Pledge.MaxNote);
        pledge.Property(p => p.CancelReason).HasMaxLength(Pledge.MaxNote);
        pledge.Property(p => p.State).HasConversion<short>();
        pledge.Property(p => p.Visibility).HasConversion<short>();
        pledge.HasOne<Campaign>().WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Restrict);
        pledge.HasOne<Unit>().WithMany().HasForeignKey(p => p.VillageId).OnDelete(DeleteBehavior.Restrict);
        pledge.HasOne<Accounts.PortalUser>().WithMany().HasForeignKey(p => p.PledgerId).OnDelete(DeleteBehavior.Restrict);
        pledge.HasOne<Accounts.PortalUser>().WithMany().HasForeignKey(p => p.RecordedById).OnDelete(DeleteBehavior.Restrict);
        pledge.HasMany(p => p.Lines).WithOne().HasForeignKey(l => l.PledgeId).OnDelete(DeleteBehavior.Cascade);
        // Double submission of one form (same request id from the same person) creates one pledge.
        pledge.HasIndex(p => new { p.ClientRequestId }).IsUnique();
        pledge.HasIndex(p => new { p.CampaignId, p.VillageId, p.State });
        pledge.HasIndex(p => new { p.PledgerId, p.CampaignId });
        pledge.Property(p => p.HouseholdKey).HasMaxLength(Pledge.MaxName);
        pledge.HasIndex(p => new { p.CampaignId, p.VillageId, p.HouseholdKey });
        pledge.Property(p => p.Version).IsRowVersion();
    }
}

public sealed class PledgeLineConfiguration : IEntityTypeConfiguration<PledgeLine>
{
    public void Configure(EntityTypeBuilder<PledgeLine> line)
    {
        line.Property(l => l.Amount).HasPrecision(18, 3);
        line.Property(l => l.Fulfilled).HasPrecision(18, 3);
        line.HasOne<CampaignGoal>().WithMany().HasForeignKey(l => l.GoalId).OnDelete(DeleteBehavior.Restrict);
        line.HasIndex(l => new { l.PledgeId, l.GoalId }).IsUnique();
        line.HasIndex(l => l.GoalId);
    }
}

public sealed class CampaignPostConfiguration : IEntityTypeConfiguration<CampaignPost>
{
    public void Configure(EntityTypeBuilder<CampaignPost> post)
    {
        post.Property(p => p.Kind).HasConversion<short>();
        post.Property(p => p.Title).HasMaxLength(CampaignPost.MaxTitle);
        post.Property(p => p.BodyMarkdown).HasMaxLength(CampaignPost.MaxBody);
        post.Property(p => p.AuthorName).HasMaxLength(100);
        post.HasOne<Campaign>().WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Cascade);
        post.HasIndex(p => new { p.CampaignId, p.PostedAt });
    }
}

public sealed class CampaignFollowerConfiguration : IEntityTypeConfiguration<CampaignFollower>
{
    public void Configure(EntityTypeBuilder<CampaignFollower> follower)
    {
        follower.HasKey(f => new { f.CampaignId, f.UserId });
        follower.HasOne<Campaign>().WithMany().HasForeignKey(f => f.CampaignId).OnDelete(DeleteBehavior.Cascade);
        follower.HasOne<Accounts.PortalUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CampaignEventConfiguration : IEntityTypeConfiguration<CampaignEvent>
{
    public void Configure(EntityTypeBuilder<CampaignEvent> e)
    {
        e.Property(x => x.Title).HasMaxLength(CampaignEvent.MaxTitle);
        e.Property(x => x.Place).HasMaxLength(CampaignEvent.MaxPlace);
        e.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.CampaignId, x.StartsAt });
    }
}

public sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> r)
    {
        r.HasKey(x => new { x.EventId, x.UserId });
        r.HasOne<CampaignEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne<Accounts.PortalUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne<Unit>().WithMany().HasForeignKey(x => x.VillageId).OnDelete(DeleteBehavior.Restrict);
    }
}
