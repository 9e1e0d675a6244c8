using LiveRoom.Contracts.Topics;

namespace LiveRoom.Ingest.Security;

/// <summary>A site/room pair as given on the command line (<c>site1/room1</c>), both valid <see cref="Identifier"/>s.</summary>
public readonly record struct RoomId(string Site, string Room)
{
    /// <summary>The broker user of this room's edge: <c>edge-{site}-{room}</c>.</summary>
    public string UserName => string.Concat("edge-", Site, "-", Room);

    /// <summary>The broker user of this room's door sign: <c>sign-{site}-{room}</c>.</summary>
    public string SignUserName => string.Concat("sign-", Site, "-", Room);

    /// <summary>Topic prefix the room owns: <c>liveroom/v1/{site}/{room}</c>.</summary>
    public string TopicPrefix => Topic.RoomPrefix(Site, Room);

    public static bool TryParse(string text, out RoomId room, out string? reason)
    {
        room = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || text.IndexOf('/', slash + 1) >= 0)
        {
            reason = $"room '{text}' must be written as site/room";
            return false;
        }

        var site = text[..slash];
        var name = text[(slash + 1)..];
        if (!Identifier.IsValid(site, out var why) || !Identifier.IsValid(name, out why))
        {
            reason = $"room '{text}': {why}";
            return false;
        }

        room = new RoomId(site, name);
        reason = null;
        return true;
    }

    public override string ToString() => string.Concat(Site, "/", Room);
}
