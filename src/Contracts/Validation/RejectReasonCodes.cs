namespace LiveRoom.Contracts.Validation;

/// <summary>Stable kebab-case codes for <see cref="RejectReason"/> (used in topics, logs and counters).</summary>
public static class RejectReasonCodes
{
    public static string ToCode(this RejectReason reason) => reason switch
    {
        RejectReason.BadTopic => "bad-topic",
        RejectReason.TooLarge => "too-large",
        RejectReason.BadJson => "bad-json",
        RejectReason.UnknownSchemaVersion => "unknown-schema-version",
        RejectReason.MissingField => "missing-field",
        RejectReason.WrongType => "wrong-type",
        RejectReason.NonFinite => "non-finite",
        RejectReason.RoomMismatch => "room-mismatch",
        RejectReason.SiteMismatch => "site-mismatch",
        RejectReason.KindMismatch => "kind-mismatch",
        RejectReason.BadIdentifier => "bad-identifier",
        RejectReason.FutureTimestamp => "future-timestamp",
        RejectReason.BadTimestamp => "bad-timestamp",
        RejectReason.BadSequence => "bad-sequence",
        RejectReason.EmptyBatch => "empty-batch",
        RejectReason.TooManyFields => "too-many-fields",
        _ => "unknown",
    };
}
