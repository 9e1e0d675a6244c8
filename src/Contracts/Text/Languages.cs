using System.Net.Http.Headers;

namespace LiveRoom.Contracts.Text;

/// <summary>Picks the reader's language from an HTTP <c>Accept-Language</c> header (RFC 9110 section 12.5.4).</summary>
public static class Languages
{
    /// <summary>The <c>Content-Language</c> tag of <paramref name="language"/>.</summary>
    public static string Tag(Language language) => language == Language.Chinese ? "zh-CN" : "en";

    /// <summary>
    /// The language of the highest-weighted range this product speaks: <c>zh</c> (any region or script) is Chinese,
    /// <c>en</c> and <c>*</c> English. No header, a header of other languages only, or an unreadable one is English.
    /// Ties keep the header's order.
    /// </summary>
    public static Language FromAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return Language.English;
        }

        var best = Language.English;
        var bestWeight = 0.0;
        foreach (var part in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!StringWithQualityHeaderValue.TryParse(part, out var range))
            {
                continue;
            }

            var weight = range.Quality ?? 1.0;
            var tag = range.Value.ToLowerInvariant();
            Language? language = tag == "zh" || tag.StartsWith("zh-", StringComparison.Ordinal) ? Language.Chinese
                : tag == "en" || tag.StartsWith("en-", StringComparison.Ordinal) || tag == "*" ? Language.English
                : null;
            if (language is { } spoken && weight > bestWeight)
            {
                best = spoken;
                bestWeight = weight;
            }
        }

        return best;
    }
}
