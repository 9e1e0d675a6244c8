using System.Text.Json;
using LiveRoom.Contracts.Validation;

namespace LiveRoom.Contracts.Tests.Validation;

public sealed class JsonProblemTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData("""{"name": 5""", "'5' is an invalid end of a number. Expected a delimiter (at $.name)")]
    [InlineData("""{"name": 5}""", "a value has the wrong type: expected a string, got a number (at $.name)")]
    [InlineData("""{"name": "a", "level": "zero"}""", "a value has the wrong type: expected a number (at $.level)")]
    [InlineData("""{"name": "a", "since": "yesterday"}""", "a value has the wrong type: expected a date and time (ISO 8601, e.g. 2026-11-24T20:00:00+08:00) (at $.since)")]
    [InlineData("""{"name": "a", "from": 9}""", "a value has the wrong type: expected a string, got a number (at $.from)")]
    [InlineData("""{"name": "a", "tags": {}}""", "a value has the wrong type (at $.tags)")]
    [InlineData("[1]", "a value has the wrong type (at $)")]
    [InlineData("""{"level": 1}""", "missing required properties: 'name' (at $)")]
    [InlineData("""{"name": "a",}""", "The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options (at $)")]
    public void Describe_SaysWhatAndWhere_WithoutTheTypeItWasReadInto(string json, string expected)
    {
        var ex = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Person>(json, Web));

        var described = JsonProblem.Describe(ex);

        Assert.Equal(expected, described);
        Assert.DoesNotContain(nameof(Person), described, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", described, StringComparison.Ordinal);
    }

    // Settable properties, as the collector's rota entries and rules have: the serializer then names the property's type.
    private sealed class Person
    {
        public required string Name { get; init; }

        public int Level { get; init; }

        public string[]? Tags { get; init; }

        public DateTimeOffset? Since { get; init; }

        public TimeOnly? From { get; init; }
    }
}
