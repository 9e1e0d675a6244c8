namespace LiveRoom.Ingest.Alerts.Notifying;

/// <summary>The language of a channel's messages (<c>Ingest:Alerts:Channels:n:Language</c>: <c>en</c> or <c>zh-CN</c>).</summary>
public enum NoticeLanguage
{
    English,
    Chinese,
}

/// <summary>Reads the setting.</summary>
public static class NoticeLanguages
{
    /// <summary>The values <c>Language</c> takes, for messages naming them.</summary>
    public const string Allowed = "en or zh-CN";

    /// <summary><c>en</c> (or empty) is English, <c>zh-CN</c> / <c>zh</c> Chinese; anything else is not a language here.</summary>
    public static bool TryParse(string? value, out NoticeLanguage language)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "en" or "en-us" or "en-gb":
                language = NoticeLanguage.English;
                return true;
            case "zh" or "zh-cn" or "zh-hans":
                language = NoticeLanguage.Chinese;
                return true;
            default:
                language = NoticeLanguage.English;
                return false;
        }
    }
}
