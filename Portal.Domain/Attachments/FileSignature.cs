using System.IO.Compression;

namespace Portal.Domain.Attachments;

/// <summary>The kinds of file the portal accepts, told apart by their content.</summary>
public enum FileKind
{
    Jpeg = 1,
    Png = 2,
    WebP = 3,
    Gif = 4,
    Pdf = 5,
    Docx = 6,
}

/// <summary>
/// Pure: what a file is, from its first bytes (its "magic number"), never from its name or the type the browser claims.
/// A DOCX is a zip whose entries include <c>word/document.xml</c>; any other zip is not accepted.
/// </summary>
public static class FileSignature
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    public static FileKind? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) return FileKind.Jpeg;
        if (bytes.StartsWith(Png)) return FileKind.Png;
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return FileKind.WebP;
        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8)) return FileKind.Gif;
        if (bytes.StartsWith("%PDF-"u8)) return FileKind.Pdf;
        if (bytes.StartsWith(Zip) && IsDocx(bytes)) return FileKind.Docx;
        return null;
    }

    public static string ContentType(FileKind kind) => kind switch
    {
        FileKind.Jpeg => "image/jpeg",
        FileKind.Png => "image/png",
        FileKind.WebP => "image/webp",
        FileKind.Gif => "image/gif",
        FileKind.Pdf => "application/pdf",
        FileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/octet-stream",
    };

    public static FileKind? FromContentType(string contentType) =>
        Enum.GetValues<FileKind>().Cast<FileKind?>().FirstOrDefault(k => ContentType(k!.Value) == contentType);

    public static bool IsImage(FileKind kind) => kind is FileKind.Jpeg or FileKind.Png or FileKind.WebP or FileKind.Gif;

    /// <summary>Shown inline by the browser (images, PDF); anything else is downloaded.</summary>
    public static bool OpensInline(FileKind kind) => IsImage(kind) || kind == FileKind.Pdf;

    private static bool IsDocx(ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes.ToArray(), writable: false), ZipArchiveMode.Read);
            return zip.Entries.Any(e => e.FullName == "word/document.xml");
        }
        catch (InvalidDataException)
        {
            return false; // starts like a zip but is not a readable one
        }
    }
}
