using System.Security.Cryptography;
using System.Text;

namespace LiveRoom.Ingest.Security;

/// <summary>
/// Mosquitto 2.0's password hash, as written by <c>mosquitto_passwd</c> and read by the broker's
/// password_file and dynamic-security plugin: PBKDF2-HMAC-SHA512, 101 iterations, 12-byte random salt,
/// 64-byte hash, stored as <c>$7$101$&lt;base64 salt&gt;$&lt;base64 hash&gt;</c>.
/// </summary>
public static class MosquittoPasswordHash
{
    public const int Iterations = 101;
    public const int SaltLength = 12;
    public const int HashLength = 64;

    /// <summary>Salt and hash of <paramref name="password"/> with a fresh random salt.</summary>
    public static (byte[] Salt, byte[] Hash) Compute(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltLength);
        return (salt, Compute(password, salt, Iterations));
    }

    public static byte[] Compute(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, HashLength);

    /// <summary>The password-file form of a hash: <c>$7$101$salt$hash</c>.</summary>
    public static string Format(byte[] salt, byte[] hash, int iterations = Iterations) =>
        string.Concat("$7$", iterations.ToString(System.Globalization.CultureInfo.InvariantCulture), "$", Convert.ToBase64String(salt), "$", Convert.ToBase64String(hash));

    /// <summary>Checks a password against a <c>$7$</c> entry (the broker's own rule), e.g. one written by mosquitto_passwd.</summary>
    public static bool Verify(string password, string entry)
    {
        var parts = entry.Split('$');
        if (parts.Length != 5 || parts[0].Length != 0 || parts[1] != "7"
            || !int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }

        var salt = Convert.FromBase64String(parts[3]);
        var expected = Convert.FromBase64String(parts[4]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>A random password: 24 bytes, base64url without padding (32 characters, no ':' or whitespace).</summary>
    public static string NewPassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}
