// Most of this assembly's time is waiting: a fault test holds InfluxDB or the broker down for two minutes, a demo waits for
// its rooms to go live. With xUnit's default (one collection per core) two such waits fill both slots while the machine
// idles (about half the CPU was idle over a run of this assembly alone), so four collections run at once.
[assembly: CollectionBehavior(MaxParallelThreads = 4)]
