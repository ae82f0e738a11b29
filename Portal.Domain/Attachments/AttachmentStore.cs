using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Data;

namespace Portal.Domain.Attachments;

/// <summary>A file as a list shows it: no bytes.</summary>
public sealed record AttachmentInfo(Guid Id, string FileName, FileKind Kind, long Size)
{
    public bool IsImage => FileSignature.IsImage(Kind);
    /// <summary>The download address, e.g. <c>/tep/0193.../anh-duong.jpg</c>.</summary>
    public string Url => $"/tep/{Id}/{Uri.EscapeDataString(FileName)}";
}

/// <summary>
/// How a feature service attaches files: inside its own transaction, on its own DbContext, before its SaveChanges.
/// The files are checked again here (kinds, count, size, content), so a caller cannot store what the rules refuse.
/// </summary>
public static class AttachmentStore
{
    /// <summary>Adds the files to <paramref name="db"/> for <paramref name="owner"/>; nothing is written until the caller
    /// saves. The owner's existing files count towards the limit.</summary>
    public static async Task<IReadOnlyList<Attachment>> AttachAsync(this PortalDb db, AttachmentOwner owner, IReadOnlyList<IncomingFile> files,
        AttachmentLimits limits, Actor by, DateTimeOffset at, CancellationToken ct = default)
    {
        if (files.Count == 0) return [];
        var existing = await db.Attachments.CountAsync(a => a.OwnerKind == owner.Kind && a.OwnerId == owner.Id, ct);
        var checkedFiles = AttachmentRules.Check(files, limits with { MaxCount = Math.Max(0, limits.MaxCount - existing) });
        var added = checkedFiles.Select((f, i) => new Attachment(owner, f, by, at, i)).ToList();
        db.Attachments.AddRange(added);
        return added;
    }

    /// <summary>The files of many owners of one kind (e.g. every question on a page), in upload order, without their bytes.</summary>
    public static async Task<ILookup<string, AttachmentInfo>> AttachmentsOfAsync(this PortalDb db, string ownerKind, IEnumerable<string> ownerIds,
        CancellationToken ct = default)
    {
        var ids = ownerIds.Distinct().ToList();
        if (ids.Count == 0) return Array.Empty<AttachmentInfo>().ToLookup(_ => "");
        var rows = await db.Attachments.AsNoTracking().Where(a => a.OwnerKind == ownerKind && ids.Contains(a.OwnerId))
            .OrderBy(a => a.UploadedAt).ThenBy(a => a.Id)
            .Select(a => new { a.OwnerId, Info = new AttachmentInfo(a.Id, a.FileName, a.Kind, a.Size) }).ToListAsync(ct);
        return rows.ToLookup(r => r.OwnerId, r => r.Info);
    }
}
