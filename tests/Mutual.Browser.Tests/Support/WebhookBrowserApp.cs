using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Mutual.Core.Webhooks;
using Mutual.Web.Infrastructure;

namespace Mutual.Browser.Tests.Support;

/// <summary>
/// A browser app of its own that may deliver to loopback over http (Mutual:Webhooks:AllowPrivateNetworks, as in
/// development), with the background worker off so a test decides when the outbox is fanned out and sent.
/// </summary>
public sealed class WebhookBrowserApp : BrowserApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mutual:Webhooks:AllowPrivateNetworks", "true");
        builder.UseSetting("Mutual:Webhooks:Enabled", "false");
        builder.UseSetting("Mutual:Webhooks:TimeoutSeconds", "2");
    }

    /// <summary>One pass of what the worker does every second: fan out the outbox, then send what is due.</summary>
    public async Task PumpWebhooksAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WebhookDispatcher>().RunAsync();
        await scope.ServiceProvider.GetRequiredService<WebhookSender>().RunAsync();
    }
}
