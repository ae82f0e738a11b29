namespace Portal.Web.Dialogues.Staff;

/// <summary>Marker for the staff side of dialogue conferences' texts (English in StaffDialoguesText.en.resx).</summary>
public sealed class StaffDialoguesText;
