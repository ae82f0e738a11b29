using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Attachments;
using Portal.Domain.Audit;
using Portal.Domain.Campaigns;
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

    public DbSet<Drafts.Draft> Drafts => Set<Drafts.Draft>();
    public DbSet<Drafts.DraftVersion> DraftVersions => Set<Drafts.DraftVersion>();
    public DbSet<Drafts.DraftComment> DraftComments => Set<Drafts.DraftComment>();
    public DbSet<Drafts.DraftCommentSupport> DraftCommentSupports => Set<Drafts.DraftCommentSupport>();
    public DbSet<Drafts.DraftCommentReport> DraftCommentReports => Set<Drafts.DraftCommentReport>();
    public DbSet<Drafts.DraftInvitation> DraftInvitations => Set<Drafts.DraftInvitation>();
    public DbSet<Drafts.CriticismRecommendation> CriticismRecommendations => Set<Drafts.CriticismRecommendation>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignGoal> CampaignGoals => Set<CampaignGoal>();
    public DbSet<VillageDecision> VillageDecisions => Set<VillageDecision>();
    public DbSet<Pledge> Pledges => Set<Pledge>();
    public DbSet<PledgeLine> PledgeLines => Set<PledgeLine>();
    public DbSet<CampaignPost> CampaignPosts => Set<CampaignPost>();
    public DbSet<CampaignFollower> CampaignFollowers => Set<CampaignFollower>();
    public DbSet<CampaignEvent> CampaignEvents => Set<CampaignEvent>();
    public DbSet<EventRegistration> EventRegistrations => Set<EventRegistration>();

    public DbSet<VillageInitiative> VillageInitiatives => Set<VillageInitiative>();

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
