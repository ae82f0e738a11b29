namespace Portal.Domain.Drafts;

public enum DiffKind
{
    Same = 0,
    Removed = 1,
    Added = 2,
}

/// <summary>A run of words that is the same in both texts, only in the old one, or only in the new one.</summary>
public sealed record DiffPart(DiffKind Kind, string Text);

/// <summary>
/// Pure: a word-level diff (longest common subsequence of words) between a section's text and a proposed wording, for
/// readers to see at a glance what the commenter would change. Texts are capped so one call stays small.
/// </summary>
public static class WordDiff
{
    public const int MaxWords = 2000;

    public static IReadOnlyList<DiffPart> Compare(string before, string after)
    {
        var a = Words(before);
        var b = Words(after);
        if (a.Length > MaxWords || b.Length > MaxWords)
            return [new DiffPart(DiffKind.Removed, string.Join(' ', a)), new DiffPart(DiffKind.Added, string.Join(' ', b))];
        // lcs[i, j]: length of the LCS of a[i..] and b[j..]
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var parts = new List<DiffPart>();
        void Add(DiffKind kind, string word)
        {
            if (parts.Count > 0 && parts[^1].Kind == kind) parts[^1] = parts[^1] with { Text = parts[^1].Text + " " + word };
            else parts.Add(new DiffPart(kind, word));
        }
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y]) { Add(DiffKind.Same, a[x]); x++; y++; }
            else if (lcs[x + 1, y] >= lcs[x, y + 1]) Add(DiffKind.Removed, a[x++]);
            else Add(DiffKind.Added, b[y++]);
        }
        while (x < a.Length) Add(DiffKind.Removed, a[x++]);
        while (y < b.Length) Add(DiffKind.Added, b[y++]);
        return parts;
    }

    private static string[] Words(string text) => Text.Clean(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
