using System.Text;
using System.Text.RegularExpressions;
using Portal.Domain.Dialogues;

namespace Portal.Domain.Drafts;

/// <summary>A published comment as the compiler reads it.</summary>
public sealed record Opinion(long Id, string? SectionAnchor, Stance Stance, string Text, string? ProposedWording, int Supports);

/// <summary>Near-identical comments of one section and stance, collapsed: the most supported one speaks for all.</summary>
public sealed record OpinionCluster(long RepresentativeId, string Text, Stance Stance, int Count, int Supports, IReadOnlyList<long> CommentIds)
{
    public int Weight => Count + Supports;
}

public sealed record WordingProposal(long CommentId, string Wording, int Supports);

public sealed record SectionOpinions(string? Anchor, string Title, int Comments, int Agree, int Disagree, int Amend,
    IReadOnlyList<OpinionCluster> Clusters, IReadOnlyList<OpinionCluster> TopArguments, IReadOnlyList<WordingProposal> Wordings);

public sealed record RecommendationDraft(string? Anchor, string? SectionTitle, string Text, IReadOnlyList<long> SourceCommentIds);

public sealed record CompiledOpinions(IReadOnlyList<SectionOpinions> Sections, IReadOnlyList<RecommendationDraft> Recommendations,
    int Comments, int Agree, int Disagree, int Amend, string Markdown);

/// <summary>
/// Pure: turns a draft's published comments into the criticism report draft. Per section: counts, the stance breakdown,
/// near-identical comments collapsed with their count (mass campaigns of one text are common), the most supported
/// arguments and the proposed wordings; and recommendations — one per cluster of objections or amendments (the heaviest
/// five per section, the rest of that section gathered in one more) — each keeping the ids of the comments behind it.
/// Near-identity is the accent-insensitive trigram similarity of <see cref="DuplicateScorer"/> at
/// <see cref="NearIdentical"/>, found with a prefix filter and a size filter (20,000 comments: docs/benchmarks.md).
/// </summary>
public static partial class OpinionCompiler
{
    public const double NearIdentical = 0.75;
    public const int RecommendationsPerSection = 5;
    public const string GeneralTitle = "Góp ý chung về toàn bộ dự thảo";

    public static CompiledOpinions Compile(string draftTitle, IReadOnlyList<DraftSection> sections, IReadOnlyList<Opinion> opinions)
    {
        var known = sections.Select(s => s.Anchor).ToHashSet();
        var byAnchor = opinions.GroupBy(o => o.SectionAnchor is not null && known.Contains(o.SectionAnchor) ? o.SectionAnchor : null)
            .ToDictionary(g => g.Key ?? "", g => g.ToList());
        var order = new List<(string? Anchor, string Title)> { (null, GeneralTitle) };
        order.AddRange(sections.Select(s => ((string?)s.Anchor, s.Title)));
        var results = new List<SectionOpinions>();
        var recommendations = new List<RecommendationDraft>();
        foreach (var (anchor, title) in order)
        {
            if (!byAnchor.TryGetValue(anchor ?? "", out var mine) || mine.Count == 0) continue;
            var clusters = mine.GroupBy(o => o.Stance).SelectMany(g => Cluster(g.ToList()))
                .OrderByDescending(c => c.Weight).ThenBy(c => c.RepresentativeId).ToList();
            var wordings = mine.Where(o => o.ProposedWording is not null).OrderByDescending(o => o.Supports).ThenBy(o => o.Id)
                .Select(o => new WordingProposal(o.Id, o.ProposedWording!, o.Supports)).ToList();
            results.Add(new SectionOpinions(anchor, title, mine.Count, mine.Count(o => o.Stance == Stance.Agree),
                mine.Count(o => o.Stance == Stance.Disagree), mine.Count(o => o.Stance == Stance.ProposeAmendment),
                clusters, clusters.Take(3).ToList(), wordings));
            recommendations.AddRange(Recommend(anchor, anchor is null ? null : title, clusters, mine));
        }
        var total = opinions.Count;
        var (agree, disagree, amend) = (opinions.Count(o => o.Stance == Stance.Agree), opinions.Count(o => o.Stance == Stance.Disagree),
            opinions.Count(o => o.Stance == Stance.ProposeAmendment));
        return new CompiledOpinions(results, recommendations, total, agree, disagree, amend,
            Markdown(draftTitle, results, sections.Count, total, agree, disagree, amend));
    }

    private static IEnumerable<RecommendationDraft> Recommend(string? anchor, string? title, List<OpinionCluster> clusters, List<Opinion> mine)
    {
        var byId = mine.ToDictionary(o => o.Id);
        var objections = clusters.Where(c => c.Stance != Stance.Agree).ToList();
        foreach (var cluster in objections.Take(RecommendationsPerSection))
        {
            var wording = cluster.CommentIds.Select(id => byId[id].ProposedWording).FirstOrDefault(w => w is not null);
            var text = new StringBuilder(cluster.Stance == Stance.ProposeAmendment ? "Đề nghị sửa đổi: " : "Đề nghị xem xét lại: ");
            text.Append(Text.Shorten(cluster.Text, 2500));
            if (wording is not null) text.Append("\n\nĐề xuất sửa thành: «").Append(Text.Shorten(wording, 1200)).Append('»');
            yield return new RecommendationDraft(anchor, title, text.ToString(), cluster.CommentIds);
        }
        var rest = objections.Skip(RecommendationsPerSection).SelectMany(c => c.CommentIds).ToList();
        if (rest.Count > 0)
            yield return new RecommendationDraft(anchor, title,
                $"Đề nghị xem xét {rest.Count} ý kiến khác không đồng ý hoặc đề xuất sửa đổi{(title is null ? " toàn bộ dự thảo" : " nội dung này")}.", rest);
    }

    /// <summary>Collapses identical (after folding accents, case and punctuation) and near-identical texts of one stance.</summary>
    public static IReadOnlyList<OpinionCluster> Cluster(IReadOnlyList<Opinion> opinions)
    {
        // 1. identical texts: one pass by folded key
        var groups = opinions.GroupBy(o => Key(o.Text)).Select(g => g.OrderByDescending(o => o.Supports).ThenBy(o => o.Id).ToList()).ToList();
        // 2. near-identical groups: greedy clustering, candidates found by a prefix filter over rare trigrams first
        var sets = groups.Select(g => DuplicateScorer.Trigrams(g[0].Text)).ToList();
        var frequency = new Dictionary<string, int>();
        foreach (var set in sets)
            foreach (var gram in set) frequency[gram] = frequency.GetValueOrDefault(gram) + 1;
        var order = Enumerable.Range(0, groups.Count).OrderByDescending(i => groups[i].Count + groups[i].Sum(o => o.Supports)).ThenBy(i => groups[i][0].Id).ToList();
        var clusters = new List<(int Head, List<int> Members)>();
        var index = new Dictionary<string, List<int>>();
        foreach (var i in order)
        {
            var set = sets[i];
            var prefix = Prefix(set, frequency);
            var joined = -1;
            if (set.Count > 0)
            {
                var seen = new HashSet<int>();
                foreach (var gram in prefix)
                {
                    if (!index.TryGetValue(gram, out var postings)) continue;
                    foreach (var c in postings)
                    {
                        var head = sets[clusters[c].Head];
                        // Jaccard ≥ t needs the sizes within a factor t of each other: most candidates stop here.
                        if (head.Count < NearIdentical * set.Count || set.Count < NearIdentical * head.Count || !seen.Add(c)) continue;
                        if (Jaccard(set, head) >= NearIdentical) { joined = c; break; }
                    }
                    if (joined >= 0) break;
                }
            }
            if (joined >= 0)
            {
                clusters[joined].Members.Add(i);
                continue;
            }
            clusters.Add((i, [i]));
            foreach (var gram in prefix)
            {
                if (!index.TryGetValue(gram, out var postings)) index[gram] = postings = [];
                postings.Add(clusters.Count - 1);
            }
        }
        return clusters.Select(c =>
        {
            var members = c.Members.SelectMany(m => groups[m]).ToList();
            var head = groups[c.Head][0];
            return new OpinionCluster(head.Id, head.Text, head.Stance, members.Count, members.Sum(o => o.Supports), members.Select(o => o.Id).Order().ToList());
        }).ToList();
    }

    /// <summary>The rarest trigrams a set must share with any set at least <see cref="NearIdentical"/> like it.</summary>
    private static IEnumerable<string> Prefix(HashSet<string> set, Dictionary<string, int> frequency)
    {
        var length = set.Count - (int)Math.Ceiling(NearIdentical * set.Count) + 1;
        return set.OrderBy(g => frequency[g]).ThenBy(g => g, StringComparer.Ordinal).Take(Math.Max(1, length));
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var shared = a.Count < b.Count ? a.Count(b.Contains) : b.Count(a.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    private static string Key(string text) => NotWord().Replace(DuplicateScorer.Fold(text), " ").Trim();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NotWord();

    private static string Markdown(string title, List<SectionOpinions> sections, int sectionCount, int total, int agree, int disagree, int amend)
    {
        var md = new StringBuilder();
        md.Append("# Báo cáo tổng hợp ý kiến phản biện xã hội\n\n");
        md.Append($"Dự thảo: **{title}**\n\n");
        md.Append($"Tổng số **{total}** ý kiến: {agree} đồng ý, {disagree} không đồng ý, {amend} đề xuất sửa đổi");
        md.Append($"; {sections.Count(s => s.Anchor is not null)}/{sectionCount} phần của dự thảo có ý kiến.\n\n");
        foreach (var section in sections)
        {
            md.Append($"## {section.Title}\n\n");
            md.Append($"- Số ý kiến: {section.Comments} (đồng ý {section.Agree}, không đồng ý {section.Disagree}, đề xuất sửa đổi {section.Amend})\n");
            if (section.TopArguments.Count > 0)
            {
                md.Append("- Ý kiến được quan tâm nhiều nhất:\n");
                foreach (var c in section.TopArguments)
                    md.Append($"  - {StanceWord(c.Stance)}: “{Text.Shorten(Flatten(c.Text), 400)}”")
                      .Append(c.Count > 1 ? $" ({c.Count} ý kiến giống nhau" : " (1 ý kiến").Append($", {c.Supports} lượt ủng hộ)\n");
            }
            if (section.Wordings.Count > 0)
            {
                md.Append("- Đề xuất câu chữ:\n");
                foreach (var w in section.Wordings.Take(3)) md.Append($"  - “{Text.Shorten(Flatten(w.Wording), 400)}”\n");
            }
            md.Append('\n');
        }
        if (total == 0) md.Append("Không có ý kiến góp ý nào trong thời gian lấy ý kiến.\n");
        return md.ToString();
    }

    private static string Flatten(string text) => text.ReplaceLineEndings(" ");

    private static string StanceWord(Stance stance) => stance switch
    {
        Stance.Agree => "Đồng ý",
        Stance.Disagree => "Không đồng ý",
        _ => "Đề xuất sửa đổi",
    };
}
