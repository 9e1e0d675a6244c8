using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveRoom.Probe.Outbox;

/// <summary>
/// <c>outbox.meta</c>: the outbox identity (random, made once when the outbox is created), the next sequence
/// number and the acknowledged-up-to pointer. Replaced atomically (write a temporary file, fsync, rename).
/// </summary>
internal sealed record OutboxMeta
{
    public const string FileName = "outbox.meta";

    [JsonPropertyName("edge")]
    public required string Edge { get; init; }

    [JsonPropertyName("next_seq")]
    public required long NextSeq { get; init; }

    [JsonPropertyName("acked")]
    public required long Acked { get; init; }

    public static OutboxMeta CreateNew() => new()
    {
        Edge = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
        NextSeq = 1,
        Acked = 0,
    };

    /// <exception cref="OutboxException">the file exists but cannot be read.</exception>
    public static OutboxMeta? Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var meta = JsonSerializer.Deserialize(File.ReadAllBytes(path), OutboxMetaJsonContext.Default.OutboxMeta);
            return meta is { Edge.Length: > 0, NextSeq: >= 1, Acked: >= 0 }
                ? meta
                : throw new OutboxException($"outbox meta file {path} is incomplete");
        }
        catch (JsonException ex)
        {
            throw new OutboxException($"outbox meta file {path} is not valid: {ex.Message}", ex);
        }
    }

    public void Save(string directory)
    {
        var path = Path.Combine(directory, FileName);
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, this, OutboxMetaJsonContext.Default.OutboxMeta);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }
}
