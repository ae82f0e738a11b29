namespace Portal.Domain.Drafts;

public enum SectionChangeKind
{
    Unchanged = 0,
    Changed = 1,
    Added = 2,
    Removed = 3,
}

/// <summary>What happened to one section between two versions, with the word diff of its text when it changed.</summary>
public sealed record SectionChange(string Anchor, string Title, SectionChangeKind Kind, IReadOnlyList<DiffPart> Diff);

/// <summary>
/// Pure: two versions of a draft compared section by section, matched by their stable anchors: the new version's order,
/// with the removed sections after the section that preceded them. A retitled section shows its old title in the diff.
/// </summary>
public static class VersionComparer
{
    public static IReadOnlyList<SectionChange> Compare(string before, string after)
    {
        var old = DraftSectionParser.Parse(before);
        var current = DraftSectionParser.Parse(after);
        var oldByAnchor = old.ToDictionary(s => s.Anchor);
        var newAnchors = current.Select(s => s.Anchor).ToHashSet();
        var result = new List<SectionChange>();
        foreach (var section in current)
        {
            if (!oldByAnchor.TryGetValue(section.Anchor, out var was))
            {
                result.Add(new SectionChange(section.Anchor, section.Title, SectionChangeKind.Added, [new DiffPart(DiffKind.Added, Text(section))]));
                continue;
            }
            var diff = WordDiff.Compare(Text(was), Text(section));
            var kind = diff.All(p => p.Kind == DiffKind.Same) ? SectionChangeKind.Unchanged : SectionChangeKind.Changed;
            result.Add(new SectionChange(section.Anchor, section.Title, kind, diff));
        }
        for (var i = 0; i < old.Count; i++)
        {
            if (newAnchors.Contains(old[i].Anchor)) continue;
            var previous = i == 0 ? -1 : result.FindIndex(c => c.Anchor == old[i - 1].Anchor);
            result.Insert(previous + 1, new SectionChange(old[i].Anchor, old[i].Title, SectionChangeKind.Removed, [new DiffPart(DiffKind.Removed, Text(old[i]))]));
        }
        return result;
    }

    private static string Text(DraftSection section) => section.Title + " " + section.PlainText;
}
