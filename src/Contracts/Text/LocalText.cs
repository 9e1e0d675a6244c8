namespace LiveRoom.Contracts.Text;

/// <summary>
/// A message in both languages a studio reads: English (logs, the audit trail, scripts, and any reader who asks for no
/// other language) and Simplified Chinese. Both are required, so a message cannot reach a page in one language only.
/// Data inside it (a file's line, a show's title, a room id) is the same in both.
/// </summary>
public readonly record struct LocalText(string English, string Chinese)
{
    /// <summary>The text in <paramref name="language"/>.</summary>
    public string In(Language language) => language == Language.Chinese ? Chinese : English;

    /// <summary>Both texts with <paramref name="suffix"/> appended in its own language.</summary>
    public LocalText Append(LocalText suffix) => new(English + suffix.English, Chinese + suffix.Chinese);

    /// <summary>The English, as logs and the audit trail write it.</summary>
    public override string ToString() => English;
}
