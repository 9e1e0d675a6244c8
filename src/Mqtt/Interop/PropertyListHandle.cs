using System.Runtime.InteropServices;

namespace LiveRoom.Mqtt.Interop;

/// <summary>
/// Owns a <c>mosquitto_property*</c> list built by <c>mosquitto_property_add_*</c>; freed with
/// <c>mosquitto_property_free_all</c>. An empty list is the null pointer, which libmosquitto accepts as "no properties".
/// </summary>
internal sealed class PropertyListHandle : SafeHandle
{
    public PropertyListHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => false;

    /// <summary>Adds a four-byte integer property (e.g. MQTT_PROP_SESSION_EXPIRY_INTERVAL).</summary>
    public int AddInt32(int identifier, uint value)
    {
        var list = handle;
        var rc = NativeMethods.PropertyAddInt32(ref list, identifier, value);
        SetHandle(list);
        return rc;
    }

    protected override bool ReleaseHandle()
    {
        if (handle != nint.Zero)
        {
            var list = handle;
            NativeMethods.PropertyFreeAll(ref list);
        }

        return true;
    }
}
