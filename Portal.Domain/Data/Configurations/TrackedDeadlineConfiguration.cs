using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Deadlines;
using Portal.Domain.Notifications;

namespace Portal.Domain.Data.Configurations;

public sealed class TrackedDeadlineConfiguration : IEntityTypeConfiguration<TrackedDeadline>
{
    public void Configure(EntityTypeBuilder<TrackedDeadline> tracked)
    {
        tracked.Property(t => t.Kind).HasConversion<short>();
        tracked.Property(t => t.Counting).HasConversion<short>();
        tracked.Property(t => t.ItemType).HasMaxLength(40);
        tracked.Property(t => t.ItemId).HasMaxLength(40);
        tracked.Property(t => t.Title).HasMaxLength(300);
        tracked.Property(t => t.Link).HasMaxLength(300);
        tracked.HasIndex(t => new { t.ItemType, t.ItemId, t.Kind }).IsUnique();
        tracked.HasOne(t => t.Unit).WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
        tracked.HasOne(t => t.Agency).WithMany().HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Restrict);
        tracked.OwnsOne(t => t.Deadline, d =>
        {
            d.Property(x => x.StartedAt).HasColumnName("started_at");
            d.Property(x => x.DueAt).HasColumnName("due_at");
            d.Property(x => x.ExplanationVi).HasColumnName("explanation_vi").HasMaxLength(500);
            d.Property(x => x.ExplanationEn).HasColumnName("explanation_en").HasMaxLength(500);
            d.Property(x => x.MetAt).HasColumnName("met_at");
            // The sweep's and the workspace's question: open deadlines by due date.
            d.HasIndex(x => x.DueAt).HasFilter("met_at IS NULL");
            // The sweep's overdue step: open items not yet marked overdue, by due date.
            d.HasIndex([nameof(Deadline.DueAt)], "ix_tracked_deadlines_due_not_marked_overdue").HasFilter("met_at IS NULL AND overdue_marked_at IS NULL");
        });
        tracked.Navigation(t => t.Deadline).IsRequired();
        tracked.HasIndex(t => t.EscalateAt).HasFilter("escalated_at IS NULL AND met_at IS NULL");

        tracked.HasIndex(t => t.AgencyId);
        tracked.HasMany(t => t.Reminders).WithOne().HasForeignKey(r => r.TrackedDeadlineId).OnDelete(DeleteBehavior.Cascade);
        tracked.Property(t => t.Version).IsRowVersion();
    }
}

public sealed class DeadlineReminderConfiguration : IEntityTypeConfiguration<DeadlineReminder>
{
    public void Configure(EntityTypeBuilder<DeadlineReminder> reminder)
    {
        reminder.HasIndex(r => new { r.TrackedDeadlineId, r.DaysBefore }).IsUnique();
        reminder.HasIndex(r => r.RemindAt).HasFilter("sent_at IS NULL");
    }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.Property(n => n.Key).HasMaxLength(200);
        notification.Property(n => n.Kind).HasMaxLength(60);
        notification.Property(n => n.TitleVi).HasMaxLength(300);
        notification.Property(n => n.TitleEn).HasMaxLength(300);
        notification.Property(n => n.Link).HasMaxLength(300);
        notification.HasIndex(n => new { n.UserId, n.Key }).IsUnique();
        notification.HasIndex(n => new { n.UserId, n.CreatedAt });
        notification.HasIndex(n => n.UserId).HasFilter("read_at IS NULL").HasDatabaseName("ix_notifications_unread");
        notification.HasOne<Accounts.PortalUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> preference)
    {
        preference.HasKey(p => new { p.UserId, p.Kind });
        preference.Property(p => p.Kind).HasMaxLength(60);
        preference.Property(p => p.Channel).HasConversion<short>();
        preference.HasOne<Accounts.PortalUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
