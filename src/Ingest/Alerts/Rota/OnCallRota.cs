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

    /// <summary>
    /// When nobody is on duty at <paramref name="site"/> and <paramref name="level"/> between <paramref name="from"/> and
    /// <paramref name="to"/>: a notice at that level then names nobody (level 0) or goes to level 0 instead. Exact to the
    /// instant: it asks <see cref="RotaEntry.OnDuty"/> at every instant where an entry may change.
    /// </summary>
    public IReadOnlyList<RotaGap> Gaps(string site, int level, DateTimeOffset from, DateTimeOffset to)
    {
        var entries = _entries.Where(e => e.Level == level && (e.Site == site || e.Site == "*")).ToArray();
        var instants = entries.SelectMany(e => e.Changes(from, to)).Append(from).Distinct().Order().ToArray();
        var gaps = new List<RotaGap>();
        DateTimeOffset? start = null;
        foreach (var instant in instants)
        {
            var nobody = !entries.Any(e => e.OnDuty(instant));
            if (nobody && start is null)
            {
                start = instant;
            }
            else if (!nobody && start is { } began)
            {
                gaps.Add(new RotaGap(site, level, began, instant));
                start = null;
            }
        }

        if (start is { } open)
        {
            gaps.Add(new RotaGap(site, level, open, to));
        }

        return gaps;
    }

    /// <summary>The highest level anyone is on for the site (escalation stops there).</summary>
    public int TopLevel(string site) =>
        _entries.Where(e => e.Site == site || e.Site == "*").Select(e => e.Level).DefaultIfEmpty(0).Max();
}
