namespace Portal.Domain.Search;

/// <summary>A piece of a result's text: marked when it is one of the searched words (shown as &lt;mark&gt;).</summary>
public sealed record TextSegment(string Text, bool Marked);

/// <summary>
/// Pure: cuts a result's text to a snippet around the first searched word and marks every word that matches a term
/// without regard to accents, as a prefix, or with one typing error (two in long words), the same tolerance the
/// database search has. The output is plain text segments, never HTML: the page renders them as text.
/// </summary>
public static class Highlighter
{
    public static IReadOnlyList<TextSegment> Mark(string text, IReadOnlyList<string> terms, int maxLength = 240)
    {
        var nfc = text.Normalize(System.Text.NormalizationForm.FormC);
        var folded = Folding.Fold(nfc);
        var tokens = Folding.Tokens(folded).ToList();
        // As in the database, a term found as a word (or the start of one) is not also matched with a typing error:
        // "duong" marks "đường" but not "dựng"; a term found nowhere is taken as a typo.
        var exact = terms.Where(term => tokens.Any(t => Matches(t.Word, term, typos: false))).ToHashSet();
        var matches = tokens.Where(t => terms.Any(term => Matches(t.Word, term, typos: !exact.Contains(term)))).ToList();
        var (from, to) = Window(nfc, matches.Count == 0 ? 0 : matches[0].Start, maxLength);
        var segments = new List<TextSegment>();
        if (from > 0) segments.Add(new TextSegment("… ", false));
        var at = from;
        foreach (var (start, word) in matches.Where(m => m.Start >= from && m.Start + m.Word.Length <= to))
        {
            if (start > at) segments.Add(new TextSegment(nfc[at..start], false));
            segments.Add(new TextSegment(nfc.Substring(start, word.Length), true));
            at = start + word.Length;
        }
        if (to > at) segments.Add(new TextSegment(nfc[at..to], false));
        if (to < nfc.Length) segments.Add(new TextSegment(" …", false));
        return segments;
    }

    public static bool Matches(string word, string term, bool typos = true)
    {
        if (word == term) return true;
        if (term.Length >= 3 && word.StartsWith(term, StringComparison.Ordinal)) return true;
        if (!typos || term.Length < 4) return false;
        return Distance(word, term, term.Length >= 8 ? 2 : 1) <= (term.Length >= 8 ? 2 : 1);
    }

    /// <summary>The part of the text to show: starting a little before the first match, on word boundaries.</summary>
    private static (int From, int To) Window(string text, int firstMatch, int maxLength)
    {
        if (text.Length <= maxLength) return (0, text.Length);
        var from = Math.Max(0, firstMatch - maxLength / 4);
        if (from > 0)
        {
            var space = text.IndexOf(' ', from);
            from = space < 0 || space >= firstMatch ? from : space + 1;
        }
        var to = Math.Min(text.Length, from + maxLength);
        if (to < text.Length)
        {
            var space = text.LastIndexOf(' ', to);
            if (space > from) to = space;
        }
        return (from, to);
    }

    /// <summary>Levenshtein distance, giving up (returning limit + 1) once it exceeds <paramref name="limit"/>.</summary>
    private static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var best = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                best = Math.Min(best, current[j]);
            }
            if (best > limit) return limit + 1;
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
