using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;

namespace Portal.Domain.Dialogues;

public sealed record LiveQuestion(long Id, string Topic, string Text, string Village, int Supports, QuestionState State, string? AnswerHtml, bool AnsweredLive);

public sealed record LiveView(int ConferenceId, string Title, string Hosts, ConferenceState State, DateTimeOffset StartsAt,
    LiveQuestion? Current, IReadOnlyList<LiveQuestion> Next, int Answered, int Total, DateTimeOffset? LiveSince = null);

/// <summary>What the live screens show: the question on stage, the next ones by support, and how far the conference has got.
/// Public text only (redacted where a moderator redacted it); questions hidden by abuse reports are left out.</summary>
public sealed class LiveReader(IDbContextFactory<PortalDb> dbs)
{
    /// <summary>The organising People's Committee of a question's conference (commitments made on stage go to it).</summary>
    public async Task<int> OrganiserOfAsync(long questionId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Questions.Where(q => q.Id == questionId)
            .Join(db.Conferences, q => q.ConferenceId, c => c.Id, (q, c) => c.OrganiserAgencyId).SingleAsync(ct);
    }

    public async Task<LiveView?> ViewAsync(int conferenceId, int next = 5, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var conference = await db.Conferences.AsNoTracking().SingleOrDefaultAsync(c => c.Id == conferenceId && c.State != ConferenceState.Draft, ct);
        if (conference is null) return null;
        var questions = db.Questions.AsNoTracking().Where(q => q.ConferenceId == conferenceId && q.HiddenAt == null
            && q.State != QuestionState.Refused && q.State != QuestionState.Merged && q.State != QuestionState.Received);
        var rows = await questions
            .Where(q => q.Id == conference.LiveQuestionId || (q.State != QuestionState.Answered && q.State != QuestionState.Published))
            .OrderByDescending(q => q.Id == conference.LiveQuestionId).ThenByDescending(q => q.SupportCount).ThenBy(q => q.Id)
            .Take(next + 1)
            .Select(q => new
            {
                q.Id, q.Topic, Text = q.RedactedBody ?? q.Body, Village = db.Units.Where(u => u.Id == q.VillageId).Select(u => u.Name).First(),
                q.SupportCount, q.State, q.AnswerMarkdown, q.AnsweredLive,
            })
            .ToListAsync(ct);
        var live = rows.Select(r => new LiveQuestion(r.Id, r.Topic, r.Text, r.Village, r.SupportCount, r.State,
            r.AnswerMarkdown is null ? null : MarkdownRenderer.ToHtml(r.AnswerMarkdown), r.AnsweredLive)).ToList();
        var current = live.FirstOrDefault(q => q.Id == conference.LiveQuestionId);
        return new LiveView(conference.Id, conference.Title, conference.Hosts, conference.State, conference.StartsAt, current,
            live.Where(q => q.Id != conference.LiveQuestionId).Take(next).ToList(),
            await questions.CountAsync(q => q.State == QuestionState.Answered || q.State == QuestionState.Published, ct),
            await questions.CountAsync(ct),
            current is null ? null : conference.LiveSince);
    }
}
