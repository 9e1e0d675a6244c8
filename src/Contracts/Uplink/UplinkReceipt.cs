using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace LiveRoom.Contracts.Uplink;

/// <summary>
/// The uplink endpoint's reply (<c>application/json</c>): <c>{"bytes":N,"seconds":S,"serverTime":unixMs}</c> — the
/// body bytes the server received, the seconds from the first to the last of them on the server's clock, and the
/// server's UTC time when it replied (milliseconds since the Unix epoch).
/// </summary>
public sealed record UplinkReceipt(long Bytes, double Seconds, long ServerTime)
{
    public const string ContentType = "application/json";

    /// <summary>Mbit/s as the server saw them (null when no time passed).</summary>
    public double? Mbps => Seconds > 0 ? Bytes * 8 / Seconds / 1e6 : null;

    public byte[] ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(96);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("bytes", Bytes);
            w.WriteNumber("seconds", Math.Round(Seconds, 6));
            w.WriteNumber("serverTime", ServerTime);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <exception cref="FormatException">not the reply described above.</exception>
    public static UplinkReceipt Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json.ToArray());
            var root = doc.RootElement;
            var receipt = new UplinkReceipt(
                root.GetProperty("bytes").GetInt64(),
                root.GetProperty("seconds").GetDouble(),
                root.TryGetProperty("serverTime", out var t) ? t.GetInt64() : 0);
            return receipt.Bytes >= 0 && double.IsFinite(receipt.Seconds) && receipt.Seconds >= 0
                ? receipt
                : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"uplink reply out of range: bytes {receipt.Bytes}, seconds {receipt.Seconds}"));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException("not an uplink reply {\"bytes\":N,\"seconds\":S,\"serverTime\":unixMs}: " + ex.Message, ex);
        }
    }
}
