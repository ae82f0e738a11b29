using System.Globalization;
using System.Text;

namespace Portal.Domain.Search;

/// <summary>
/// Pure: Vietnamese text folded the way the database's <c>portal_fold</c> folds it (unaccent, lower case), one character
/// for one character, so a position in the folded text is the same position in the original (NFC) text. Used to find
/// and mark the words of a query in a result.
/// </summary>
public static class Folding
{
    public static char Fold(char c)
    {
        if (c is 'đ' or 'Đ') return 'd';
        if (c < 128) return char.ToLowerInvariant(c);
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        return char.ToLowerInvariant(decomposed[0]);
    }

    /// <summary>The NFC text folded character by character (same length as the NFC text).</summary>
    public static string Fold(string text)
    {
        var nfc = text.Normalize(NormalizationForm.FormC);
        var chars = new char[nfc.Length];
        for (var i = 0; i < nfc.Length; i++) chars[i] = Fold(nfc[i]);
        return new string(chars);
    }

    /// <summary>The folded words (letters and digits) of a text, each once, in order.</summary>
    public static IReadOnlyList<string> Words(string text) =>
        Tokens(Fold(text)).Select(t => t.Word).Distinct().ToList();

    /// <summary>The words of an already folded text with their positions.</summary>
    public static IEnumerable<(int Start, string Word)> Tokens(string folded)
    {
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && (char.IsLetterOrDigit(folded[i]) || CharUnicodeInfo.GetUnicodeCategory(folded[i]) == UnicodeCategory.NonSpacingMark);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                yield return (start, folded[start..i]);
                start = -1;
            }
        }
    }
}
