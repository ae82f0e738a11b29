using System.Text.RegularExpressions;
using Markdig.Syntax;
using Portal.Domain.Dialogues;

namespace Portal.Domain.Drafts;

/// <summary>One commentable part of a draft: a heading (Phần, Chương, Mục, Điều or any Markdown heading) or a numbered
/// item (khoản) under it. <see cref="Markdown"/> is the part's own text, without its children.</summary>
public sealed record DraftSection(string Anchor, string Title, int Level, string? ParentAnchor, string Markdown)
{
    /// <summary>The text a proposed wording is compared with: the own text, else the title.</summary>
    public string PlainText => MarkdownRenderer.ToPlainText(Markdown) is { Length: > 0 } plain ? plain : Title;
}

/// <summary>
/// Pure: splits a draft's Markdown into sections with the one Markdig pipeline. Sections start at headings — Markdown
/// headings, or paragraphs that open with a Vietnamese legal heading ("Chương I", "Mục 2", "Điều 5.") — and each numbered
/// item of an ordered list under a heading is a section of its own (a khoản), with its lettered points (a), b)) inside it.
/// Anchors come from the heading's label ("dieu-5", "chuong-ii-muc-1", "dieu-5-k2"), else from the heading's words with
/// accents folded, so they stay the same in a new version as long as the heading does; comments stay on their section.
/// </summary>
public static partial class DraftSectionParser
{
    public const string PreambleAnchor = "mo-dau";

    public static IReadOnlyList<DraftSection> Parse(string markdown)
    {
        var source = Text.Clean(markdown);
        var document = MarkdownRenderer.Parse(source);
        var sections = new List<Builder>();
        var used = new HashSet<string>();
        var stack = new List<Builder>(); // open heading sections, outermost first
        string? chapter = null;
        Builder? clause = null;

        Builder Open(string anchor, string title, int level, string? parent)
        {
            var unique = anchor;
            for (var n = 2; !used.Add(unique); n++) unique = $"{anchor}-{n}";
            var builder = new Builder(unique, title, level, parent);
            sections.Add(builder);
            return builder;
        }

        foreach (var block in document)
        {
            var slice = source.Substring(block.Span.Start, block.Span.Length);
            var heading = block switch
            {
                HeadingBlock h => (Text: Strip(slice.TrimStart('#').TrimEnd('#')), Body: "", MarkdownLevel: h.Level),
                ParagraphBlock when LegalHeading().IsMatch(Strip(FirstLine(slice))) => (Text: Strip(FirstLine(slice)), Body: AfterFirstLine(slice), MarkdownLevel: 0),
                _ => (Text: (string?)null, Body: "", MarkdownLevel: 0),
            };
            if (heading.Text is { Length: > 0 } title)
            {
                var (level, anchor) = Classify(title, heading.MarkdownLevel, ref chapter);
                while (stack.Count > 0 && stack[^1].Level >= level) stack.RemoveAt(stack.Count - 1);
                var section = Open(anchor, title, level, stack.Count > 0 ? stack[^1].Anchor : null);
                stack.Add(section);
                clause = null;
                if (heading.Body.Length > 0) section.Add(heading.Body);
                continue;
            }
            var owner = stack.Count > 0 ? stack[^1] : null;
            if (owner is not null && block is ListBlock { IsOrdered: true, BulletType: '1' } list)
            {
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var number = item.Order > 0 ? item.Order : list.IndexOf(item) + 1;
                    clause = Open($"{owner.Anchor}-k{number}", $"{ShortTitle(owner.Title)}, khoản {number}", owner.Level + 1, owner.Anchor);
                    clause.Add(source.Substring(item.Span.Start, item.Span.Length));
                }
                continue;
            }
            if (clause is not null && Point().IsMatch(Strip(slice)))
            {
                clause.Add(slice); // a lettered point (a), b)) belongs to the clause above it
                continue;
            }
            clause = null;
            (owner ?? sections.FirstOrDefault(s => s.Anchor == PreambleAnchor) ?? Open(PreambleAnchor, "Phần mở đầu", 1, null)).Add(slice);
        }
        return sections.Select(s => new DraftSection(s.Anchor, s.Title, s.Level, s.Parent, string.Join("\n\n", s.Parts))).ToList();
    }

    /// <summary>"Điều 5. Phạm vi điều chỉnh" → "Điều 5": how a clause names its article.</summary>
    private static string ShortTitle(string title) => LabelOnly().Match(title) is { Success: true } m ? m.Value.TrimEnd('.', ':', ' ') : title;

    private static (int Level, string Anchor) Classify(string title, int markdownLevel, ref string? chapter)
    {
        var legal = LegalHeading().Match(title);
        if (legal.Success)
        {
            var word = DuplicateScorer.Fold(legal.Groups["word"].Value);
            var number = legal.Groups["number"].Value.ToLowerInvariant();
            switch (word)
            {
                case "phan":
                    chapter = null;
                    return (1, $"phan-{number}");
                case "chuong":
                    chapter = $"chuong-{number}";
                    return (1, chapter);
                case "muc":
                    return (2, chapter is null ? $"muc-{number}" : $"{chapter}-muc-{number}");
                default:
                    return (3, $"dieu-{number}");
            }
        }
        var slug = Slug().Replace(DuplicateScorer.Fold(title), "-").Trim('-');
        if (slug.Length > 60) slug = slug[..60].TrimEnd('-');
        return (Math.Clamp(markdownLevel, 1, 6), slug.Length == 0 ? "phan" : slug);
    }

    private static string Strip(string text) => text.Replace("*", "").Replace("`", "").Trim();

    private static string FirstLine(string text) => text.Split('\n', 2)[0];

    private static string AfterFirstLine(string text) => text.Split('\n', 2) is [_, var rest] ? rest.Trim() : "";

    [GeneratedRegex(@"^(?<word>Phần|Chương|Mục|Điều)\s+(?<number>(?-i:[IVXLCDM]+)|\d+[a-z]?)(?=$|[.:\s–-])", RegexOptions.IgnoreCase)]
    private static partial Regex LegalHeading();

    [GeneratedRegex(@"^(Phần|Chương|Mục|Điều)\s+((?-i:[IVXLCDM]+)|\d+[a-z]?)[.:]?", RegexOptions.IgnoreCase)]
    private static partial Regex LabelOnly();

    [GeneratedRegex(@"^[a-zđ]\)\s")]
    private static partial Regex Point();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex Slug();

    private sealed class Builder(string anchor, string title, int level, string? parent)
    {
        public string Anchor { get; } = anchor;
        public string Title { get; } = title;
        public int Level { get; } = level;
        public string? Parent { get; } = parent;
        public List<string> Parts { get; } = [];
        public void Add(string markdown) => Parts.Add(markdown.Trim());
    }
}
