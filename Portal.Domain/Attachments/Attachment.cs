using System.Security.Cryptography;
using Portal.Domain.Accounts;

namespace Portal.Domain.Attachments;

/// <summary>Who a file belongs to: a kind of item ("question", "answer", "progress", ...) and its id.</summary>
public sealed record AttachmentOwner(string Kind, string Id)
{
    public static AttachmentOwner Of(string kind, long id) => new(kind, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>
/// A file attached to an item, stored in PostgreSQL with the change that brought it (no orphan files, one backup).
/// The bytes are in <see cref="AttachmentContent"/>, a separate table, so listing attachments never loads them.
/// </summary>
public sealed class Attachment
{
    private Attachment() { }

    /// <param name="ordinal">The file's place in its batch: ids are time-ordered (UUIDv7, millisecond steps), so files
    /// uploaded together keep their order.</param>
    internal Attachment(AttachmentOwner owner, CheckedFile file, Actor by, DateTimeOffset at, int ordinal = 0)
    {
        Id = Guid.CreateVersion7(at.AddMilliseconds(ordinal));
        OwnerKind = owner.Kind;
        OwnerId = owner.Id;
        FileName = file.Name;
        Kind = file.Kind;
        ContentType = FileSignature.ContentType(file.Kind);
        Size = file.Size;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Bytes));
        UploadedById = by.UserId;
        UploadedAt = at;
        Content = new AttachmentContent { AttachmentId = Id, Bytes = file.Bytes };
    }

    public Guid Id { get; private set; }
    public string OwnerKind { get; private set; } = "";
    public string OwnerId { get; private set; } = "";
    /// <summary>The name as uploaded (NFC, sanitised).</summary>
    public string FileName { get; private set; } = "";
    /// <summary>What the content is, detected from its bytes.</summary>
    public FileKind Kind { get; private set; }
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    /// <summary>SHA-256 of the bytes, lower-case hex.</summary>
    public string Sha256 { get; private set; } = "";
    /// <summary>Null when the system attached it (imports, demo data).</summary>
    public string? UploadedById { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
    public AttachmentContent Content { get; private set; } = null!;
}

/// <summary>The bytes of one attachment.</summary>
public sealed class AttachmentContent
{
    public Guid AttachmentId { get; set; }
    public byte[] Bytes { get; set; } = [];
}
