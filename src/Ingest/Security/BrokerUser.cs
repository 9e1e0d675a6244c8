namespace LiveRoom.Ingest.Security;

/// <summary>
/// One generated broker account: what it is for, the room it belongs to (null for the collector and the dashboard),
/// its name and clear password.
/// </summary>
public sealed record BrokerUser(BrokerUserKind Kind, RoomId? Room, string UserName, string Password, byte[] Salt, byte[] Hash);
