using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Dialogues;

namespace Portal.Domain.Data.Configurations;

public sealed class DialogueConferenceConfiguration : IEntityTypeConfiguration<DialogueConference>
{
    public void Configure(EntityTypeBuilder<DialogueConference> conference)
    {
        conference.Property(c => c.Title).HasMaxLength(200);
        conference.Property(c => c.Summary).HasMaxLength(4000);
        conference.Property(c => c.Hosts).HasMaxLength(300);
        conference.Property(c => c.Place).HasMaxLength(300);
        conference.Property(c => c.OnlineLink).HasMaxLength(500);
        conference.Property(c => c.AnnounceOverrideReason).HasMaxLength(1000);
        conference.Property(c => c.State).HasConversion<short>();
        conference.Property(c => c.Moderation).HasConversion<short>();
        conference.HasOne(c => c.Unit).WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        conference.HasOne(c => c.OrganiserAgency).WithMany().HasForeignKey(c => c.OrganiserAgencyId).OnDelete(DeleteBehavior.Restrict);
        conference.HasOne<Units.Agency>().WithMany().HasForeignKey(c => c.FrontAgencyId).OnDelete(DeleteBehavior.Restrict);
        conference.HasIndex(c => new { c.UnitId, c.StartsAt });
        // The window-close job's question every minute: which closed windows are not compiled yet.
        conference.HasIndex(c => c.QuestionsCloseAt).HasFilter("window_compiled_at IS NULL");
        conference.Property(c => c.Version).IsRowVersion();
    }
}

public sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> question)
    {
        question.Property(q => q.Topic).HasMaxLength(80);
        question.Property(q => q.Body).HasMaxLength(Question.MaxLength);
        question.Property(q => q.RedactedBody).HasMaxLength(Question.MaxLength);
        question.Property(q => q.RelayedForName).HasMaxLength(100);
        question.Property(q => q.RelayedForPhone).HasMaxLength(20);
        question.Property(q => q.RefusalReason).HasMaxLength(1000);
        question.Property(q => q.RatingReason).HasMaxLength(1000);
        question.Property(q => q.State).HasConversion<short>();
        question.Property(q => q.Visibility).HasConversion<short>();
        question.Property(q => q.Rating).HasConversion<short?>();
        question.HasOne<DialogueConference>().WithMany().HasForeignKey(q => q.ConferenceId).OnDelete(DeleteBehavior.Restrict);
        question.HasOne<Units.Unit>().WithMany().HasForeignKey(q => q.VillageId).OnDelete(DeleteBehavior.Restrict);
        question.HasOne<Units.Agency>().WithMany().HasForeignKey(q => q.AgencyId).OnDelete(DeleteBehavior.Restrict);
        question.HasOne<Accounts.PortalUser>().WithMany().HasForeignKey(q => q.AuthorId).OnDelete(DeleteBehavior.Restrict);
        question.HasOne<Question>().WithMany().HasForeignKey(q => q.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        question.HasIndex(q => new { q.AuthorId, q.ClientRequestId }).IsUnique();
        question.HasIndex(q => new { q.ConferenceId, q.State, q.SupportCount });
        question.HasIndex(q => new { q.AgencyId, q.State });
        question.Property(q => q.Version).IsRowVersion();
    }
}

public sealed class QuestionSupportConfiguration : IEntityTypeConfiguration<QuestionSupport>
{
    public void Configure(EntityTypeBuilder<QuestionSupport> support)
    {
        support.HasKey(s => new { s.QuestionId, s.UserId });
        support.HasOne<Question>().WithMany().HasForeignKey(s => s.QuestionId).OnDelete(DeleteBehavior.Cascade);
        support.HasOne<Accounts.PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class QuestionFollowerConfiguration : IEntityTypeConfiguration<QuestionFollower>
{
    public void Configure(EntityTypeBuilder<QuestionFollower> follower)
    {
        follower.HasKey(f => new { f.QuestionId, f.UserId });
        follower.HasOne<Question>().WithMany().HasForeignKey(f => f.QuestionId).OnDelete(DeleteBehavior.Cascade);
        follower.HasOne<Accounts.PortalUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> commitment)
    {
        commitment.Property(c => c.What).HasMaxLength(1000);
        commitment.HasOne<Question>().WithMany().HasForeignKey(c => c.QuestionId).OnDelete(DeleteBehavior.Cascade);
        commitment.HasOne<Units.Agency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        commitment.HasIndex(c => c.QuestionId);
    }
}

public sealed class CommitmentProgressReportConfiguration : IEntityTypeConfiguration<CommitmentProgressReport>
{
    public void Configure(EntityTypeBuilder<CommitmentProgressReport> report)
    {
        report.Property(r => r.NoteMarkdown).HasMaxLength(CommitmentProgressReport.MaxNoteLength);
        report.HasOne<Commitment>().WithMany().HasForeignKey(r => r.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        report.HasIndex(r => new { r.CommitmentId, r.ReportedAt });
    }
}

public sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> rule)
    {
        rule.Property(r => r.Topic).HasMaxLength(80);
        rule.HasIndex(r => new { r.UnitId, r.Topic }).IsUnique();
        rule.HasOne<Units.Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Cascade);
        rule.HasOne<Units.Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AbuseReportConfiguration : IEntityTypeConfiguration<AbuseReport>
{
    public void Configure(EntityTypeBuilder<AbuseReport> report)
    {
        report.Property(r => r.Reason).HasMaxLength(AbuseReport.ReasonMaxLength);
        report.HasIndex(r => new { r.QuestionId, r.UserId }).IsUnique();
        report.HasOne<Question>().WithMany().HasForeignKey(r => r.QuestionId).OnDelete(DeleteBehavior.Cascade);
        report.HasOne<Accounts.PortalUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
