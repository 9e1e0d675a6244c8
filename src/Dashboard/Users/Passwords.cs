using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace LiveRoom.Dashboard.Users;

/// <summary>
/// Password hashing with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted,
/// format v3), and one-time passwords for new accounts (no default password, issue 8 item 5).
/// </summary>
internal static class Passwords
{
    /// <summary>Shortest password a user may choose: 12 characters.</summary>
    public const int MinLength = 12;

    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static readonly PasswordHasher<UserRecord> Hasher = new();

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public static bool Verify(string hash, string password) =>
        Hasher.VerifyHashedPassword(null!, hash, password) != PasswordVerificationResult.Failed;

    /// <summary>A random 20-character password (about 116 bits) to be shown once and changed at first sign-in.</summary>
    public static string OneTime() => RandomNumberGenerator.GetString(Alphabet, 20);

    /// <summary>A hash of a random password: used to spend the same time on an unknown user as on a known one.</summary>
    public static readonly string Decoy = Hash(OneTime());
}
