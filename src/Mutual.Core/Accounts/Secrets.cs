using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Mutual.Core.Accounts;

/// <summary>Random tokens for bearer access and invitations; the store keeps only their SHA-256.</summary>
public static class Secrets
{
    public static string NewToken(string prefix) => prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
