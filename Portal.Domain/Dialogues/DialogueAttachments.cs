using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Attachments;
using Portal.Domain.Data;

namespace Portal.Domain.Dialogues;

/// <summary>What the dialogue pillar attaches files to, and how many of what kind each takes.</summary>
public static class DialogueAttachments
{
    public const string QuestionKind = "question";
    public const string AnswerKind = "answer";
    public const string ProgressKind = "progress";

    /// <summary>A resident's question: up to 5 images or PDF, 10 MB each (issue 4).</summary>
    public static readonly AttachmentLimits Question = new(AttachmentLimits.ImagesAndPdf, 5, 10 * AttachmentLimits.MegaByte);
    /// <summary>An official's answer: images, PDF or Word documents.</summary>
    public static readonly AttachmentLimits Answer = new(AttachmentLimits.Documents, 5, 10 * AttachmentLimits.MegaByte);
    /// <summary>Photos of the work done, on a commitment's progress report.</summary>
    public static readonly AttachmentLimits Progress = new(AttachmentLimits.Images, 5, 10 * AttachmentLimits.MegaByte);

    public static AttachmentOwner OfQuestion(long questionId) => AttachmentOwner.Of(QuestionKind, questionId);

    /// <summary>An answer's files belong to the round it was given in (a reopened question gets a fresh answer).</summary>
    public static AttachmentOwner OfAnswer(long questionId, int round) => new(AnswerKind, $"{questionId}-{round}");

    /// <summary>
    /// The files of the answer a question shows: reopened by a "not satisfied" rating, it still shows the earlier round's
    /// answer, with that round's files, until it is answered again.
    /// </summary>
    public static AttachmentOwner OfShownAnswer(long questionId, int timesReopened, QuestionState state) =>
        OfAnswer(questionId, timesReopened > 0 && state is QuestionState.Accepted or QuestionState.Transferred ? timesReopened - 1 : timesReopened);

    public static AttachmentOwner OfProgress(long reportId) => AttachmentOwner.Of(ProgressKind, reportId);
}

/// <summary>
/// Who may open a dialogue file: whoever may see its question. That is the public once the question is public (not
/// pre-moderated, refused, merged or hidden), its author always, and staff in scope: moderators and hosts of the
/// conference's unit, officials and leaders over its village, members of the agency it is routed to.
/// </summary>
public sealed class DialogueAttachmentAccess(string ownerKind) : IAttachmentAccess
{
    public string OwnerKind => ownerKind;

    public static IEnumerable<IAttachmentAccess> All() =>
        [new DialogueAttachmentAccess(DialogueAttachments.QuestionKind), new DialogueAttachmentAccess(DialogueAttachments.AnswerKind),
            new DialogueAttachmentAccess(DialogueAttachments.ProgressKind)];

    public async Task<bool> MayViewAsync(PortalDb db, Actor? viewer, string ownerId, CancellationToken ct)
    {
        var questionId = await QuestionOfAsync(db, ownerId, ct);
        if (questionId is null) return false;
        var row = await db.Questions.Where(q => q.Id == questionId)
            .Join(db.Conferences.Where(c => c.State != ConferenceState.Draft), q => q.ConferenceId, c => c.Id, (q, c) => new { q.ConferenceId, c.Moderation, c.UnitId, q.VillageId, q.AgencyId })
            .SingleOrDefaultAsync(ct);
        if (row is null) return false;
        if (await DialogueReader.Visible(db, row.ConferenceId, row.Moderation, viewer?.UserId).AnyAsync(q => q.Id == questionId, ct)) return true;
        if (viewer is null) return false;
        return await db.MayAsync(viewer, StaffAction.Moderate, row.UnitId, ct)
            || await db.MayAsync(viewer, StaffAction.HostDialogue, row.UnitId, ct)
            || await db.MayAsync(viewer, StaffAction.Answer, row.VillageId, ct)
            || (row.AgencyId is int agency && await db.AgencyMembers.AnyAsync(m => m.AgencyId == agency && m.UserId == viewer.UserId, ct));
    }

    private async Task<long?> QuestionOfAsync(PortalDb db, string ownerId, CancellationToken ct)
    {
        switch (ownerKind)
        {
            case DialogueAttachments.QuestionKind:
                return long.TryParse(ownerId, out var question) ? question : null;
            case DialogueAttachments.AnswerKind:
                return long.TryParse(ownerId.Split('-')[0], out var answered) ? answered : null;
            default:
                if (!long.TryParse(ownerId, out var report)) return null;
                return await db.CommitmentProgressReports.Where(r => r.Id == report)
                    .Join(db.Commitments, r => r.CommitmentId, c => c.Id, (r, c) => (long?)c.QuestionId).SingleOrDefaultAsync(ct);
        }
    }
}
