namespace Portal.Domain.Deadlines;

public enum DeadlineState
{
    OnTime = 1,
    DueSoon = 2,
    Overdue = 3,
    AnsweredOnTime = 4,
    AnsweredLate = 5,
}

/// <summary>
/// The one deadline value every deadline-bearing item carries (an EF owned type): when it started, when it is due,
/// why (the explanation in both languages), and when it was met. Its state is computed, never stored.
/// </summary>
public sealed record Deadline(DateTimeOffset StartedAt, DateTimeOffset DueAt, string ExplanationVi, string ExplanationEn, DateTimeOffset? MetAt = null)
{
    /// <summary>How close to the due instant an open item counts as "due soon".</summary>
    public static readonly TimeSpan DueSoonWindow = TimeSpan.FromDays(3);

    public static Deadline From(DateTimeOffset start, DeadlineResult result) =>
        new(start, result.Due, result.ExplanationVi, result.ExplanationEn);

    public DeadlineState StateAt(DateTimeOffset now)
    {
        if (MetAt is DateTimeOffset met) return met <= DueAt ? DeadlineState.AnsweredOnTime : DeadlineState.AnsweredLate;
        if (now > DueAt) return DeadlineState.Overdue;
        return DueAt - now <= DueSoonWindow ? DeadlineState.DueSoon : DeadlineState.OnTime;
    }

    public Deadline Met(DateTimeOffset at) => MetAt is null ? this with { MetAt = at } : this;

    public string Explanation(string language) => language == "en" ? ExplanationEn : ExplanationVi;
}
