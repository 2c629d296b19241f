using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Mutual.Core.Cases;

public static class CaseStage
{
    public const string Received = "received";
    public const string Triage = "triage";
    public const string WithPartner = "with_partner";
    public const string AwaitingCustomer = "awaiting_customer";
    public const string Resolved = "resolved";
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> All = [Received, Triage, WithPartner, AwaitingCustomer, Resolved, Closed];

    /// <summary>Stages a holder may set by hand; with_partner comes only with a hand-off.</summary>
    public static readonly IReadOnlyList<string> Settable = [Triage, AwaitingCustomer, Resolved, Closed];

    public static bool IsOpen(string stage) => stage is not (Resolved or Closed);
}

public static class CasePriority
{
    public const string Low = "low";
    public const string Normal = "normal";
    public const string High = "high";
    public const string Urgent = "urgent";

    public static readonly IReadOnlyList<string> All = [Low, Normal, High, Urgent];

    /// <summary>Response and resolution targets per priority (docs/decisions/009-cases.md).</summary>
    public static (TimeSpan Response, TimeSpan Resolution) Targets(string priority) => priority switch
    {
        Urgent => (TimeSpan.FromHours(1), TimeSpan.FromHours(8)),
        High => (TimeSpan.FromHours(4), TimeSpan.FromHours(24)),
        Low => (TimeSpan.FromHours(24), TimeSpan.FromDays(7)),
        _ => (TimeSpan.FromHours(8), TimeSpan.FromDays(3)),
    };
}

public static class CaseRoles
{
    public const string Customer = "customer";
    public const string Organization = "organization";
}

public static class CaseEntryKind
{
    public const string Opened = "opened";
    public const string Stage = "stage";
    public const string Handoff = "handoff";
    public const string Reply = "reply";
    public const string Note = "note";
    public const string Attachment = "attachment";
    /// <summary>An SLA target missed: Text is "response" or "resolution", the author is the holder at that moment.</summary>
    public const string Breach = "breach";
}

public static class CaseRules
{
    public const int TitleMax = 200;
    public const int TextMax = 8000;
    public const int ReferenceMax = 100;
    public const int FileNameMax = 200;
    public const long FileMaxBytes = 5 * 1024 * 1024;
    public const int FilesPerCase = 20;

    /// <summary>How long a one-time customer link stays usable.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(7);

    /// <summary>A tracking code or link token: 128 random bits, base64url, 22 characters, unguessable and safe in a URL.</summary>
    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>The stored form: an exact-match index lookup on the hash, so no timing of string compares leaks the code.</summary>
    public static byte[] Hash(string code) => SHA256.HashData(Encoding.UTF8.GetBytes(code));

    /// <summary>Only well-formed codes reach the database; anything else is an unknown code.</summary>
    public static bool LooksLikeCode(string? code) => code is { Length: 22 } && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
