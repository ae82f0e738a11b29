using Microsoft.Extensions.Localization;
using Portal.Domain.Dialogues;

namespace Portal.Web.Dialogues.Staff;

/// <summary>A conference question as an item of the generic moderation queue, with what may be done in its state.</summary>
public static class QuestionModeration
{
    public static ModerationItem ToItem(StaffQuestionRow q, IStringLocalizer<StaffDialoguesText> T, string? conferenceTitle = null) =>
        new(q.Id, q.Body, q.RedactedBody, q.AuthorName, conferenceTitle is null ? q.VillageName : $"{q.VillageName} · {conferenceTitle}",
            q.RelayedForName is null ? null : $"{q.RelayedForName}{(q.RelayedForPhone is null ? "" : $" ({q.RelayedForPhone})")}",
            q.Topic, StateNames.Of(q.State, T), StateNames.ColourOf(q.State), q.ReceivedAt, q.SupportCount, q.State switch
            {
                QuestionState.Received => ModerationActions.Accept | ModerationActions.Refuse | ModerationActions.Merge | ModerationActions.Redact | ModerationActions.Route,
                QuestionState.Accepted => ModerationActions.Refuse | ModerationActions.Merge | ModerationActions.Redact | ModerationActions.Route,
                QuestionState.Transferred => ModerationActions.Redact | ModerationActions.Route,
                _ => ModerationActions.Redact,
            }, q.SuggestedAgencyId, q.AgencyName) { Attachments = q.Attachments };
}
