using System.Globalization;
using LiveRoom.Mqtt.Interop;

namespace LiveRoom.Mqtt;

/// <summary>Publish and subscribe on the owning thread.</summary>
public sealed partial class MosquittoClient
{
    private unsafe void ExecutePublish(ClientCommand command)
    {
        var mid = 0;
        int rc;
        fixed (byte* topic = command.TopicUtf8)
        fixed (byte* payload = command.Payload)
        {
            rc = NativeMethods.PublishV5(_mosq, &mid, topic, command.Payload!.Length, payload, command.Qos, command.Retain, 0);
        }

        var completion = command.Completion!;
        if (command.Qos == 0)
        {
            if (rc == MosquittoConstants.ErrSuccess)
            {
                completion.TrySetResult();
            }
            else
            {
                completion.TrySetException(PublishFailure(command.Topic, rc));
            }

            return;
        }

        // libmosquitto assigns the mid only after validating, then queues the QoS 1/2 message before trying to
        // send it: NO_CONN, CONN_LOST or ERRNO then mean "queued, will be sent after reconnect", not "failed".
        if (mid != 0 && rc != MosquittoConstants.ErrNoMem)
        {
            var pending = new PendingPublish(command.Topic, completion);
            if (_publishes.TryGetValue(mid, out var head))
            {
                while (head.Next is not null)
                {
                    head = head.Next;
                }

                head.Next = pending;
            }
            else
            {
                _publishes[mid] = pending;
            }

            return;
        }

        completion.TrySetException(PublishFailure(command.Topic, rc));
    }

    private static MqttPublishException PublishFailure(string topic, int rc) =>
        new(string.Create(CultureInfo.InvariantCulture, $"publish to '{topic}' failed in libmosquitto: {MosquittoLibrary.ErrorText(rc)} (MOSQ_ERR {rc})"), -1, rc);

    private unsafe void ExecuteSubscribe(ClientCommand command)
    {
        if (!_subscriptions.TryGetValue(command.Topic, out var subscription))
        {
            subscription = new Subscription(command.Topic, command.Qos);
            _subscriptions[command.Topic] = subscription;
        }

        subscription.Qos = command.Qos;
        subscription.Waiters.Add(command.Completion!);
        if (_state != LoopState.Connected)
        {
            // Sent with the others after the next CONNACK.
            return;
        }

        SendSubscribe(subscription, 0);
    }

    private unsafe void SendSubscribe(Subscription subscription, int options)
    {
        var mid = 0;
        var rc = NativeMethods.SubscribeV5(_mosq, &mid, subscription.Filter, subscription.Qos, options, 0);
        if (rc == MosquittoConstants.ErrSuccess)
        {
            _subscribeMids[mid] = subscription.Filter;
            return;
        }

        if (rc is MosquittoConstants.ErrNoConn or MosquittoConstants.ErrConnLost or MosquittoConstants.ErrErrno)
        {
            // The connection dropped under us: renewed after the next CONNACK.
            return;
        }

        _subscriptions.Remove(subscription.Filter);
        var error = new MqttSubscribeException(
            string.Create(CultureInfo.InvariantCulture, $"subscribe to '{subscription.Filter}' failed in libmosquitto: {MosquittoLibrary.ErrorText(rc)} (MOSQ_ERR {rc})"), -1, rc);
        foreach (var waiter in subscription.Waiters)
        {
            waiter.TrySetException(error);
        }

        subscription.Waiters.Clear();
    }

    private void Resubscribe()
    {
        // A resumed session still holds the subscriptions: renew them without the retained messages again.
        var options = _sessionPresent ? MosquittoConstants.SubOptSendRetainIfNew : 0;
        foreach (var subscription in _subscriptions.Values.ToList())
        {
            SendSubscribe(subscription, options);
        }
    }
}
