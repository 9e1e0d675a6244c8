using System.Security.Cryptography;
using System.Text;

namespace LiveRoom.Probe.Obs;

/// <summary>The obs-websocket 5 authentication string ("Creating an authentication string").</summary>
public static class ObsAuthentication
{
    /// <summary>base64(sha256(base64(sha256(password + salt)) + challenge)), all strings UTF-8.</summary>
    public static string Compute(string password, string salt, string challenge)
    {
        var secret = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(password + salt)));
        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret + challenge)));
    }
}
