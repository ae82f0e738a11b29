using System.Text;

namespace Portal.Domain.Attachments;

/// <summary>A file as it arrived (name as the person's device gave it, the bytes read under the size cap).</summary>
public sealed record IncomingFile(string Name, byte[] Bytes);

/// <summary>A file that passed the rules: its sanitised name and the kind found in its content.</summary>
public sealed record CheckedFile(string Name, FileKind Kind, byte[] Bytes)
{
    public long Size => Bytes.LongLength;
}

/// <summary>What a feature accepts: which kinds, how many files, how large each.</summary>
public sealed record AttachmentLimits(IReadOnlySet<FileKind> Allowed, int MaxCount, long MaxBytesEach)
{
    public const long MegaByte = 1024 * 1024;

    public static readonly IReadOnlySet<FileKind> Images = new HashSet<FileKind> { FileKind.Jpeg, FileKind.Png, FileKind.WebP, FileKind.Gif };
    public static readonly IReadOnlySet<FileKind> ImagesAndPdf = new HashSet<FileKind>(Images) { FileKind.Pdf };
    public static readonly IReadOnlySet<FileKind> Documents = new HashSet<FileKind>(ImagesAndPdf) { FileKind.Docx };

    public int MaxMegaBytes => (int)Math.Ceiling(MaxBytesEach / (double)MegaByte);

    /// <summary>For the file picker's <c>accept</c>: a hint to the browser only, the content is checked on the server.</summary>
    public string AcceptHint => string.Join(",", Allowed.Select(FileSignature.ContentType));
}

/// <summary>
/// Pure: checks a batch of files against a feature's limits, one refusal at a time with a message key the UI translates
/// ("attachment.kind.not-image-or-pdf" → "Tệp 'x.exe' không phải ảnh hoặc PDF.").
/// </summary>
public static class AttachmentRules
{
    public const int MaxNameLength = 150;

    public static IReadOnlyList<CheckedFile> Check(IReadOnlyList<IncomingFile> files, AttachmentLimits limits)
    {
        if (files.Count > limits.MaxCount) throw new DomainRuleException("attachment.too-many", limits.MaxCount);
        return files.Select(f => CheckOne(f, limits)).ToList();
    }

    public static CheckedFile CheckOne(IncomingFile file, AttachmentLimits limits)
    {
        var name = SanitiseName(file.Name);
        if (file.Bytes.Length == 0) throw new DomainRuleException("attachment.empty", name);
        if (file.Bytes.LongLength > limits.MaxBytesEach) throw new DomainRuleException("attachment.too-large", name, limits.MaxMegaBytes);
        var kind = FileSignature.Detect(file.Bytes);
        if (kind is null || !limits.Allowed.Contains(kind.Value)) throw KindRefused(name, limits.Allowed);
        return new CheckedFile(name, kind.Value, file.Bytes);
    }

    /// <summary>The refusal for a file of a kind the feature does not take, worded for the kinds it does take.</summary>
    public static DomainRuleException KindRefused(string name, IReadOnlySet<FileKind> allowed)
    {
        if (allowed.SetEquals(AttachmentLimits.Images)) return new DomainRuleException("attachment.kind.not-image", name);
        if (allowed.SetEquals(AttachmentLimits.ImagesAndPdf)) return new DomainRuleException("attachment.kind.not-image-or-pdf", name);
        return new DomainRuleException("attachment.kind.not-allowed", name, string.Join(", ", allowed.Order().Select(k => k.ToString().ToUpperInvariant())));
    }

    /// <summary>The name as uploaded, safe to store and to put in a header or a link: NFC, no folders, no control or
    /// reserved characters, at most <see cref="MaxNameLength"/> characters (the extension kept).</summary>
    public static string SanitiseName(string? raw)
    {
        var name = (raw ?? "").Normalize(NormalizationForm.FormC);
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var c in name)
            clean.Append(char.IsControl(c) || "<>:\"|?*%#;".Contains(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format ? '_' : c);
        name = clean.ToString().Trim().Trim('.').Trim();
        if (name.Length == 0) name = "tep";
        if (name.Length > MaxNameLength)
        {
            var dot = name.LastIndexOf('.');
            var extension = dot > 0 && name.Length - dot <= 10 ? name[dot..] : "";
            name = name[..(MaxNameLength - extension.Length)].TrimEnd() + extension;
        }
        return name;
    }
}
