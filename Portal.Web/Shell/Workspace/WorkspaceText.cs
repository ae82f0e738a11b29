namespace Portal.Web.Shell.Workspace;

/// <summary>Marker for the workspace's English text (WorkspaceText.en.resx); the Vietnamese text is the key.</summary>
public sealed class WorkspaceText;
