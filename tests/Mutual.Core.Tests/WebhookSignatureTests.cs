using System.Net;
using Mutual.Core.Webhooks;

namespace Mutual.Core.Tests;

public sealed class WebhookSignatureTests
{
    // Known-answer vector from the Standard Webhooks reference libraries' test suites:
    // standard-webhooks/standard-webhooks libraries/csharp/StandardWebhooks.Tests/WebhookTest.cs (verifyWebhookSignWorks)
    // and libraries/python/tests/test_webhooks.py (test_sign_function).
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string MsgId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string Payload = "{\"test\": 2432232314}";
    private const string Expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(Timestamp);

    [Fact]
    public void SignsTheSpecsKnownAnswer()
    {
        Assert.Equal(Expected, WebhookSignature.Sign(Secret, MsgId, Timestamp, Payload));
        // The reference libraries accept the secret with or without its prefix.
        Assert.Equal(Expected, WebhookSignature.Sign(Secret["whsec_".Length..], MsgId, Timestamp, Payload));
    }

    [Fact]
    public void VerifiesTheSpecsKnownAnswerAndRejectsTampering()
    {
        Assert.True(WebhookSignature.Verify(Secret, MsgId, "1614265330", Expected, Payload, At));
        Assert.False(WebhookSignature.Verify(Secret, MsgId, "1614265330", Expected, Payload + " ", At));
        Assert.False(WebhookSignature.Verify(Secret, "msg_other", "1614265330", Expected, Payload, At));
        // The reference suites' "invalid signature" values: one character off, and truncated garbage.
        Assert.False(WebhookSignature.Verify(Secret, MsgId, "1614265330", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA=", Payload, At));
        Assert.False(WebhookSignature.Verify(Secret, MsgId, "1614265330", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLawdd", Payload, At));
        Assert.False(WebhookSignature.Verify(Secret, MsgId, "hello", Expected, Payload, At));
        Assert.False(WebhookSignature.Verify(Secret, null, "1614265330", Expected, Payload, At));
        Assert.False(WebhookSignature.Verify(Secret, MsgId, "1614265330", null, Payload, At));
    }

    [Fact]
    public void AcceptsAnyMatchingSignatureAmongSeveral()
    {
        // As in the reference suites' multi-signature test: unknown versions and wrong signatures are skipped.
        var header = string.Join(' ', "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=", "v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=",
            Expected, "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=");
        Assert.True(WebhookSignature.Verify(Secret, MsgId, "1614265330", header, Payload, At));
    }

    [Fact]
    public void RefusesTimestampsOutsideTheTolerance()
    {
        Assert.True(WebhookSignature.Verify(Secret, MsgId, "1614265330", Expected, Payload, At.AddMinutes(5)));
        Assert.False(WebhookSignature.Verify(Secret, MsgId, "1614265330", Expected, Payload, At.AddMinutes(5).AddSeconds(1)));
        Assert.False(WebhookSignature.Verify(Secret, MsgId, "1614265330", Expected, Payload, At.AddMinutes(-5).AddSeconds(-1)));
    }

    [Fact]
    public void NewSecretsAreWhsecWith32RandomBytes()
    {
        var a = WebhookSignature.NewSecret();
        Assert.StartsWith("whsec_", a, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(a[6..]).Length);
        Assert.NotEqual(a, WebhookSignature.NewSecret());
    }

    [Fact]
    public void DuringRotationBothSecretsSignSpaceSeparated()
    {
        var old = WebhookSignature.NewSecret();
        var header = WebhookSignature.Header([Secret, old], MsgId, Timestamp, Payload);
        Assert.StartsWith(Expected + " v1,", header, StringComparison.Ordinal);
        Assert.True(WebhookSignature.Verify(old, MsgId, "1614265330", header, Payload, At));
        Assert.True(WebhookSignature.Verify(Secret, MsgId, "1614265330", header, Payload, At));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.0.0.5")]
    [InlineData("172.16.4.4")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fd00:ec2::254")]
    [InlineData("fc00::1")]
    [InlineData("fe80::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    public void InternalAddressesAreForbidden(string address) => Assert.True(NetworkGuard.IsForbidden(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700::1111")]
    public void PublicAddressesAreAllowed(string address) => Assert.False(NetworkGuard.IsForbidden(IPAddress.Parse(address)));

    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://[fd00:ec2::254]/latest")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("http://93.184.216.34/hook")]
    [InlineData("ftp://93.184.216.34/hook")]
    [InlineData("https://user:pw@93.184.216.34/hook")]
    [InlineData("/relative")]
    [InlineData("https://no-such-host.invalid/hook")]
    public async Task RegistrationRefusesInternalOrUnsafeUrls(string url) =>
        Assert.NotNull(await NetworkGuard.CheckUrlAsync(url, allowPrivateNetworks: false, TestContext.Current.CancellationToken));

    [Fact]
    public async Task PrivateNetworksCanBeAllowedForDevelopment()
    {
        Assert.Null(await NetworkGuard.CheckUrlAsync("https://93.184.216.34/hook", false, TestContext.Current.CancellationToken));
        Assert.Null(await NetworkGuard.CheckUrlAsync("http://127.0.0.1:5000/hook", true, TestContext.Current.CancellationToken));
    }
}
