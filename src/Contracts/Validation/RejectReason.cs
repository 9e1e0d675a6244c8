namespace LiveRoom.Contracts.Validation;

/// <summary>Why the collector refused a payload. The string form (<see cref="RejectReasonCodes"/>) is the metric label and dead-letter topic level.</summary>
public enum RejectReason
{
    BadTopic,
    TooLarge,
    BadJson,
    UnknownSchemaVersion,
    MissingField,
    WrongType,
    NonFinite,
    RoomMismatch,
    SiteMismatch,
    KindMismatch,
    BadIdentifier,
    FutureTimestamp,
    BadTimestamp,
    BadSequence,
    EmptyBatch,
    TooManyFields,
}
