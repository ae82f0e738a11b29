namespace Portal.Domain.Dialogues;

/// <summary>One progress report on a commitment by its responsible agency: the percent reached, an optional note
/// (Markdown) and photos (attachments owned by "progress" + this id).</summary>
public sealed class CommitmentProgressReport
{
    public const int MaxNoteLength = 5000;

    private CommitmentProgressReport() { }

    public CommitmentProgressReport(long commitmentId, int percent, string? note, string? reportedById, DateTimeOffset at)
    {
        var text = Text.CleanOrNull(note);
        if (text is { Length: > MaxNoteLength }) throw new DomainRuleException("commitment.note.too-long", MaxNoteLength);
        CommitmentId = commitmentId;
        Percent = percent;
        NoteMarkdown = text;
        ReportedById = reportedById;
        ReportedAt = at;
    }

    public long Id { get; private set; }
    public long CommitmentId { get; private set; }
    public int Percent { get; private set; }
    public string? NoteMarkdown { get; private set; }
    public string? ReportedById { get; private set; }
    public DateTimeOffset ReportedAt { get; private set; }
}
