using System.Text;

namespace Portal.Domain;

/// <summary>Text arriving from users or files: trimmed and in Unicode NFC, so that the same Vietnamese word
/// typed with combining marks or precomposed letters is stored, compared and searched identically.</summary>
public static class Text
{
    public static string Clean(string? value) => (value ?? "").Trim().Normalize(NormalizationForm.FormC);

    public static string? CleanOrNull(string? value)
    {
        var cleaned = Clean(value);
        return cleaned.Length == 0 ? null : cleaned;
    }

    /// <summary>The text cut to <paramref name="max"/> characters with an ellipsis: a question as the title of a deadline,
    /// a notification or an email line.</summary>
    public static string Shorten(string text, int max = 120) => text.Length <= max ? text : text[..(max - 3)] + "...";
}
