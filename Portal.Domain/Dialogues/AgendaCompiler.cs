namespace Portal.Domain.Dialogues;

public sealed record AgendaQuestion(long Id, string Topic, string Text, string Village, int Supports, QuestionState State, string? Agency);

public sealed record AgendaTopic(string Topic, int Supports, IReadOnlyList<AgendaQuestion> Questions);

public sealed record Agenda(IReadOnlyList<AgendaTopic> Topics, IReadOnlyDictionary<string, int> QuestionsPerVillage, int Total);

/// <summary>Pure: the conference's agenda from its questions: grouped by topic (the most supported topic first),
/// each topic's questions by support, with the number of questions per village. Refused and merged ones are left out.</summary>
public static class AgendaCompiler
{
    public static Agenda Compile(IEnumerable<AgendaQuestion> questions, IReadOnlyList<string> topicOrder)
    {
        var kept = questions.Where(q => q.State is not (QuestionState.Refused or QuestionState.Merged)).ToList();
        var topics = kept.GroupBy(q => q.Topic)
            .Select(g => new AgendaTopic(g.Key, g.Sum(q => q.Supports), g.OrderByDescending(q => q.Supports).ThenBy(q => q.Id).ToList()))
            .OrderByDescending(t => t.Supports)
            .ThenBy(t => topicOrder.ToList().IndexOf(t.Topic) is var i && i < 0 ? int.MaxValue : i)
            .ToList();
        var villages = kept.GroupBy(q => q.Village).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .ToDictionary(g => g.Key, g => g.Count());
        return new Agenda(topics, villages, kept.Count);
    }
}
