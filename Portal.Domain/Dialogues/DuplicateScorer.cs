using System.Globalization;
using System.Text;

namespace Portal.Domain.Dialogues;

/// <summary>
/// Pure: how alike two questions are, the way pg_trgm measures it (shared word trigrams over all trigrams), after folding
/// Vietnamese to plain letters, so "duong bi sat lo" matches "Đường bị sạt lở" whether it was typed precomposed or with
/// combining marks.
/// </summary>
public static class DuplicateScorer
{
    public const double Threshold = 0.3;

    public static double Similarity(string a, string b)
    {
        var x = Trigrams(a);
        var y = Trigrams(b);
        if (x.Count == 0 || y.Count == 0) return 0;
        var shared = x.Count(y.Contains);
        return (double)shared / (x.Count + y.Count - shared);
    }

    /// <summary>The candidates most like <paramref name="text"/>, best first, above the threshold.</summary>
    public static IReadOnlyList<(T Item, double Score)> Rank<T>(string text, IEnumerable<T> candidates, Func<T, string> textOf, int take = 5)
    {
        var probe = Trigrams(text);
        if (probe.Count == 0) return [];
        return candidates
            .Select(c =>
            {
                var other = Trigrams(textOf(c));
                var shared = other.Count(probe.Contains);
                return (Item: c, Score: other.Count == 0 ? 0 : (double)shared / (probe.Count + other.Count - shared));
            })
            .Where(r => r.Score >= Threshold)
            .OrderByDescending(r => r.Score)
            .Take(take)
            .ToList();
    }

    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            folded.Append(c switch { 'đ' => 'd', 'Đ' => 'd', _ => char.ToLowerInvariant(c) });
        }
        return folded.ToString();
    }

    /// <summary>The word trigrams of the folded text (what <see cref="Similarity"/> compares); the opinion compiler indexes them.</summary>
    public static HashSet<string> Trigrams(string text)
    {
        var set = new HashSet<string>();
        foreach (var word in Fold(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var clean = new string(word.Where(char.IsLetterOrDigit).ToArray());
            if (clean.Length == 0) continue;
            var padded = "  " + clean + " ";
            for (var i = 0; i + 3 <= padded.Length; i++) set.Add(padded.Substring(i, 3));
        }
        return set;
    }
}
