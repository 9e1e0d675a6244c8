using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Channels;
using LiveRoom.Mqtt.Interop;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Mqtt;

/// <summary>
/// <see cref="IMqttClient"/> over libmosquitto 2.0 (MQTT v5). One dedicated thread owns the native client:
/// callers enqueue commands and wake it through an eventfd; it polls the broker socket, runs the library's
/// read/write/misc steps, and completes tasks from the library's callbacks. Continuations never run on that
/// thread (<see cref="TaskCreationOptions.RunContinuationsAsynchronously"/>); received messages and connection
/// events are handed to dispatcher tasks. See docs/decisions/0003-mqtt-binding.md.
/// </summary>
public sealed partial class MosquittoClient : IMqttClient
{
    private readonly MqttClientOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentQueue<ClientCommand> _commands = new();
    private readonly Channel<MqttMessage> _inbox =
        Channel.CreateUnbounded<MqttMessage>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Channel<MqttConnectionChangedEventArgs> _connectionEvents =
        Channel.CreateUnbounded<MqttConnectionChangedEventArgs>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _disposeCts = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _loopExited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _signalGate = new();
    private readonly Thread _thread;
    private readonly Task _messageDispatcher;
    private readonly Task _eventDispatcher;
    /// <summary>How long DisposeAsync waits for the owning thread (it may be stuck in a blocking connect).</summary>
    private static readonly TimeSpan DisposeWait = TimeSpan.FromSeconds(5);
    private int _eventFd;
    private int _wakeRequested;
    private volatile bool _connected;
    private volatile bool _stopRequested;
    private volatile bool _loopDone;
    private int _disposed;
    private long _handlerFailures;
    private long _messagesReceived;

    public MosquittoClient(MqttClientOptions options, ILogger<MosquittoClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger<MosquittoClient>.Instance;
        _eventFd = Poll.CreateEventFd();
        _thread = new Thread(Run)
        {
            IsBackground = true,
            Name = "mosquitto " + options.ClientId,
        };
        _thread.Start();
        try
        {
            // Creating the native client happens on the owning thread too; it takes microseconds.
            _ready.Task.GetAwaiter().GetResult();
        }
        catch
        {
            _thread.Join();
            CloseEventFd();
            throw;
        }

        _messageDispatcher = Task.Run(DispatchMessagesAsync);
        _eventDispatcher = Task.Run(DispatchConnectionEventsAsync);
    }

    /// <inheritdoc />
    public bool IsConnected => _connected;

    /// <inheritdoc />
    public event EventHandler<MqttConnectionChangedEventArgs>? ConnectionChanged;

    /// <summary>Messages whose <see cref="MqttClientOptions.OnMessage"/> handler threw (each was logged; delivery went on).</summary>
    public long HandlerFailures => Interlocked.Read(ref _handlerFailures);

    /// <summary>Messages received from the broker and handed to the dispatcher.</summary>
    public long MessagesReceived => Interlocked.Read(ref _messagesReceived);

    /// <summary>True while the owning native thread runs (false after <see cref="DisposeAsync"/>).</summary>
    internal bool IsLoopThreadAlive => _thread.IsAlive;

    /// <inheritdoc />
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var completion = NewCompletion();
        Enqueue(new ClientCommand(CommandKind.Connect, completion));
        try
        {
            await completion.Task.WaitAsync(_options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Observe(completion.Task);
            Enqueue(new ClientCommand(CommandKind.AbortConnect, null));
            throw new MqttConnectException(
                string.Create(CultureInfo.InvariantCulture, $"no CONNACK from {_options.Host}:{_options.Port} within {_options.ConnectTimeout.TotalSeconds:0.###} s"),
                -1,
                0);
        }
        catch (OperationCanceledException)
        {
            Observe(completion.Task);
            Enqueue(new ClientCommand(CommandKind.AbortConnect, null));
            throw;
        }
    }

    /// <inheritdoc />
    public Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, MqttQos qos, bool retain, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentOutOfRangeException.ThrowIfLessThan((int)qos, 0, nameof(qos));
        ArgumentOutOfRangeException.ThrowIfGreaterThan((int)qos, 2, nameof(qos));
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        var completion = NewCompletion();
        Enqueue(new ClientCommand(CommandKind.Publish, completion)
        {
            Topic = topic,
            TopicUtf8 = NullTerminatedUtf8(topic),
            // A copy: the caller may reuse its buffer at once, and the library takes its own copy anyway.
            Payload = payload.ToArray(),
            Qos = (int)qos,
            Retain = retain,
        });
        return Wait(completion, cancellationToken);
    }

    /// <inheritdoc />
    public Task SubscribeAsync(string filter, MqttQos qos, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan((int)qos, 0, nameof(qos));
        ArgumentOutOfRangeException.ThrowIfGreaterThan((int)qos, 2, nameof(qos));
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var completion = NewCompletion();
        Enqueue(new ClientCommand(CommandKind.Subscribe, completion) { Topic = filter, Qos = (int)qos });
        return Wait(completion, cancellationToken);
    }

    /// <inheritdoc />
    public Task DisconnectAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var completion = NewCompletion();
        Enqueue(new ClientCommand(CommandKind.Disconnect, completion));
        return Wait(completion, cancellationToken);
    }

    /// <summary>
    /// Stops the owning thread and destroys the native client. No DISCONNECT is sent (call
    /// <see cref="DisconnectAsync"/> first for a clean goodbye; otherwise the broker publishes the last will).
    /// Tasks still waiting for the broker fault with <see cref="ObjectDisposedException"/>.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopRequested = true;
        Wake();
        try
        {
            await _loopExited.Task.WaitAsync(DisposeWait).ConfigureAwait(false);
            _thread.Join();
        }
        catch (TimeoutException)
        {
            // The thread is inside a blocking TCP connect (an unreachable host can hold it for the kernel's SYN
            // timeout). It exits, destroys the handle and faults what is pending as soon as that returns.
            Log.DisposeNotWaitingForConnect(_logger, Endpoint, (long)DisposeWait.TotalMilliseconds);
        }

        await _disposeCts.CancelAsync().ConfigureAwait(false);
        _inbox.Writer.TryComplete();
        _connectionEvents.Writer.TryComplete();
        await Task.WhenAll(_messageDispatcher, _eventDispatcher).ConfigureAwait(false);
        _disposeCts.Dispose();
    }

    private static TaskCompletionSource NewCompletion() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static Task Wait(TaskCompletionSource completion, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled)
        {
            return completion.Task;
        }

        // Cancelling abandons the wait only; the library keeps (and delivers) what it was given.
        Observe(completion.Task);
        return completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Marks a task's eventual fault as observed: its waiter may have gone (cancelled or timed out).</summary>
    private static void Observe(Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private static byte[] NullTerminatedUtf8(string text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    private void Enqueue(ClientCommand command)
    {
        _commands.Enqueue(command);
        if (_loopDone)
        {
            // The loop has gone (disposed meanwhile): nobody else will complete it.
            FaultQueuedCommands();
            return;
        }

        Wake();
    }

    private void Wake()
    {
        // Only the first producer after the loop last looked writes to the eventfd.
        if (Interlocked.Exchange(ref _wakeRequested, 1) == 0)
        {
            lock (_signalGate)
            {
                if (_eventFd >= 0)
                {
                    Poll.Signal(_eventFd);
                }
            }
        }
    }

    private void CloseEventFd()
    {
        lock (_signalGate)
        {
            if (_eventFd >= 0)
            {
                Poll.CloseFd(_eventFd);
                _eventFd = -1;
            }
        }
    }

    private void FaultQueuedCommands()
    {
        while (_commands.TryDequeue(out var command))
        {
            command.Completion?.TrySetException(new ObjectDisposedException(nameof(MosquittoClient)));
        }
    }

    private static void Validate(MqttClientOptions o)
    {
        static void Fail(string key, string rule) =>
            throw new ArgumentException($"MqttClientOptions.{key} {rule}", key);

        if (string.IsNullOrWhiteSpace(o.Host))
        {
            Fail(nameof(o.Host), "is required");
        }

        if (o.Port is < 1 or > 65535)
        {
            Fail(nameof(o.Port), "must be between 1 and 65535");
        }

        if (string.IsNullOrEmpty(o.ClientId))
        {
            Fail(nameof(o.ClientId), "is required");
        }

        if (o.KeepAlive < TimeSpan.FromSeconds(5) || o.KeepAlive > TimeSpan.FromSeconds(65535))
        {
            Fail(nameof(o.KeepAlive), "must be between 5 s and 65535 s (libmosquitto refuses less than 5 s)");
        }

        if (o.MaxInflight is < 1 or > 65535)
        {
            Fail(nameof(o.MaxInflight), "must be between 1 and 65535");
        }

        if (o.ReconnectMinDelay <= TimeSpan.Zero || o.ReconnectMaxDelay < o.ReconnectMinDelay)
        {
            Fail(nameof(o.ReconnectMinDelay), "must be positive and not above ReconnectMaxDelay");
        }

        if (o.ConnectTimeout <= TimeSpan.Zero)
        {
            Fail(nameof(o.ConnectTimeout), "must be positive");
        }

        if (!o.CleanStart && o.SessionExpiry <= TimeSpan.Zero)
        {
            Fail(nameof(o.SessionExpiry), "must be positive when CleanStart is false");
        }
    }
}
