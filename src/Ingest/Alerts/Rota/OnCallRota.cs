namespace LiveRoom.Ingest.Alerts.Rota;

/// <summary>Who is on duty per site and level, by schedule (issue 7 item 5). Thread-safe; replaced as a whole.</summary>
public sealed class OnCallRota
{
    private volatile IReadOnlyList<RotaEntry> _entries = [];

    public IReadOnlyList<RotaEntry> Entries => _entries;

    public void Set(IReadOnlyList<RotaEntry> entries) => _entries = entries.ToArray();

    /// <summary>
    /// The people to page at <paramref name="site"/> and <paramref name="level"/> now: the covers on duty there if there
    /// are any (a holiday, a swap: the weekly rota at that level rests), otherwise everyone on duty.
    /// </summary>
    public IReadOnlyList<RotaEntry> OnDuty(string site, int level, DateTimeOffset now)
    {
        var onDuty = _entries.Where(e => e.Level == level && (e.Site == site || e.Site == "*") && e.OnDuty(now)).ToArray();
        return onDuty.Any(e => e.Cover) ? onDuty.Where(e => e.Cover).ToArray() : onDuty;
    }

    /// <summary>The highest level anyone is on for the site (escalation stops there).</summary>
    public int TopLevel(string site) =>
        _entries.Where(e => e.Site == site || e.Site == "*").Select(e => e.Level).DefaultIfEmpty(0).Max();
}
