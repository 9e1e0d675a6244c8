namespace LiveRoom.Ingest.Security;

/// <summary>One generated broker account: the room it belongs to (null for the collector), its name and clear password.</summary>
public sealed record BrokerUser(RoomId? Room, string UserName, string Password, byte[] Salt, byte[] Hash);
