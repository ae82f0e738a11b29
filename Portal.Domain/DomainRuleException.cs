namespace Portal.Domain;

/// <summary>
/// A rule of the domain refused an action. <see cref="Key"/> is a message key the UI translates;
/// <see cref="Args"/> fill the message's placeholders.
/// </summary>
public sealed class DomainRuleException(string key, params object?[] args)
    : Exception($"{key} ({string.Join(", ", args)})")
{
    public string Key { get; } = key;
    public object?[] Args { get; } = args;
}
