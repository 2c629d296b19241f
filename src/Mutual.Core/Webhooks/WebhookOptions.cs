namespace Mutual.Core.Webhooks;

/// <summary>Settings under <c>Mutual:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    /// <summary>Allows http and private or loopback targets: for development and tests only.</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>How long one delivery attempt may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many deliveries one pass claims; they are sent concurrently.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// The Standard Webhooks retry schedule: the delay before each attempt. When the last attempt fails the
    /// delivery is given up (after about 27 hours) and the endpoint is disabled.
    /// </summary>
    public IReadOnlyList<TimeSpan> Schedule { get; set; } =
    [
        TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2), TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    /// <summary>After a rotation the old secret keeps signing this long, so receivers can switch without losing events.</summary>
    public TimeSpan RotationGrace { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A claim outlives the longest attempt, so a claim is only ever taken over from a node that died.</summary>
    public TimeSpan Lease => Timeout * 3 + TimeSpan.FromSeconds(30);
}
