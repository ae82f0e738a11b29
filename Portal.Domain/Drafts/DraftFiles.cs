using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Attachments;
using Portal.Domain.Audit;
using Portal.Domain.Data;

namespace Portal.Domain.Drafts;

/// <summary>A draft's original documents (the PDF or DOCX the drafting agency sent): who may see them, and the limits.</summary>
public sealed class DraftAttachmentAccess : IAttachmentAccess
{
    public const string Kind = "draft";

    public static readonly AttachmentLimits Limits = new(new HashSet<FileKind> { FileKind.Pdf, FileKind.Docx }, 3, 20 * AttachmentLimits.MegaByte);

    public string OwnerKind => Kind;

    /// <summary>Public once the draft is; while it is prepared, only its committee sees them.</summary>
    public async Task<bool> MayViewAsync(PortalDb db, Actor? viewer, string ownerId, CancellationToken ct)
    {
        if (!int.TryParse(ownerId, out var id)) return false;
        var draft = await db.Drafts.Where(d => d.Id == id).Select(d => new { d.State, d.UnitId }).SingleOrDefaultAsync(ct);
        if (draft is null) return false;
        return draft.State != DraftState.Preparing || (viewer is not null && await db.MayAsync(viewer, StaffAction.PublishDraft, draft.UnitId, ct));
    }
}

public sealed partial class DraftService
{
    /// <summary>The committee attaches the draft's original documents (PDF, DOCX), while it is prepared or open.</summary>
    public async Task AttachOriginalsAsync(Actor actor, int draftId, IReadOnlyList<IncomingFile> files, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var draft = await LoadAsync(db, draftId, ct);
        await db.DemandAsync(actor, StaffAction.PublishDraft, draft.UnitId, ct);
        if (draft.State is not (DraftState.Preparing or DraftState.Open)) throw new DomainRuleException("draft.files.closed");
        var now = clock.GetUtcNow();
        var added = await db.AttachAsync(AttachmentOwner.Of(DraftAttachmentAccess.Kind, draftId), files, DraftAttachmentAccess.Limits, actor, now, ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "draft.attach", "draft", draftId, draft.UnitId, null, new { Files = added.Select(a => a.FileName).ToList() }));
        await db.SaveChangesAsync(ct);
    }
}
