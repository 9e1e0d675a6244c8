using System.Text.Json;
using System.Text.Json.Serialization;
using LiveRoom.Contracts.Payloads;

namespace LiveRoom.Contracts.Serialization;

/// <summary>Reads and writes a <see cref="FieldValue"/> as a plain JSON number, boolean or string.</summary>
public sealed class FieldValueJsonConverter : JsonConverter<FieldValue>
{
    public override FieldValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                // Utf8JsonReader parses 1e400 as infinity; an overflowing number is not a measurement.
                if (!reader.TryGetDouble(out var number) || !double.IsFinite(number))
                {
                    throw new NonFiniteValueException("a field value is not a finite number");
                }

                return FieldValue.Of(number);
            case JsonTokenType.True:
                return FieldValue.Of(true);
            case JsonTokenType.False:
                return FieldValue.Of(false);
            case JsonTokenType.String:
                var text = reader.GetString()!;
                if (text is "NaN" or "Infinity" or "-Infinity")
                {
                    // What a serializer with named floating-point literals writes for a non-finite double.
                    throw new NonFiniteValueException($"a field value is '{text}'");
                }

                return FieldValue.Of(text);
            default:
                throw new JsonException($"a field value must be a number, boolean or string, not {reader.TokenType}");
        }
    }

    public override void Write(Utf8JsonWriter writer, FieldValue value, JsonSerializerOptions options)
    {
        switch (value.Type)
        {
            case FieldType.Number:
                writer.WriteNumberValue(value.Number);
                break;
            case FieldType.Boolean:
                writer.WriteBooleanValue(value.Boolean);
                break;
            default:
                writer.WriteStringValue(value.Text);
                break;
        }
    }
}
