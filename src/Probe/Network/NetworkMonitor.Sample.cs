using LiveRoom.Probe.Sinks;

namespace LiveRoom.Probe.Network;

public sealed partial class NetworkMonitor
{
    private (double? Tx, double? Rx) ReadNic()
    {
        var devPath = Path.Combine(_options.ProcRoot, "net", "dev");
        IReadOnlyList<NicCounters> interfaces;
        try
        {
            interfaces = ProcNetDevParser.Parse(File.ReadAllText(devPath));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            NetworkLog.ReadFailed(_logger, _name, devPath, ex.Message);
            return (null, null);
        }

        var current = _interface is { } known ? interfaces.FirstOrDefault(i => i.Name == known) : null;
        if (current is null)
        {
            // First sample, or the interface went away (a USB NIC unplugged, a VPN down): choose again.
            var chosen = InterfaceSelector.Select(_options.Interface, interfaces, DefaultRoute());
            if (chosen != _interface)
            {
                _meter.Reset();
                Volatile.Write(ref _interface, chosen);
                _interfaceReported = false;
            }

            if (chosen is null)
            {
                if (!_interfaceReported)
                {
                    _interfaceReported = true;
                    NetworkLog.InterfaceMissing(_logger, _name, _options.Interface);
                    Append(SinkPoints.Event(NetworkPoints.EventInterfaceMissing, _time.GetUtcNow().ToUnixTimeMilliseconds(), $"interface '{_options.Interface}' not found"));
                }

                return (null, null);
            }

            if (!_interfaceReported)
            {
                _interfaceReported = true;
                NetworkLog.InterfaceSelected(_logger, _name, chosen);
            }

            current = interfaces.First(i => i.Name == chosen);
        }

        return _meter.Next(current, _time.GetTimestamp());
    }

    private string? DefaultRoute()
    {
        var routePath = Path.Combine(_options.ProcRoot, "net", "route");
        try
        {
            return File.Exists(routePath) ? ProcNetRouteParser.DefaultRouteInterface(File.ReadAllText(routePath)) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            NetworkLog.ReadFailed(_logger, _name, routePath, ex.Message);
            return null;
        }
    }

    private async Task<RttSample> ProbeRttAsync(CancellationToken cancellationToken)
    {
        var sample = await _prober.ProbeAsync(_options.IngestHost, _options.IngestPort, _options.RttAttempts, _options.RttTimeout, cancellationToken).ConfigureAwait(false);
        var reachable = sample.Failures < sample.Attempts;
        if (reachable != _reachable)
        {
            var first = _reachable is null;
            _reachable = reachable;
            var ts = _time.GetUtcNow().ToUnixTimeMilliseconds();
            if (!reachable)
            {
                NetworkLog.IngestUnreachable(_logger, _name, _options.IngestHost, _options.IngestPort, sample.Error ?? "no connect succeeded");
                Append(SinkPoints.Event(NetworkPoints.EventIngestUnreachable, ts, $"{_options.IngestHost}:{_options.IngestPort}: {sample.Error}"));
            }
            else if (!first)
            {
                NetworkLog.IngestReachable(_logger, _name, _options.IngestHost, _options.IngestPort, sample.RttMs ?? 0);
                Append(SinkPoints.Event(NetworkPoints.EventIngestReachable, ts, $"{_options.IngestHost}:{_options.IngestPort}"));
            }
        }

        return sample;
    }
}
