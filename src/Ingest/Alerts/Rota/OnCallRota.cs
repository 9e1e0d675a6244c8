namespace LiveRoom.Ingest.Alerts.Rota;

/// <summary>Who is on duty per site and level, by schedule (issue 7 item 5). Thread-safe; replaced as a whole.</summary>
public sealed class OnCallRota
{
    private volatile IReadOnlyList<RotaEntry> _entries = [];

    public IReadOnlyList<RotaEntry> Entries => _entries;

    public void Set(IReadOnlyList<RotaEntry> entries) => _entries = entries.ToArray();

    public IReadOnlyList<RotaEntry> OnDuty(string site, int level, DateTimeOffset now) =>
        _entries.Where(e => e.Level == level && (e.Site == site || e.Site == "*") && e.OnDuty(now)).ToArray();

    /// <summary>The highest level anyone is on for the site (escalation stops there).</summary>
    public int TopLevel(string site) =>
        _entries.Where(e => e.Site == site || e.Site == "*").Select(e => e.Level).DefaultIfEmpty(0).Max();
}
