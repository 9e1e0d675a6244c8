using System.Text.Json;

namespace LiveRoom.Contracts.Serialization;

/// <summary>A JSON field value that is NaN or infinite; classified as its own rejection reason.</summary>
public sealed class NonFiniteValueException : JsonException
{
    public NonFiniteValueException()
    {
    }

    public NonFiniteValueException(string message)
        : base(message)
    {
    }

    public NonFiniteValueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
