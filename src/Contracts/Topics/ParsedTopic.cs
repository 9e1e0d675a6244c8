namespace LiveRoom.Contracts.Topics;

/// <summary>A room topic split into its parts: <c>liveroom/v1/{Site}/{Room}/{Channel}[/{Sub}]</c>.</summary>
public sealed record ParsedTopic(string Site, string Room, string Channel, string? Sub)
{
    /// <summary>
    /// Parses a concrete (wildcard-free) room topic. Returns false with a reason a person can act on.
    /// </summary>
    public static bool TryParse(string topic, [NotNullWhen(true)] out ParsedTopic? parsed, [NotNullWhen(false)] out string? reason)
    {
        parsed = null;
        var parts = topic.Split('/');
        if (parts.Length < 5 || parts[0] != "liveroom" || parts[1] != "v1")
        {
            reason = $"topic '{topic}' is not of the form {Topic.Root}/{{site}}/{{room}}/{{channel}}";
            return false;
        }

        if (parts.Length > 6)
        {
            reason = $"topic '{topic}' has {parts.Length} levels; at most 6 are defined";
            return false;
        }

        if (!Identifier.IsValid(parts[2], out reason) || !Identifier.IsValid(parts[3], out reason))
        {
            reason = $"topic '{topic}': {reason}";
            return false;
        }

        var sub = parts.Length == 6 ? parts[5] : null;
        parsed = new ParsedTopic(parts[2], parts[3], parts[4], sub);
        reason = null;
        return true;
    }
}
