namespace LiveRoom.Ingest.LineProtocol;

/// <summary>Which part of a line a string is written into; each has its own escaping rules.</summary>
internal enum EscapeContext
{
    /// <summary>Measurement: comma and space are escaped.</summary>
    Measurement,

    /// <summary>Tag key, tag value, field key: comma, equals and space are escaped.</summary>
    Key,

    /// <summary>String field value (inside double quotes): double quote and backslash are escaped.</summary>
    StringField,
}
