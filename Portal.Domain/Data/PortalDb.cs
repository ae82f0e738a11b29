using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Attachments;
using Portal.Domain.Audit;
using Portal.Domain.Deadlines;
using Portal.Domain.Dialogues;
using Portal.Domain.Notifications;
using Portal.Domain.Units;

namespace Portal.Domain.Data;

public sealed class PortalDb(DbContextOptions<PortalDb> options) : IdentityDbContext<PortalUser>(options)
{
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<AgencyMember> AgencyMembers => Set<AgencyMember>();
    public DbSet<UnitRole> UnitRoles => Set<UnitRole>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Holiday> Holidays => Set<Holiday>();
    public DbSet<DeadlinePolicy> DeadlinePolicies => Set<DeadlinePolicy>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<TrackedDeadline> TrackedDeadlines => Set<TrackedDeadline>();
    public DbSet<DeadlineReminder> DeadlineReminders => Set<DeadlineReminder>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<DialogueConference> Conferences => Set<DialogueConference>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<QuestionSupport> QuestionSupports => Set<QuestionSupport>();
    public DbSet<QuestionFollower> QuestionFollowers => Set<QuestionFollower>();
    public DbSet<Commitment> Commitments => Set<Commitment>();
    public DbSet<CommitmentProgressReport> CommitmentProgressReports => Set<CommitmentProgressReport>();
    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();
    public DbSet<AbuseReport> AbuseReports => Set<AbuseReport>();
    public DbSet<Portal.Domain.Reports.StatisticsSnapshot> StatisticsSnapshots => Set<Portal.Domain.Reports.StatisticsSnapshot>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<AttachmentContent> AttachmentContents => Set<AttachmentContent>();
    // Scale-out: the Data Protection key ring shared by every web node (Portal.Web/Hosting/DatabaseKeyRing.cs).
    public DbSet<KeyRingEntry> DataProtectionKeys => Set<KeyRingEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("ltree");
        builder.HasPostgresExtension("unaccent");
        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDb).Assembly);
    }

    /// <summary>Every instant is stored in UTC (timestamptz); callers may hold Vietnam-offset values, e.g. a start
    /// computed at 09:00+07:00, and Npgsql accepts only offset 0.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
        builder.Properties<DateTimeOffset?>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(), v => v.ToUniversalTime());

    /// <summary>Shared options: Npgsql, snake_case names (readable raw SQL), migrations in this assembly.</summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PortalDb).Assembly.FullName))
            .UseSnakeCaseNamingConvention();
}
