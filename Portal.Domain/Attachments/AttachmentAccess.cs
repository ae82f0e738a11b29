using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Data;

namespace Portal.Domain.Attachments;

/// <summary>
/// The rule of one owner kind: may this viewer (null when signed out) see the owner, and so its files? Each feature
/// registers one per kind it attaches to (e.g. a question's files are public only once the question is).
/// </summary>
public interface IAttachmentAccess
{
    string OwnerKind { get; }
    Task<bool> MayViewAsync(PortalDb db, Actor? viewer, string ownerId, CancellationToken ct);
}

/// <summary>A file to send: what it is and its bytes.</summary>
public sealed record AttachmentDownload(string FileName, string ContentType, bool Inline, byte[] Bytes, string Sha256);

/// <summary>Opens a file for a viewer, asking the access rule of its owner kind; null when it does not exist, when no rule
/// is registered for its kind, or when the viewer may not see its owner (the caller answers 404 in every case).</summary>
public sealed class AttachmentReader(IDbContextFactory<PortalDb> dbs, IEnumerable<IAttachmentAccess> rules)
{
    private readonly Dictionary<string, IAttachmentAccess> _rules = rules.ToDictionary(r => r.OwnerKind);

    public async Task<AttachmentDownload?> OpenAsync(Guid id, Actor? viewer, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var file = await db.Attachments.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.OwnerKind, a.OwnerId, a.FileName, a.ContentType, a.Kind, a.Sha256 }).SingleOrDefaultAsync(ct);
        if (file is null || !_rules.TryGetValue(file.OwnerKind, out var rule)) return null;
        if (!await rule.MayViewAsync(db, viewer, file.OwnerId, ct)) return null;
        var bytes = await db.AttachmentContents.Where(c => c.AttachmentId == id).Select(c => c.Bytes).SingleAsync(ct);
        return new AttachmentDownload(file.FileName, file.ContentType, FileSignature.OpensInline(file.Kind), bytes, file.Sha256);
    }

    /// <summary>The files of many owners of one kind, without bytes (see <see cref="AttachmentStore.AttachmentsOfAsync"/>).</summary>
    public async Task<ILookup<string, AttachmentInfo>> ListAsync(string ownerKind, IEnumerable<string> ownerIds, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.AttachmentsOfAsync(ownerKind, ownerIds, ct);
    }
}
