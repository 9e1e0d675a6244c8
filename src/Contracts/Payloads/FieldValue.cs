using System.Globalization;
using System.Text.Json.Serialization;
using LiveRoom.Contracts.Serialization;

namespace LiveRoom.Contracts.Payloads;

/// <summary>The type of one measured value.</summary>
public enum FieldType
{
    /// <summary>A finite number; stored in InfluxDB as a float (so a field never changes type).</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>Text, e.g. a codec name or an event message.</summary>
    Text,
}

/// <summary>
/// One measured value: a finite number, a boolean or a string. On the wire it is the plain JSON value.
/// NaN and infinities cannot be represented (seed clause 4.1: data must be accurate, not "NaN").
/// </summary>
[JsonConverter(typeof(FieldValueJsonConverter))]
public readonly record struct FieldValue
{
    private FieldValue(FieldType type, double number, bool boolean, string? text)
    {
        Type = type;
        Number = number;
        Boolean = boolean;
        Text = text;
    }

    public FieldType Type { get; }

    public double Number { get; }

    public bool Boolean { get; }

    public string? Text { get; }

    /// <exception cref="ArgumentOutOfRangeException">the number is NaN or infinite.</exception>
    public static FieldValue Of(double number) =>
        double.IsFinite(number)
            ? new FieldValue(FieldType.Number, number, false, null)
            : throw new ArgumentOutOfRangeException(nameof(number), number, "a measured value must be finite");

    public static FieldValue Of(bool value) => new(FieldType.Boolean, 0, value, null);

    public static FieldValue Of(string value) => new(FieldType.Text, 0, false, value ?? throw new ArgumentNullException(nameof(value)));

    public static implicit operator FieldValue(double number) => Of(number);

    public static implicit operator FieldValue(bool value) => Of(value);

    public static implicit operator FieldValue(string value) => Of(value);

    public override string ToString() => Type switch
    {
        FieldType.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        FieldType.Boolean => Boolean ? "true" : "false",
        _ => Text ?? string.Empty,
    };
}
