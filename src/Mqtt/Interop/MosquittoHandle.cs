using System.Runtime.InteropServices;

namespace LiveRoom.Mqtt.Interop;

/// <summary>Owns a <c>struct mosquitto*</c>; released with <c>mosquitto_destroy</c> (which also closes the socket).</summary>
internal sealed class MosquittoHandle : SafeHandle
{
    public MosquittoHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.Destroy(handle);
        return true;
    }
}
