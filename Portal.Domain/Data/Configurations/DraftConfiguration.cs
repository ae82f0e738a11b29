using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Drafts;

namespace Portal.Domain.Data.Configurations;

public sealed class DraftConfiguration : IEntityTypeConfiguration<Draft>
{
    public void Configure(EntityTypeBuilder<Draft> draft)
    {
        draft.Property(d => d.Title).HasMaxLength(Draft.TitleMax);
        draft.Property(d => d.Summary).HasMaxLength(Draft.SummaryMax);
        draft.Property(d => d.ReportMarkdown).HasMaxLength(Draft.ReportMax);
        draft.Property(d => d.State).HasConversion<short>();
        draft.Property(d => d.Kind).HasConversion<short>();
        draft.Property(d => d.Audience).HasConversion<short>();
        draft.HasOne(d => d.Unit).WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        draft.HasOne(d => d.FrontAgency).WithMany().HasForeignKey(d => d.FrontAgencyId).OnDelete(DeleteBehavior.Restrict);
        draft.HasOne(d => d.DraftingAgency).WithMany().HasForeignKey(d => d.DraftingAgencyId).OnDelete(DeleteBehavior.Restrict);
        draft.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DraftId).OnDelete(DeleteBehavior.Cascade);
        draft.HasIndex(d => new { d.UnitId, d.State });
        // The sweep's question every minute: which open windows have closed and are not compiled yet.
        draft.HasIndex(d => d.ClosesAt).HasFilter("compiled_at IS NULL");
        draft.Property(d => d.Version).IsRowVersion();
    }
}

public sealed class DraftVersionConfiguration : IEntityTypeConfiguration<DraftVersion>
{
    public void Configure(EntityTypeBuilder<DraftVersion> version)
    {
        version.Property(v => v.Body).HasMaxLength(DraftVersion.BodyMax);
        version.Property(v => v.ChangeNote).HasMaxLength(1000);
        version.HasIndex(v => new { v.DraftId, v.Number }).IsUnique();
    }
}

public sealed class DraftCommentConfiguration : IEntityTypeConfiguration<DraftComment>
{
    public void Configure(EntityTypeBuilder<DraftComment> comment)
    {
        comment.Property(c => c.SectionAnchor).HasMaxLength(120);
        comment.Property(c => c.Body).HasMaxLength(DraftComment.MaxLength);
        comment.Property(c => c.RedactedBody).HasMaxLength(DraftComment.MaxLength);
        comment.Property(c => c.ProposedWording).HasMaxLength(DraftComment.MaxLength);
        comment.Property(c => c.OrganisationName).HasMaxLength(200);
        comment.Property(c => c.RefusalReason).HasMaxLength(DraftComment.RefusalMax);
        comment.Property(c => c.Stance).HasConversion<short>();
        comment.Property(c => c.State).HasConversion<short>();
        comment.HasOne<Draft>().WithMany().HasForeignKey(c => c.DraftId).OnDelete(DeleteBehavior.Restrict);
        comment.HasOne<DraftVersion>().WithMany().HasForeignKey(c => c.VersionId).OnDelete(DeleteBehavior.Restrict);
        comment.HasOne<Accounts.PortalUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        comment.HasIndex(c => new { c.AuthorId, c.ClientRequestId }).IsUnique();
        comment.HasIndex(c => new { c.DraftId, c.SectionAnchor, c.State });
    }
}

public sealed class DraftCommentSupportConfiguration : IEntityTypeConfiguration<DraftCommentSupport>
{
    public void Configure(EntityTypeBuilder<DraftCommentSupport> support)
    {
        support.HasKey(s => new { s.CommentId, s.UserId });
        support.HasOne<DraftComment>().WithMany().HasForeignKey(s => s.CommentId).OnDelete(DeleteBehavior.Cascade);
        support.HasOne<Accounts.PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DraftCommentReportConfiguration : IEntityTypeConfiguration<DraftCommentReport>
{
    public void Configure(EntityTypeBuilder<DraftCommentReport> report)
    {
        report.HasKey(r => new { r.CommentId, r.UserId });
        report.Property(r => r.Reason).HasMaxLength(500);
        report.HasOne<DraftComment>().WithMany().HasForeignKey(r => r.CommentId).OnDelete(DeleteBehavior.Cascade);
        report.HasOne<Accounts.PortalUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DraftInvitationConfiguration : IEntityTypeConfiguration<DraftInvitation>
{
    public void Configure(EntityTypeBuilder<DraftInvitation> invitation)
    {
        invitation.Property(i => i.Email).HasMaxLength(254);
        invitation.Property(i => i.Organisation).HasMaxLength(200);
        invitation.HasOne<Draft>().WithMany().HasForeignKey(i => i.DraftId).OnDelete(DeleteBehavior.Cascade);
        invitation.HasIndex(i => new { i.DraftId, i.Email }).IsUnique();
    }
}

public sealed class CriticismRecommendationConfiguration : IEntityTypeConfiguration<CriticismRecommendation>
{
    public void Configure(EntityTypeBuilder<CriticismRecommendation> recommendation)
    {
        recommendation.Property(r => r.SectionAnchor).HasMaxLength(120);
        recommendation.Property(r => r.SectionTitle).HasMaxLength(300);
        recommendation.Property(r => r.Text).HasMaxLength(CriticismRecommendation.TextMax);
        recommendation.Property(r => r.Explanation).HasMaxLength(CriticismRecommendation.ExplanationMax);
        recommendation.Property(r => r.Decision).HasConversion<short?>();
        recommendation.HasOne<Draft>().WithMany().HasForeignKey(r => r.DraftId).OnDelete(DeleteBehavior.Cascade);
        recommendation.HasIndex(r => new { r.DraftId, r.Position });
        recommendation.Property(r => r.Version).IsRowVersion();
    }
}
