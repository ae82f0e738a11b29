using System.IO.Compression;

namespace Portal.Tests.Attachments;

/// <summary>Small files that start the way real ones do (their signatures), plus padding.</summary>
internal static class SampleFiles
{
    public static byte[] Png(int size = 200) => Pad([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'], size);
    public static byte[] Jpeg(int size = 200) => Pad([0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'], size);
    public static byte[] WebP(int size = 200) => Pad([.. "RIFF"u8, 0x24, 0, 0, 0, .. "WEBPVP8 "u8], size);
    public static byte[] Gif(int size = 200) => Pad([.. "GIF89a"u8, 1, 0, 1, 0], size);
    public static byte[] Pdf(int size = 200) => Pad([.. "%PDF-1.7\n%\u00e2\u00e3\n"u8], size);
    public static byte[] Exe(int size = 200) => Pad([.. "MZ"u8, 0x90, 0], size);
    public static byte[] Html() => "<html><script>alert(1)</script></html>"u8.ToArray();

    public static byte[] Docx() => Zip("word/document.xml", "[Content_Types].xml");
    public static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
                writer.Write("<w:document/>");
            }
        return buffer.ToArray();
    }

    private static byte[] Pad(byte[] head, int size)
    {
        var bytes = new byte[Math.Max(size, head.Length)];
        head.CopyTo(bytes, 0);
        for (var i = head.Length; i < bytes.Length; i++) bytes[i] = (byte)(i * 31);
        return bytes;
    }
}
